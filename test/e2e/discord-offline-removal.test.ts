import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../src/transports/discord/bot.js';
import { createLogger } from '../../src/transports/discord/logger.js';
import { ADMIN, contentOf, datasetNames, finalResponse, startBotAgainstFake, TWO_ORDERS_CSV, type RunningBot } from './bot-harness.js';

describe('a server that removed the bot while it was offline, through the bot', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBotAgainstFake({ fake: { guilds: [{ name: 'Toko A' }, { name: 'Toko B' }] } });
    for (const guild of running.fake.guilds) {
      const file = running.fake.addAttachment('orders.csv', TWO_ORDERS_CSV, 'text/csv');
      const imported = await finalResponse(running.fake, running.fake.sendCommand({ guildId: guild.id, name: 'upload', attachments: { file }, options: { dataset: 'orders' }, user: ADMIN }).id);
      expect(contentOf(imported)).toMatch(/Imported into dataset/);
    }
  });
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN the bot was removed from a server while stopped THEN its data is purged at the next start, and the other server keeps its own', async () => {
    const { fake, config } = running;
    const [guildA, guildB] = fake.guilds;
    await running.bot.stop();
    fake.removeGuild(guildB!.id);

    const logs: string[] = [];
    const restarted = await startBot(config, { log: createLogger('debug', [fake.token], { write: (line: string) => logs.push(line) }) });
    try {
      await expect.poll(() => logs.join('\n')).toMatch(new RegExp(`removed from guild ${guildB!.id}; its data was purged \\(2 rows\\)`));
    } finally {
      await restarted.stop();
    }
    expect(datasetNames(config, guildB!.id)).toEqual([]);
    expect(datasetNames(config, guildA!.id)).toEqual(['orders']);
  });
});
