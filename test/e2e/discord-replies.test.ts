import { createCanvas, loadImage } from '@napi-rs/canvas';
import { MessageFlags } from 'discord.js';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCommand, type Command } from '../../commands/command.js';
import { COMMANDS } from '../../commands/index.js';
import { ADMIN, contentOf, finalResponse, MEMBER, startBotAgainstFake, type RunningBot } from './bot-harness.js';

function chartPng(): Buffer {
  const canvas = createCanvas(1000, 560);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 1000, 560);
  context.fillStyle = '#1f77b4';
  context.fillRect(100, 100, 300, 360);
  return canvas.toBuffer('image/png');
}

/** Replies shaped like the segmentation commands' will be, to hold the Discord rendering to Discord's limits. */
const probes = [
  defineCommand({
    path: ['probe', 'overview'],
    description: { en: 'Probe: a reply with charts and too much text', id: 'Uji: balasan dengan grafik dan teks berlebih' },
    permission: 'read',
    options: [{ name: 'k', type: 'integer', description: { en: 'Clusters', id: 'Klaster' } }],
    schema: z.object({ k: z.number().int().min(2).max(10).default(4) }),
    async run(_ctx, input) {
      return {
        ok: true,
        text: `Segments for @everyone (k=${input.k})\n${'A line of overview text.\n'.repeat(120)}`,
        embeds: Array.from({ length: 12 }, (_, i) => ({
          title: `Segment ${i + 1}`,
          description: 'd'.repeat(300),
          fields: Array.from({ length: 30 }, (__, f) => ({ name: `Field ${f}`, value: 'v'.repeat(10), inline: true })),
          ...(i === 0 ? { image: 'segments.png' } : { image: 'missing.png' }),
          footer: 'Segmenta',
          color: 0x1f77b4,
        })),
        files: [
          { name: 'segments.png', data: chartPng(), contentType: 'image/png' },
          { name: 'customers.csv', data: Buffer.from('customer_id\n12346\n'), contentType: 'text/csv' },
        ],
      };
    },
  }),
  defineCommand({
    path: ['probe', 'card'],
    description: { en: 'Probe: an ephemeral customer card', id: 'Uji: kartu pelanggan pribadi' },
    permission: 'read',
    options: [],
    schema: z.object({}),
    async run(ctx) {
      return { ok: true, ephemeral: true, text: `Customer card in ${ctx.guildId} for ${ctx.locale}` };
    },
  }),
  defineCommand({
    path: ['probe', 'crash'],
    description: { en: 'Probe: a command that throws', id: 'Uji: perintah yang gagal' },
    permission: 'read',
    options: [],
    schema: z.object({}),
    async run() {
      throw new Error('probe exploded');
    },
  }),
  defineCommand({
    path: ['probe', 'heavy'],
    description: { en: 'Probe: charts heavier than the server lets the bot upload', id: 'Uji: grafik melebihi batas unggah server' },
    permission: 'read',
    options: [],
    schema: z.object({}),
    async run() {
      const chart = (name: string) => ({ name, data: Buffer.concat([chartPng(), Buffer.alloc(90_000)]), contentType: 'image/png' as const });
      return { ok: true, text: 'Heavy charts', embeds: ['one', 'two', 'three'].map((name) => ({ title: name, image: `${name}.png` })), files: ['one', 'two', 'three'].map((name) => chart(`${name}.png`)) };
    },
  }),
  defineCommand({
    path: ['probe', 'hold'],
    description: { en: 'Probe: a change that holds until the test releases it', id: 'Uji: perubahan yang menunggu dilepas' },
    permission: 'manage',
    options: [],
    schema: z.object({}),
    async run() {
      await held.promise;
      return { ok: true, text: 'released' };
    },
  }),
] as unknown as Command[];

let release: () => void = () => {};
const held = { promise: new Promise<void>((resolve) => (release = resolve)), resolve: () => release() };
const SMALL_CSV = Buffer.from('InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n1,A,MUG,1,2024-01-05 10:00:00,5.00,12346,United Kingdom\n');

