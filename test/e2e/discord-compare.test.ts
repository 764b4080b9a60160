import { loadImage } from '@napi-rs/canvas';
import { MessageFlags } from 'discord.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectFile } from '../helpers.js';
import { ADMIN, contentOf, finalResponse, MEMBER, startBotAgainstFake, type RunningBot } from './bot-harness.js';

const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trimEnd().split('\n');
const dayOf = (line: string) => /\d{4}-\d{2}-\d{2}/.exec(line)![0];
const EARLY = Buffer.from([header, ...lines.filter((line) => dayOf(line) < '2011-11-01')].join('\n'));
const LATE = Buffer.from([header, ...lines.filter((line) => dayOf(line) >= '2011-11-01')].join('\n'));

describe('/segment runs and /segment compare through a fake Discord', () => {
  let running: RunningBot;
  beforeAll(async () => {
    running = await startBotAgainstFake({ fake: { guilds: [{ name: 'Toko A' }] } });
    const { fake } = running;
    for (const [name, bytes] of [['october.csv', EARLY], ['november.csv', LATE]] as const) {
      const sent = fake.sendCommand({ name: 'upload', attachments: { file: fake.addAttachment(name, bytes, 'text/csv') }, options: { dataset: 'shop', mode: 'append' }, user: ADMIN });
      expect(contentOf(await finalResponse(fake, sent.id))).toMatch(/Imported into dataset \*\*shop\*\*/);
    }
  }, 120_000);
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN two uploads THEN /segment runs lists both, by the admin who uploaded, with the admin shown as a mention that pings no one', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'segment', subcommand: 'runs', user: MEMBER });
    const final = await finalResponse(fake, sent.id);
    expect(contentOf(final)).toContain('Segmentation runs of **shop**, newest first.');
    const description = (final.body as { embeds: { description: string }[] }).embeds[0]!.description;
    expect(description.split('\n')).toHaveLength(2);
    expect(description).toMatch(/^• \*\*#2\*\* as of 2011-12-\d\d: \d clusters, net, [\d,]+ customers · run .* UTC by <@700000000000000001>/);
    expect(final.body).toMatchObject({ allowed_mentions: { parse: [] } });
  });

  it('GIVEN /segment compare in Indonesian THEN the reply compares the two newest runs, with the migration chart as its embed image', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'segment', subcommand: 'compare', user: MEMBER, locale: 'id' });
    const final = await finalResponse(fake, sent.id);
    expect(contentOf(final)).toMatch(/^Segmen \*\*shop\*\*: run #1 \(per 2011-11-01\) → run #2 \(per 2011-12-\d\d\)/);
    expect(contentOf(final)).toMatch(/pelanggan baru sejak run sebelumnya/);
    const pngs = final.files.filter((file) => file.contentType === 'image/png');
    expect(pngs.map((file) => file.name)).toEqual(['segment-migration.png']);
    const image = await loadImage(pngs[0]!.bytes);
    expect([image.width, image.height]).toEqual([1000, 560]);
    const message = fake.originalMessage(sent.id)!;
    expect(message.embeds[0]!.image?.url).toBe(message.attachments[0]!.url);
    expect(message.embeds[0]!.fields!.at(-1)!.name).toBe('Perpindahan penting');
  });

  it('GIVEN a run id that does not exist THEN only the asker is told which runs there are', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'segment', subcommand: 'compare', options: { from: 42 }, user: MEMBER });
    const final = await finalResponse(fake, sent.id);
    expect(final.body).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(contentOf(final)).toBe("Dataset 'shop' has no run #42. Its newest runs: #2, #1; segment runs (Discord: /segment runs) lists them, and the dataset option picks another dataset.");
  });
});
