import { readFileSync } from 'node:fs';
import { loadImage } from '@napi-rs/canvas';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { projectFile, sharedData } from '../helpers.js';
import {
  ADMIN,
  contentOf,
  finalResponse,
  MEMBER,
  progressEdits,
  startBotAgainstFake,
  startForbiddenServer,
  type RunningBot,
} from './bot-harness.js';
import type { FakeDiscord, RecordedRequest } from './fake-discord/index.js';

const SAMPLE = readFileSync(projectFile('data/sample_online_retail.csv'));
const MiB = 1024 * 1024;

/** The same customer ids in two shops, with different purchases. */
const SHOP_A = Buffer.from(
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
    '1001,A1,MUG,2,2024-01-05 10:00:00,5.00,12346,United Kingdom\n' +
    '1002,A2,PLATE,1,2024-02-05 10:00:00,7.00,12347,United Kingdom\n' +
    '1003,A1,MUG,3,2024-03-05 10:00:00,5.00,12346,United Kingdom\n',
);
const SHOP_B = Buffer.from(
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
    '9001,B1,KOPI,10,2024-01-07 09:00:00,30000,12346,Indonesia\n' +
    '9002,B2,TEH,4,2024-01-08 09:00:00,15000,12347,Indonesia\n' +
    '9003,B1,KOPI,1,2024-02-07 09:00:00,30000,12346,Indonesia\n' +
    '9004,B3,GULA,2,2024-02-09 09:00:00,12000,12348,Indonesia\n' +
    '9005,B2,TEH,6,2024-03-01 09:00:00,15000,12347,Indonesia\n',
);

/** Every PNG the reply uploaded decodes, and every embed image points at one of them. */
async function expectChartsShownInEmbeds(fake: FakeDiscord, interactionId: string, final: RecordedRequest): Promise<void> {
  const pngs = final.files.filter((file) => file.contentType === 'image/png');
  expect(pngs.length).toBeGreaterThan(0);
  for (const png of pngs) {
    const image = await loadImage(png.bytes);
    expect(image.width).toBeGreaterThan(0);
  }
  const message = fake.originalMessage(interactionId)!;
  const images = message.embeds.flatMap((embed) => (embed.image ? [embed.image.url] : []));
  expect(images.length).toBe(pngs.length);
  for (const url of images) expect(message.attachments.some((attachment) => attachment.url === url)).toBe(true);
}