describe('Discord replies rendered from plain Reply objects', () => {
  let running: RunningBot;

  beforeAll(async () => {
    running = await startBotAgainstFake({ fake: { guilds: [{ name: 'Toko A' }, { name: 'Toko B' }], uploadLimitBytes: 250_000 }, commands: [...COMMANDS, ...probes] });
  });
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN a reply over every limit THEN it fits Discord: 2000 characters, 10 embeds, 25 fields, PNG shown in its embed, full text attached', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'probe', subcommand: 'overview', options: { k: 5 }, user: MEMBER });

    const final = await finalResponse(fake, sent.id);

    expect(final.status).toBe(200);
    expect(contentOf(final).length).toBeLessThanOrEqual(2000);
    expect(contentOf(final)).toMatch(/^Segments for @everyone \(k=5\)/);
    expect(final.body).toMatchObject({ allowed_mentions: { parse: [] } });
    const message = fake.originalMessage(sent.id)!;
    expect(message.embeds.length).toBeGreaterThan(0);
    expect(message.embeds.length).toBeLessThanOrEqual(10);
    expect(message.embeds.every((embed) => (embed.fields?.length ?? 0) <= 25)).toBe(true);
    expect(final.files.map((file) => file.name)).toEqual(['segments.png', 'customers.csv', 'reply.txt']);
    expect(final.files[2]?.bytes.toString('utf8')).toContain('A line of overview text.\n'.repeat(120));
    const image = message.embeds[0]?.image?.url ?? '';
    expect(image).toBe(message.attachments.find((attachment) => attachment.filename === 'segments.png')?.url);
    expect(message.embeds[1]?.image).toBeUndefined();
    const png = await loadImage(fake.attachmentBytes(image)!);
    expect([png.width, png.height]).toEqual([1000, 560]);
  });

  it('GIVEN charts heavier than the server\'s upload limit THEN the ones that fit are sent and the message says one was left out', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'probe', subcommand: 'heavy', user: MEMBER });

    const final = await finalResponse(fake, sent.id);

    expect(final.status).toBe(200);
    expect(final.files.map((file) => file.name)).toEqual(['one.png', 'two.png']);
    expect(contentOf(final)).toBe('Heavy charts\n(1 file was left out: over what this server lets the bot upload in one message.)');
    expect(fake.originalMessage(sent.id)!.embeds.map((embed) => Boolean(embed.image))).toEqual([true, true, false]);
  });

  it('GIVEN an ephemeral reply THEN the public placeholder is removed and only the asker sees the answer, in their locale', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'probe', subcommand: 'card', user: MEMBER, locale: 'id' });

    const final = await finalResponse(fake, sent.id);

    expect(final.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: `Customer card in ${fake.guilds[0]!.id} for id` });
    expect(fake.interactionResponses(sent.id).map((request) => `${request.method} ${request.status}`)).toEqual(['POST 204', 'DELETE 204', 'POST 200']);
    const visible = fake.channelMessages(fake.guilds[0]!.channels[0]!.id).filter((message) => message.interaction_metadata?.id === sent.id);
    expect(visible.map((message) => message.flags)).toEqual([MessageFlags.Ephemeral]);
  });

  it('GIVEN a command that throws THEN the member gets a polite ephemeral line, the log gets the error, the bot keeps serving', async () => {
    const { fake, logs } = running;
    const crash = fake.sendCommand({ name: 'probe', subcommand: 'crash', user: MEMBER });

    const refused = await finalResponse(fake, crash.id);
    const after = await finalResponse(fake, fake.sendCommand({ name: 'datasets', subcommand: 'list', user: MEMBER }).id);

    expect(refused.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^Sorry, something went wrong on our side/) });
    expect(contentOf(refused)).not.toMatch(/exploded|at /);
    expect(logs.join('\n')).toMatch(/command probe crash failed \(guild \d+\).*probe exploded/);
    expect(contentOf(after)).toMatch(/No datasets yet/);
  });

  it('GIVEN an option Discord lets through but the schema refuses THEN the member is told what is wrong, ephemeral', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'probe', subcommand: 'overview', options: { k: 40 }, user: MEMBER });

    const final = await finalResponse(fake, sent.id);

    expect(final.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/^That does not look right: k:/) });
  });

  it('GIVEN a change running in one server THEN an upload there waits its turn with a notice, and an upload in another server does not', async () => {
    const { fake } = running;
    const [guildA, guildB] = fake.guilds;
    const upload = (guildId: string) => fake.sendCommand({ guildId, name: 'upload', attachments: { file: fake.addAttachment('shop.csv', SMALL_CSV, 'text/csv') }, user: ADMIN });
    const hold = fake.sendCommand({ guildId: guildA!.id, name: 'probe', subcommand: 'hold', user: ADMIN });
    await fake.waitFor((request) => request.interactionId === hold.id);

    const waiting = upload(guildA!.id);
    const notice = await fake.waitFor((request) => request.interactionId === waiting.id && contentOf(request).startsWith('⏳ Waiting'));
    const elsewhere = await finalResponse(fake, upload(guildB!.id).id);
    held.resolve();
    const [released, imported] = await Promise.all([finalResponse(fake, hold.id), finalResponse(fake, waiting.id)]);

    expect(contentOf(notice)).toBe('⏳ Waiting for 1 earlier upload or change in this server to finish; yours starts right after.');
    expect(contentOf(elsewhere)).toMatch(/Imported into dataset \*\*shop\*\*/);
    expect(elsewhere.seq).toBeLessThan(released.seq);
    expect(contentOf(released)).toBe('released');
    expect(contentOf(imported)).toMatch(/Imported into dataset \*\*shop\*\*/);
    expect(imported.seq).toBeGreaterThan(released.seq);
  });

  it('GIVEN autocomplete on an option THEN the bot answers within the deadline', async () => {
    const { fake } = running;
    const sent = fake.sendAutocomplete({ name: 'datasets', subcommand: 'delete', focused: 'name', options: { name: 'sa' }, user: MEMBER });

    const response = await fake.waitFor((request) => request.interactionId === sent.id);

    expect(response).toMatchObject({ status: 204, late: false, body: { type: 8, data: { choices: [] } } });
  });
});
