import { readFileSync } from 'node:fs';
import { MessageFlags, PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleClock } from '../../src/app/digest/schedule-clock.js';
import { MAX_ATTEMPTS, RETRY_BACKOFF_MS } from '../../src/app/digest/schedule-policy.js';
import { projectFile } from '../helpers.js';
import { ADMIN, contentOf, finalResponse, MEMBER, startBotAgainstFake, type RunningBot } from './bot-harness.js';
import { BOT_PERMISSIONS } from './fake-discord/guilds.js';
import { ManualClock } from './fake-discord/index.js';

// Monday 7 December 2026, 09:00 in Jakarta.
const DUE = new Date('2026-12-07T02:00:00Z');

function sampleSlices(): { early: Buffer; late: Buffer } {
  const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trimEnd().split('\n');
  const isEarly = (line: string) => (line.split(',').at(-4) ?? '') < '2011-11-01';
  return { early: Buffer.from([header, ...lines.filter(isEarly)].join('\n')), late: Buffer.from([header, ...lines.filter((line) => !isEarly(line))].join('\n')) };
}

describe('/digest now, alerts, and a channel the bot lost, through the bot', () => {
  const clock = new ManualClock(new Date('2026-12-05T10:00:00Z'));
  const scheduleClock: ScheduleClock = { now: () => new Date(clock.now()), wakeAt: (at, wake) => clock.at(at.getTime(), wake) };
  let running: RunningBot;
  let marketing: string;
  const slices = sampleSlices();

  const upload = async (bytes: Buffer) => {
    const file = running.fake.addAttachment('orders.csv', bytes, 'text/csv');
    const done = await finalResponse(running.fake, running.fake.sendCommand({ name: 'upload', attachments: { file }, options: { dataset: 'shop' }, user: ADMIN }).id, 120_000);
    expect(contentOf(done)).toMatch(/Imported into dataset \*\*shop\*\*/);
  };
  const digestCommand = async (subcommand: string, options: Record<string, string | number> = {}, user: typeof ADMIN = ADMIN) => {
    const sent = running.fake.sendCommand({ name: 'digest', subcommand, options, user });
    await finalResponse(running.fake, sent.id, 60_000);
    return running.fake.originalMessage(sent.id) ?? ({ content: '', flags: 0 } as unknown as APIMessage);
  };
  const posts = (): APIMessage[] => running.fake.channelMessages(marketing).filter((message) => !message.interaction_metadata);
  /** Moves the clock timer by timer, giving each wake-up time to finish its work. */
  const advanceTo = async (instant: Date) => {
    for (let next = clock.nextTimerAt(); next !== undefined && next <= instant.getTime(); next = clock.nextTimerAt()) {
      const looks = running.logs.filter((line) => line.includes('digest of guild')).length;
      clock.advanceTo(new Date(next));
      await expect.poll(() => running.logs.filter((line) => line.includes('digest of guild')).length, { timeout: 30_000 }).toBeGreaterThan(looks);
    }
    clock.advanceTo(instant);
  };

  beforeAll(async () => {
    running = await startBotAgainstFake({ fake: { clock }, now: () => clock.now(), digest: { clock: scheduleClock } });
    marketing = running.fake.guilds[0]!.channels[1]!.id;
    await upload(slices.early);
    expect((await digestCommand('set', { channel: marketing, day: 'monday', time: '09:00' })).content).toMatch(/Weekly digest saved/);
  }, 180_000);
  afterAll(async () => {
    await running?.close();
  });

  it('GIVEN a member without Manage Server THEN /digest commands are refused', async () => {
    expect((await digestCommand('now', {}, MEMBER)).content).toMatch(/Manage Server/);
    expect(posts()).toHaveLength(0);
  });

  it('GIVEN an admin typing a time zone THEN Discord offers matching IANA zones', async () => {
    const typing = running.fake.sendAutocomplete({ name: 'digest', subcommand: 'set', focused: 'timezone', options: { timezone: 'jakar' }, user: ADMIN });
    const suggested = await running.fake.waitFor((request) => request.interactionId === typing.id);
    expect((suggested.body as { data: { choices: { value: string }[] } }).data.choices.map((choice) => choice.value)).toEqual(['Asia/Jakarta']);
  });

  it('GIVEN /digest now THEN the digest is posted in the channel at once and the admin is answered privately', async () => {
    const answer = await digestCommand('now');
    expect(answer.content).toBe(`Digest posted in <#${marketing}>.`);
    expect(answer.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.embeds[0]?.title).toMatch(/shop/);
  }, 60_000);

  it('GIVEN an alert on customers lost WHEN a later slice is appended THEN one short alert is posted in the digest channel', async () => {
    expect((await digestCommand('alert', { metric: 'customers_lost', threshold: 1 })).content).toMatch(/Alert saved/);
    await upload(slices.late);
    await expect.poll(() => posts().length, { timeout: 30_000 }).toBe(2);
    expect(posts()[1]!.content).toMatch(/^📉 \*\*Alert\*\* \(shop\): \*\*[\d,]+\*\* customers slipped into At Risk/);
    expect((await digestCommand('status')).content).toMatch(/Alert: when \*\*customers_lost\*\* crosses 1/);
  }, 180_000);

  it('GIVEN the bot lost Send Messages in the channel THEN the weekly post is tried a bounded number of times, the schedule pauses, and the next admin is told why, privately', async () => {
    running.fake.setBotPermissions(marketing, BOT_PERMISSIONS & ~PermissionFlagsBits.SendMessages);
    await expect.poll(() => running.bot.client.channels.cache.get(marketing)?.isSendable() && !running.bot.client.guilds.cache.first()!.members.me!.permissionsIn(marketing).has(PermissionFlagsBits.SendMessages)).toBe(true);
    const refusedBefore = running.fake.requests.filter((request) => request.route === 'POST /channels/:channel/messages' && request.status === 403).length;
    await advanceTo(new Date(DUE.getTime() + RETRY_BACKOFF_MS.reduce((sum, wait) => sum + wait, 0) + 7 * 24 * 3_600_000));
    const refused = running.fake.requests.filter((request) => request.route === 'POST /channels/:channel/messages' && request.status === 403).length - refusedBefore;
    expect(refused).toBe(MAX_ATTEMPTS);
    expect(posts()).toHaveLength(2);

    const status = await digestCommand('status');
    expect(status.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(status.content).toMatch(new RegExp(`^⚠️ The weekly digest is \\*\\*paused\\*\\*: I could not post in <#${marketing}> after ${MAX_ATTEMPTS} tries \\(I am missing permission in the channel: \\*\\*Send Messages\\*\\*\\)`));
    expect(status.content).toMatch(/Next post: none while paused/);

    running.fake.setBotPermissions(marketing, BOT_PERMISSIONS);
    await expect.poll(() => running.bot.client.guilds.cache.first()!.members.me!.permissionsIn(marketing).has(PermissionFlagsBits.SendMessages)).toBe(true);
    const resumed = await digestCommand('set', { channel: marketing, day: 'monday', time: '09:00' });
    expect(resumed.content).toMatch(/It was paused \(I am missing permission in the channel: \*\*Send Messages\*\*\); it runs again\./);
    expect((await digestCommand('status')).content).not.toMatch(/paused/);
  }, 180_000);
});
