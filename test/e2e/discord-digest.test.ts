import { readFileSync } from 'node:fs';
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleClock } from '../../src/app/digest/schedule-clock.js';
import { startBot, type Bot } from '../../src/transports/discord/bot.js';
import { createLogger } from '../../src/transports/discord/logger.js';
import { projectFile } from '../helpers.js';
import { ADMIN, contentOf, finalResponse, startBotAgainstFake, type RunningBot } from './bot-harness.js';
import { BOT_PERMISSIONS } from './fake-discord/guilds.js';
import { ManualClock } from './fake-discord/index.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HOUR = 3_600_000;
// Monday 7 and 14 December 2026, 09:00 in Jakarta.
const FIRST_DUE = new Date('2026-12-07T02:00:00Z');
const SECOND_DUE = new Date('2026-12-14T02:00:00Z');

/** The bundled sample export cut at a date: the first upload, then the later slice appended a "week" after. */
function sampleSlices(): { early: Buffer; late: Buffer } {
  const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trimEnd().split('\n');
  const isEarly = (line: string) => (line.split(',').at(-4) ?? '') < '2011-11-01';
  return {
    early: Buffer.from([header, ...lines.filter(isEarly)].join('\n')),
    late: Buffer.from([header, ...lines.filter((line) => !isEarly(line))].join('\n')),
  };
}

