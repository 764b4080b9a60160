import { MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, contentOf, datasetNames, finalResponse, MEMBER, startBotAgainstFake, TWO_ORDERS_CSV, type RunningBot } from './bot-harness.js';

const ANALYSTS = '800000000000000001';
const ANALYST = { id: '700000000000000003', username: 'analyst', permissions: MEMBER.permissions, roles: [ANALYSTS] };
describe('server settings and removal, through the bot', () => {
  let running: RunningBot;

  beforeAll(async () => {
    running = await startBotAgainstFake({ fake: { guilds: [{ name: 'Toko A', roles: [{ id: ANALYSTS, name: 'analysts' }] }, { name: 'Toko B' }] } });
    const { fake } = running;
    for (const guild of fake.guilds) {
      const file = fake.addAttachment('orders.csv', TWO_ORDERS_CSV, 'text/csv');
      const imported = await finalResponse(fake, fake.sendCommand({ guildId: guild.id, name: 'upload', attachments: { file }, options: { dataset: 'orders' }, user: ADMIN }).id);
      expect(contentOf(imported)).toMatch(/Imported into dataset \*\*orders\*\*/);
    }
  });
  afterAll(async () => {
    await running?.close();
  });

  const ask = async (user: typeof MEMBER | typeof ANALYST, locale?: 'id') => {
    const sent = running.fake.sendCommand({ name: 'datasets', subcommand: 'list', user, ...(locale ? { locale } : {}) });
    await finalResponse(running.fake, sent.id);
    return running.fake.originalMessage(sent.id)!;
  };

  it('GIVEN /settings registered THEN its role option is a Discord role option', () => {
    const settings = running.fake.registeredCommands().find((command) => command.name === 'settings');
    expect(settings?.options?.find((option) => option.name === 'role')).toMatchObject({ type: 8, name_localizations: { id: 'peran' } });
  });

  it('GIVEN an admin sets the reading role THEN members without it are refused and members with it may read; the role is not pinged', async () => {
    const { fake } = running;
    expect((await ask(MEMBER)).content).toMatch(/\*\*orders\*\*/);

    const setting = fake.sendCommand({ name: 'settings', options: { role: ANALYSTS }, user: ADMIN });
    const saved = await finalResponse(fake, setting.id);
    // Settings answer privately from the start: the deferral itself is ephemeral and the answer edits it.
    expect(fake.interactionResponses(setting.id)[0]?.body).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(saved.body).toMatchObject({ allowed_mentions: { parse: [] }, content: expect.stringContaining(`<@&${ANALYSTS}>`) });
    expect(fake.originalMessage(setting.id)).toMatchObject({ flags: MessageFlags.Ephemeral });

    const refused = await ask(MEMBER);
    expect(refused).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/role chosen with `\/settings role`/) });
    expect(refused.content).not.toMatch(/orders/);
    expect((await ask(ANALYST)).content).toMatch(/\*\*orders\*\*/);
    expect((await ask(ADMIN)).content).toMatch(/\*\*orders\*\*/);
  });

  it('GIVEN the server language set to Indonesian THEN replies and refusals are Indonesian whatever the member\'s own language', async () => {
    const { fake } = running;
    await finalResponse(fake, fake.sendCommand({ name: 'settings', options: { language: 'id' }, user: ADMIN }).id);

    expect((await ask(ANALYST)).content).toMatch(/^Dataset:\n• \*\*orders\*\*: 2 baris/);
    expect((await ask(MEMBER)).content).toMatch(/^Hanya anggota dengan izin \*\*Kelola Server\*\* atau role/);

    await finalResponse(fake, fake.sendCommand({ name: 'settings', options: { language: 'auto' }, user: ADMIN }).id);
    expect((await ask(ANALYST)).content).toMatch(/^Datasets:/);
  });

  it('GIVEN the bot is removed from a server THEN that server\'s data is purged and the other server keeps its own', async () => {
    const { fake, config, logs } = running;
    const [guildA, guildB] = fake.guilds;

    fake.removeGuild(guildB!.id);
    await expect.poll(() => logs.join('\n')).toMatch(new RegExp(`removed from guild ${guildB!.id}; its data was purged \\(2 rows\\)`));

    expect(datasetNames(config, guildB!.id)).toEqual([]);
    expect(datasetNames(config, guildA!.id)).toEqual(['orders']);
  });
});