describe('the Segmenta bot through a fake Discord', () => {
  let running: RunningBot;
  let forbidden: Awaited<ReturnType<typeof startForbiddenServer>>;

  beforeAll(async () => {
    forbidden = await startForbiddenServer();
    running = await startBotAgainstFake({
      fake: { guilds: [{ name: 'Toko A' }, { name: 'Toko B', preferredLocale: 'id' }] },
      env: { MAX_UPLOAD_MB: '5' },
    });
  });
  afterAll(async () => {
    await running?.close();
    await forbidden?.close();
  });

  it('GIVEN the deploy script THEN every command in COMMANDS is registered, server-only, in English and Indonesian, Manage Server on upload', () => {
    const { fake } = running;
    const registered = fake.registeredCommands();
    expect(registered.map((command) => command.name)).toEqual([...new Set(COMMANDS.map((command) => command.path[0]))]);
    expect(registered.every((command) => command.contexts?.length === 1 && command.contexts[0] === 0)).toBe(true);
    const upload = registered.find((command) => command.name === 'upload');
    expect(upload).toMatchObject({
      default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
      name_localizations: { id: 'unggah' },
      description_localizations: { id: expect.stringContaining('Unggah') },
    });
    expect(upload?.options?.[0]).toMatchObject({ name: 'file', type: 11, required: true });
    const datasets = registered.find((command) => command.name === 'datasets');
    // `datasets list` is for everyone, so the group stays visible and `datasets delete` is checked on our side.
    expect(datasets?.default_member_permissions).toBeNull();
    expect(datasets?.options?.map((option) => option.name)).toEqual(COMMANDS.filter((c) => c.path[0] === 'datasets').map((c) => c.path[1]));
    expect(fake.requests.filter((request) => request.route?.startsWith('PUT /applications')).length).toBe(1);
  });

  it('GIVEN an admin uploads the sample export THEN the reply is deferred at once, edited with progress, then shows the import report', async () => {
    const { fake } = running;
    const file = fake.addAttachment('sample_online_retail.csv', SAMPLE, 'text/csv');
    const sent = fake.sendCommand({ name: 'upload', attachments: { file }, options: { dataset: 'sample' }, user: ADMIN });

    const final = await finalResponse(fake, sent.id);

    const [deferred] = fake.interactionResponses(sent.id);
    expect(deferred).toMatchObject({ status: 204, late: false, body: { type: InteractionResponseType.DeferredChannelMessageWithSource } });
    const progress = progressEdits(fake, sent.id);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(contentOf(progress[0])).toMatch(/^⏳ \S.*`\[[#.]{20}\]` \d+% · [\d,]+\/[\d,]+ (bytes|rows)/);
    for (const [previous, next] of progress.slice(1).map((edit, i) => [progress[i]!, edit] as const)) expect(next.at - previous.at).toBeGreaterThanOrEqual(1_990);
    expect(progress.every((edit) => edit.seq < final.seq)).toBe(true);
    expect(final.method).toBe('PATCH');
    expect(contentOf(final)).toMatch(/Imported into dataset \*\*sample\*\*/);
    expect(contentOf(final).length).toBeLessThanOrEqual(2000);
    expect(final.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(fake.originalMessage(sent.id)?.flags ?? 0).toBe(0);
    await expectChartsShownInEmbeds(running.fake, sent.id, final);
    expect(fake.cdnRequests.filter((request) => request.path.includes(file.id)).map((request) => request.status)).toEqual([200]);
    // Nothing after the answer: a late progress edit would overwrite it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.interactionResponses(sent.id).at(-1)?.seq).toBe(final.seq);
  });

  it('GIVEN /upload dry_run:true and /inspect THEN they show how the export would be read, in the member\'s language, and store nothing', async () => {
    const { fake } = running;
    const shopify = readFileSync(sharedData('platforms/shopify_orders_export.csv'));
    const dryRun = fake.sendCommand({ name: 'upload', attachments: { file: fake.addAttachment('shopify.csv', shopify, 'text/csv') }, options: { dataset: 'shopify', dry_run: true }, user: ADMIN });
    const inspect = fake.sendCommand({ name: 'inspect', attachments: { file: fake.addAttachment('shopify.csv', shopify, 'text/csv') }, user: ADMIN, locale: 'id' });
    const [dryRunFinal, inspectFinal] = await Promise.all([finalResponse(fake, dryRun.id), finalResponse(fake, inspect.id)]);
    expect(contentOf(dryRunFinal)).toMatch(/^Dry run of \*\*shopify\.csv\*\*.*\nRecognised: Shopify orders export — customer = Email[^]*\nNothing was stored \(dry run\)\.$/);
    expect(contentOf(inspectFinal)).toMatch(/^Uji coba \*\*shopify\.csv\*\*.*\nDikenali: Shopify orders export[^]*\nTidak ada yang disimpan \(uji coba\)\.$/);
    const listed = await finalResponse(fake, fake.sendCommand({ name: 'datasets', subcommand: 'list', user: MEMBER }).id);
    expect(contentOf(listed)).not.toMatch(/shopify/);
  });

  it('GIVEN a member runs /datasets list THEN the channel sees this server\'s datasets', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'datasets', subcommand: 'list', user: MEMBER });

    const final = await finalResponse(fake, sent.id);

    expect(contentOf(final)).toMatch(/\*\*sample\*\*: [\d,]+ rows, [\d,]+ customers/);
    expect(fake.originalMessage(sent.id)?.content).toBe(contentOf(final));
    expect(fake.originalMessage(sent.id)?.flags ?? 0).toBe(0);
  });

  it('GIVEN a member runs /segments THEN the overview embed comes with chart images that decode', async () => {
    const { fake } = running;
    const sent = fake.sendCommand({ name: 'segments', options: { dataset: 'sample' }, user: MEMBER });

    const final = await finalResponse(fake, sent.id);

    expect(final.method).toBe('PATCH');
    expect(contentOf(final)).toMatch(/^Segments of \*\*sample\*\*/);
    const [overview] = fake.originalMessage(sent.id)!.embeds;
    expect(overview?.fields?.length).toBeGreaterThanOrEqual(3);
    await expectChartsShownInEmbeds(fake, sent.id, final);
  });

  it('GIVEN /segment customer with autocomplete THEN at most 25 ids with the typed prefix, and the chosen card only for the asker', async () => {
    const { fake } = running;
    const typing = fake.sendAutocomplete({ name: 'segment', subcommand: 'customer', focused: 'id', options: { id: '1' }, user: MEMBER });
    const suggested = await fake.waitFor((request) => request.interactionId === typing.id);
    const choices = (suggested.body as { data: { choices: { name: string; value: string }[] } }).data.choices;
    expect(suggested).toMatchObject({ status: 204, late: false });
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.every((choice) => choice.value.startsWith('1'))).toBe(true);

    const sent = fake.sendCommand({ name: 'segment', subcommand: 'customer', options: { id: choices[0]!.value, dataset: 'sample' }, user: MEMBER });
    const card = await finalResponse(fake, sent.id);

    // A card is for the asker only from the start: even the "thinking…" placeholder is ephemeral.
    expect(card.route).toBe('PATCH /webhooks/:app/:token/messages/:message');
    expect(card.body).toMatchObject({ embeds: [{ title: `Customer ${choices[0]!.value}` }] });
    expect(fake.interactionResponses(sent.id)[0]?.body).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(fake.originalMessage(sent.id)).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(fake.interactionResponses(sent.id).map((request) => request.method)).toEqual(['POST', 'PATCH']);
  });

  it('GIVEN /segment list for a suggested segment THEN the customers come as a CSV attachment with a count', async () => {
    const { fake } = running;
    const typing = fake.sendAutocomplete({ name: 'segment', subcommand: 'list', focused: 'name', options: { name: '' }, user: MEMBER });
    const suggested = await fake.waitFor((request) => request.interactionId === typing.id);
    const [segment] = (suggested.body as { data: { choices: { value: string }[] } }).data.choices;

    const sent = fake.sendCommand({ name: 'segment', subcommand: 'list', options: { name: segment!.value, dataset: 'sample' }, user: MEMBER });
    const final = await finalResponse(fake, sent.id);

    const [csv] = final.files;
    expect(csv?.name).toMatch(/\.csv$/);
    const lines = csv!.bytes.toString('utf8').trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(1);
    expect(contentOf(final)).toContain(String(lines.length - 1));
  });

  it('GIVEN a member without Manage Server uploads THEN it is refused, ephemeral and localised, before any download', async () => {
    const { fake } = running;
    const file = fake.addAttachment('orders.csv', SHOP_A, 'text/csv');
    const english = fake.sendCommand({ name: 'upload', attachments: { file }, user: MEMBER });
    const indonesian = fake.sendCommand({ name: 'upload', attachments: { file }, user: MEMBER, locale: 'id' });

    const [refusedEn, refusedId] = await Promise.all([finalResponse(fake, english.id), finalResponse(fake, indonesian.id)]);

    expect(refusedEn.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    expect(fake.originalMessage(english.id)?.content).toMatch(/Manage Server/);
    expect(fake.originalMessage(indonesian.id)?.content).toMatch(/Kelola Server/);
    expect(refusedId.status).toBe(204);
    expect(fake.cdnRequests.some((request) => request.path.includes(file.id))).toBe(false);
  });

  it('GIVEN an attachment URL that is not on Discord\'s CDN THEN it is refused without a request to that host', async () => {
    const { fake } = running;
    const file = fake.addAttachment('orders.csv', SHOP_A, 'text/csv', { url: `${forbidden.url}/internal/orders.csv` });
    const sent = fake.sendCommand({ name: 'upload', attachments: { file }, user: ADMIN });

    await finalResponse(fake, sent.id);

    expect(fake.originalMessage(sent.id)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/does not come from Discord/) });
    expect(forbidden.hits).toEqual([]);
  });

  it('GIVEN a CDN URL that redirects elsewhere THEN the redirect is not followed and the upload is refused', async () => {
    const { fake } = running;
    const file = fake.addRedirectingAttachment('trap.csv', `${forbidden.url}/metadata/secret`);
    const sent = fake.sendCommand({ name: 'upload', attachments: { file }, user: ADMIN });

    const final = await finalResponse(fake, sent.id);

    expect(final.route).toBe('POST /webhooks/:app/:token');
    expect(final.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/unexpected place/) });
    expect(fake.cdnRequests.filter((request) => request.path.includes(file.id)).map((request) => request.status)).toEqual([302]);
    expect(forbidden.hits).toEqual([]);
    // The public "thinking…" placeholder was removed, so only the asker sees the refusal.
    expect(fake.interactionResponses(sent.id).map((request) => request.method)).toEqual(['POST', 'DELETE', 'POST']);
  });

  it('GIVEN an attachment declared larger than MAX_UPLOAD_MB THEN it is refused before any download, with the zip/gzip advice', async () => {
    const { fake } = running;
    const file = fake.addAttachment('huge.csv', SHOP_A, 'text/csv', { size: 6 * MiB });
    const sent = fake.sendCommand({ name: 'upload', attachments: { file }, user: ADMIN });

    await finalResponse(fake, sent.id);

    expect(fake.originalMessage(sent.id)).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/limit is 5 MB\. Zip or gzip it/) });
    expect(fake.cdnRequests.some((request) => request.path.includes(file.id))).toBe(false);
  });

  it('GIVEN an attachment that turns out larger than declared THEN the download stops at the limit', async () => {
    const { fake } = running;
    const file = fake.addAttachment('liar.csv', Buffer.alloc(6 * MiB, 'a'), 'text/csv', { size: 1_000 });
    const sent = fake.sendCommand({ name: 'upload', attachments: { file }, user: ADMIN });

    const final = await finalResponse(fake, sent.id);

    expect(final.body).toMatchObject({ flags: MessageFlags.Ephemeral, content: expect.stringMatching(/Zip or gzip it/) });
  });

  it('GIVEN two servers upload the same customer ids THEN each server only ever sees its own data', async () => {
    const { fake } = running;
    const [guildA, guildB] = fake.guilds;
    const uploadA = fake.sendCommand({ guildId: guildA!.id, name: 'upload', attachments: { file: fake.addAttachment('shop.csv', SHOP_A, 'text/csv') }, options: { dataset: 'shop' }, user: ADMIN });
    const uploadB = fake.sendCommand({ guildId: guildB!.id, name: 'upload', attachments: { file: fake.addAttachment('shop.csv', SHOP_B, 'text/csv') }, options: { dataset: 'shop' }, user: ADMIN });
    const [importedA, importedB] = await Promise.all([finalResponse(fake, uploadA.id), finalResponse(fake, uploadB.id)]);
    expect(contentOf(importedA)).toMatch(/Rows imported: 3\b/);
    expect(contentOf(importedB)).toMatch(/Rows imported: 5\b/);

    const listA = fake.sendCommand({ guildId: guildA!.id, name: 'datasets', subcommand: 'list', user: MEMBER });
    const listB = fake.sendCommand({ guildId: guildB!.id, name: 'datasets', subcommand: 'list', user: MEMBER, locale: 'id' });
    const [shownA, shownB] = await Promise.all([finalResponse(fake, listA.id), finalResponse(fake, listB.id)]);

    expect(contentOf(shownA)).toMatch(/\*\*shop\*\*: 3 rows, 2 customers/);
    expect(contentOf(shownA)).toMatch(/\*\*sample\*\*/);
    expect(contentOf(shownB)).toMatch(/^Dataset:\n• \*\*shop\*\*: 5 baris, 3 pelanggan/);
    expect(contentOf(shownB)).not.toMatch(/sample/);
  });

  it('GIVEN the same customer in two servers THEN each server\'s card and suggestions come from its own upload only', async () => {
    const { fake } = running;
    const [guildA, guildB] = fake.guilds;
    const lines = SAMPLE.toString('utf8').split('\n');
    const onlyInB = '99999,B1,KOPI,2,2011-06-01 10:00:00,30000,99999.0,Indonesia';
    const subset = Buffer.from([...lines.slice(0, 10_000), onlyInB, ''].join('\n'));
    const imported = await finalResponse(fake, fake.sendCommand({ guildId: guildB!.id, name: 'upload', attachments: { file: fake.addAttachment('toko.csv', subset, 'text/csv') }, options: { dataset: 'toko-b' }, user: ADMIN }).id);
    expect(contentOf(imported)).toMatch(/Imported into dataset \*\*toko-b\*\*/);

    const card = async (guildId: string, dataset: string) => {
      const sent = fake.sendCommand({ guildId, name: 'segment', subcommand: 'customer', options: { id: '12748', dataset }, user: MEMBER });
      return (await finalResponse(fake, sent.id)).body as { embeds: { footer: { text: string }; fields: { name: string; value: string }[] }[] };
    };
    const [cardA, cardB] = [await card(guildA!.id, 'sample'), await card(guildB!.id, 'toko-b')];
    const orders = (body: typeof cardA) => body.embeds[0]!.fields.find((field) => field.name === 'Orders')?.value;
    expect(cardA.embeds[0]!.footer.text).toMatch(/^Dataset sample/);
    expect(cardB.embeds[0]!.footer.text).toMatch(/^Dataset toko-b/);
    expect(Number(orders(cardB))).toBeLessThan(Number(orders(cardA)));
    const notInA = await finalResponse(fake, fake.sendCommand({ guildId: guildA!.id, name: 'segment', subcommand: 'customer', options: { id: '12748', dataset: 'toko-b' }, user: MEMBER }).id);
    expect(contentOf(notInA)).toMatch(/There is no dataset 'toko-b' in this server/);

    const suggest = async (guildId: string) => {
      const typing = fake.sendAutocomplete({ guildId, name: 'segment', subcommand: 'customer', focused: 'id', options: { id: '9999' }, user: MEMBER });
      return ((await fake.waitFor((request) => request.interactionId === typing.id)).body as { data: { choices: { value: string }[] } }).data.choices.map((choice) => choice.value);
    };
    expect(await suggest(guildA!.id)).toEqual([]);
    expect(await suggest(guildB!.id)).toEqual(['99999']);
  });

  it('GIVEN everything above THEN no request hit an unknown route and the token never reached the log', () => {
    const { fake, logs } = running;
    expect(fake.unexpectedRequests()).toEqual([]);
    expect(fake.identifies.map((identify) => identify.intents)).toEqual([1]);
    expect(logs.join('\n')).not.toContain(fake.token);
    expect(fake.requests.filter((request) => request.late)).toEqual([]);
  });

  it('GIVEN every message the bot sent above THEN none could ping anyone', () => {
    const { fake } = running;
    const messages = fake.requests
      .filter((request) => request.method === 'POST' || request.method === 'PATCH')
      .map((request) => (request.route === 'POST /interactions/:id/:token/callback' ? (request.body as { data?: unknown }).data : request.body) as { content?: string; allowed_mentions?: unknown } | undefined)
      .filter((body) => body?.content !== undefined);
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((body) => JSON.stringify(body!.allowed_mentions) !== JSON.stringify({ parse: [] }))).toEqual([]);
  });
});