describe('the weekly digest, through the bot and the fake Discord', () => {
  const clock = new ManualClock(new Date('2026-12-05T10:00:00Z'));
  const scheduleClock: ScheduleClock = { now: () => new Date(clock.now()), wakeAt: (at, wake) => clock.at(at.getTime(), wake) };
  let running: RunningBot;
  /** Bots started again after a stop; stopped after the tests, before the fake closes. */
  const restarted: Bot[] = [];
  let logs: string[];
  let marketing: string;
  let readOnly: string;
  const slices = sampleSlices();

  const upload = async (bytes: Buffer, mode: 'append' | 'replace') => {
    const { fake } = running;
    const file = fake.addAttachment('orders.csv', bytes, 'text/csv');
    const done = await finalResponse(fake, fake.sendCommand({ name: 'upload', attachments: { file }, options: { dataset: 'shop', mode }, user: ADMIN }).id, 120_000);
    expect(contentOf(done)).toMatch(/Imported into dataset \*\*shop\*\*/);
  };
  const digestCommand = async (subcommand: string, options: Record<string, string | number> = {}) => {
    const sent = running.fake.sendCommand({ name: 'digest', subcommand, options, user: ADMIN });
    return contentOf(await finalResponse(running.fake, sent.id, 60_000));
  };
  const posts = (): APIMessage[] => running.fake.channelMessages(marketing).filter((message) => !message.interaction_metadata);
  /** Restarts the bot on the same database file and clock; resolves once its scheduler has looked at the server. */
  const restart = async () => {
    const looks = logs.filter((line) => line.includes('next look at')).length;
    const bot = await startBot(running.config, {
      log: createLogger('debug', [running.fake.token], { write: (line: string) => logs.push(line) }),
      now: () => clock.now(),
      digest: { clock: scheduleClock },
    });
    restarted.push(bot);
    await expect.poll(() => logs.filter((line) => line.includes('next look at')).length, { timeout: 60_000 }).toBeGreaterThan(looks);
    return bot;
  };

  beforeAll(async () => {
    running = await startBotAgainstFake({
      fake: { clock, guilds: [{ name: 'Toko A', channels: [{ name: 'general' }, { name: 'marketing' }, { name: 'read-only', botPermissions: BOT_PERMISSIONS & ~PermissionFlagsBits.EmbedLinks }] }] },
      now: () => clock.now(),
      digest: { clock: scheduleClock },
    });
    logs = running.logs;
    [, marketing, readOnly] = running.fake.guilds[0]!.channels.map((channel) => channel.id) as [string, string, string];
    await upload(slices.early, 'append');
  }, 180_000);
  afterAll(async () => {
    for (const bot of restarted) await bot.stop();
    await running?.close();
  });

  it('GIVEN a channel where the bot may not embed links WHEN an admin sets the digest there THEN the missing permission is named and nothing is stored', async () => {
    const refused = await digestCommand('set', { channel: readOnly, day: 'monday', time: '09:00' });
    expect(refused).toMatch(/missing \*\*Embed Links\*\*.*Nothing was saved/s);
    expect(await digestCommand('status')).toMatch(/No weekly digest is set/);
  });

  it('GIVEN /digest set THEN the channel option is a Discord channel option and the reply states the next post in the zone', async () => {
    const digest = running.fake.registeredCommands().find((command) => command.name === 'digest');
    const set = digest?.options?.find((option) => option.name === 'set') as { options?: { name: string; type: number }[] } | undefined;
    expect(set?.options?.find((option) => option.name === 'channel')).toMatchObject({ type: 7 });
    expect(await digestCommand('set', { channel: marketing, day: 'monday', time: '9:00', timezone: 'Asia/Jakarta' }))
      .toMatch(/Every \*\*Monday\*\* at \*\*09:00\*\* \(Asia\/Jakarta\) in <#\d+>.*Next post: \*\*Monday, 7 December 2026 at 09:00 \(Asia\/Jakarta\)\*\*/s);
    expect(await digestCommand('set', { channel: marketing, day: 'monday', time: '25:00', timezone: 'Mars/Olympus' })).toMatch(/time: use a 24-hour time.*timezone: use an IANA time zone/s);
  });

  it('GIVEN the bot is down at the due time and back within a day THEN it posts exactly one digest, with embeds and PNG charts, and another restart posts nothing more', async () => {
    clock.advanceTo(new Date(FIRST_DUE.getTime() - HOUR));
    await running.bot.stop();
    clock.advanceTo(new Date(FIRST_DUE.getTime() + 3 * HOUR));
    expect(posts()).toHaveLength(0);

    const first = await restart();
    await expect.poll(() => posts().length, { timeout: 60_000 }).toBe(1);
    const [post] = posts();
    expect(post!.embeds.length).toBeGreaterThanOrEqual(2);
    expect(post!.embeds.length).toBeLessThanOrEqual(10);
    expect(post!.embeds[0]?.title).toMatch(/shop/);
    const pngs = post!.attachments.filter((attachment) => attachment.content_type === 'image/png');
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const png of pngs) expect(running.fake.attachmentBytes(png.url)?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const sends = running.fake.requests.filter((request) => request.route === 'POST /channels/:channel/messages');
    expect(sends.map((request) => (request.body as { enforce_nonce?: boolean; nonce?: string }).enforce_nonce)).toEqual([true]);

    await first.stop();
    clock.advance(HOUR);
    await restart();
    expect(posts()).toHaveLength(1);
    expect(await digestCommand('status')).toMatch(/Next post: \*\*Monday, 14 December 2026 at 09:00 \(Asia\/Jakarta\)\*\*.\nLast post: 2026-W50, posted <t:\d+:f>\./);
  }, 180_000);

  it('GIVEN a later slice appended WHEN the next week\'s time comes THEN the running bot posts one more digest, and it reports who moved', async () => {
    await upload(slices.late, 'append');
    clock.advanceTo(new Date(SECOND_DUE.getTime() - 1_000));
    expect(posts()).toHaveLength(1);
    clock.advanceTo(SECOND_DUE);
    await expect.poll(() => posts().length, { timeout: 60_000 }).toBe(2);
    const latest = posts()[1]!;
    const moved = latest.embeds.find((embed) => embed.title === 'Who moved');
    expect(moved?.description).toMatch(/customers?/);
    expect(moved?.image?.url).toMatch(/migration-flow\.png/);
    expect(latest.embeds[0]?.fields?.[0]?.name).toBe('Segments now (change since the previous run)');
    expect(latest.attachments.map((attachment) => attachment.filename).sort()).toEqual(['migration-flow.png', 'weekly-revenue.png']);
    expect(posts()).toHaveLength(2);
  }, 180_000);

  it('GIVEN the bot is down more than a day past the time THEN that week is skipped, and the next week\'s digest says so', async () => {
    const thirdDue = new Date(SECOND_DUE.getTime() + 7 * 24 * HOUR);
    clock.advanceTo(new Date(thirdDue.getTime() - HOUR));
    await restarted.at(-1)!.stop();
    clock.advanceTo(new Date(thirdDue.getTime() + 25 * HOUR));
    await restart();
    expect(posts()).toHaveLength(2);
    expect(await digestCommand('status')).toMatch(/Last post: 2026-W52 was skipped: the bot was offline for more than a day past the time\./);

    clock.advanceTo(new Date(thirdDue.getTime() + 7 * 24 * HOUR));
    await expect.poll(() => posts().length, { timeout: 60_000 }).toBe(3);
    expect(posts()[2]!.embeds[0]?.description).toMatch(/The digest of 2026-W52 was not posted: the bot was offline then/);
  }, 180_000);
});
