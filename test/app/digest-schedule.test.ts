import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestRequest } from '../../src/app/digest/build-digest.js';
import { digestNonce, type DigestBuilder } from '../../src/app/digest/post-digest.js';
import type { DigestChannels, SendOutcome } from '../../src/app/digest/post-port.js';
import type { ScheduleClock } from '../../src/app/digest/schedule-clock.js';
import { MAX_ATTEMPTS, NONCE_TRUST_MS, QUICK_RETRY_MS } from '../../src/app/digest/schedule-policy.js';
import { DigestScheduler } from '../../src/app/digest/schedule-runner.js';
import { dueBetween, nextDueAfter, periodOf } from '../../src/app/digest/schedule-time.js';
import type { Reply } from '../../src/app/reply.js';
import { digestRepository } from '../../src/store/digest-schedules.js';
import { ManualClock } from '../e2e/fake-discord/clock.js';
import { temporaryApp } from '../helpers.js';

const GUILD = '100000000000000001';
const CHANNEL = '200000000000000001';
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('weekly due times (croner, IANA zones)', () => {
  it('GIVEN Monday 09:00 in Europe/Berlin THEN it stays 09:00 local across the spring and autumn changes (08:00Z in winter, 07:00Z in summer)', () => {
    const weekly = { weekday: 1, time: '09:00', timezone: 'Europe/Berlin' };
    expect(dueBetween(weekly, new Date('2026-03-20T00:00Z'), new Date('2026-04-07T00:00Z')).map((d) => d.toISOString()))
      .toEqual(['2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
    expect(dueBetween(weekly, new Date('2026-10-20T00:00Z'), new Date('2026-11-03T00:00Z')).map((d) => d.toISOString()))
      .toEqual(['2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z']);
  });

  it('GIVEN Sunday 02:30 in Europe/Berlin THEN on the spring-change night (no 02:30) it is due at 03:00 CEST, and on the autumn night (02:30 twice) once, at the first', () => {
    const weekly = { weekday: 0, time: '02:30', timezone: 'Europe/Berlin' };
    expect(nextDueAfter(weekly, new Date('2026-03-28T12:00Z')).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(dueBetween(weekly, new Date('2026-10-24T12:00Z'), new Date('2026-10-26T00:00Z')).map((d) => d.toISOString())).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('GIVEN Monday 09:00 in Asia/Jakarta (no daylight saving) THEN it is 02:00Z in every season', () => {
    const weekly = { weekday: 1, time: '09:00', timezone: 'Asia/Jakarta' };
    const dues = [...dueBetween(weekly, new Date('2026-03-20T00:00Z'), new Date('2026-04-07T00:00Z')), ...dueBetween(weekly, new Date('2026-10-20T00:00Z'), new Date('2026-11-03T00:00Z'))];
    expect(dues.map((d) => d.toISOString())).toEqual(['2026-03-23T02:00:00.000Z', '2026-03-30T02:00:00.000Z', '2026-04-06T02:00:00.000Z', '2026-10-26T02:00:00.000Z', '2026-11-02T02:00:00.000Z']);
  });

  it('GIVEN a due time whose UTC date is the day before THEN its period is the ISO week of the date in the schedule\'s zone', () => {
    // Monday 7 December 2026, 05:00 in Jakarta is Sunday 6 December 22:00 UTC (ISO week 49).
    expect(periodOf(new Date('2026-12-06T22:00:00Z'), 'Asia/Jakarta')).toBe('2026-W50');
    expect(periodOf(new Date('2026-12-06T22:00:00Z'), 'UTC')).toBe('2026-W49');
    // ISO weeks belong to the year of their Thursday: 1 January 2027 (a Friday) is in 2026's week 53.
    expect(periodOf(new Date('2027-01-01T12:00:00Z'), 'Asia/Jakarta')).toBe('2026-W53');
  });
});

/** A channel that behaves as Discord does with enforce_nonce: a nonce seen within 5 minutes returns its first message. */
class ChannelStandIn implements DigestChannels {
  readonly messages: { id: string; reply: Reply; nonce: string; at: number }[] = [];
  sends = 0;
  /** What the next sends answer, when not a plain success; 'lost' delivers the message but reports a timeout. */
  failWith: SendOutcome | 'lost' | null = null;
  reviews: string[] = [];

  constructor(private readonly clock: ManualClock) {}

  async check() {
    return { ok: true as const };
  }

  async send(_guildId: string, _channelId: string, reply: Reply, nonce: string): Promise<SendOutcome> {
    this.sends += 1;
    if (this.failWith && this.failWith !== 'lost') return this.failWith;
    const earlier = this.messages.find((message) => message.nonce === nonce && this.clock.now() - message.at < 5 * MINUTE);
    const message = earlier ?? { id: String(this.messages.length + 1), reply, nonce, at: this.clock.now() };
    if (!earlier) this.messages.push(message);
    if (this.failWith === 'lost') return { ok: false, reason: 'transient', detail: 'timed out' };
    return { ok: true, messageId: message.id };
  }

  serverLocale() {
    return 'en' as const;
  }

  scheduleChanged(guildId: string) {
    this.reviews.push(guildId);
  }
}

describe('the digest scheduler, on an injected clock', () => {
  let app: ReturnType<typeof temporaryApp>;
  let clock: ManualClock;
  let channels: ChannelStandIn;
  let requests: DigestRequest[];
  const schedulers: DigestScheduler[] = [];
  // Monday 7 December 2026, 09:00 in Jakarta.
  const due = new Date('2026-12-07T02:00:00Z');

  const build: DigestBuilder = async (_app, request) => {
    requests.push(request);
    return { ok: true, text: `Weekly digest${request.skippedPeriods?.length ? ` (skipped: ${request.skippedPeriods.join(', ')})` : ''}` };
  };
  /** A bot process: its own scheduler over the same database, started at the clock's current time. */
  const startScheduler = async () => {
    const scheduleClock: ScheduleClock = { now: () => new Date(clock.now()), wakeAt: (at, wake) => clock.at(at.getTime(), wake) };
    const scheduler = new DigestScheduler({
      app, channels, clock: scheduleClock, build, inQueue: (_guildId, work) => work(), log: { info() {}, warn() {}, error() {} },
    });
    schedulers.push(scheduler);
    scheduler.start();
    await scheduler.settled();
    return scheduler;
  };
  const settled = () => Promise.all(schedulers.map((scheduler) => scheduler.settled()));
  /** Moves time timer by timer, letting each wake-up's work finish (and set the next timer) before going on. */
  const advanceTo = async (instant: Date) => {
    for (let next = clock.nextTimerAt(); next !== undefined && next <= instant.getTime(); next = clock.nextTimerAt()) {
      clock.advanceTo(new Date(next));
      await settled();
    }
    clock.advanceTo(instant);
    await settled();
  };
  const posts = () => digestRepository(app.db).recentPosts(GUILD, 20);

  beforeEach(() => {
    app = temporaryApp();
    clock = new ManualClock(new Date('2026-12-05T10:00:00Z'));
    channels = new ChannelStandIn(clock);
    requests = [];
    digestRepository(app.db).putSchedule({
      guildId: GUILD, channelId: CHANNEL, weekday: 1, time: '09:00', timezone: 'Asia/Jakarta', dataset: null, createdBy: 'admin', activeSince: new Date(clock.now()).toISOString(),
    });
  });
  afterEach(async () => {
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    app.cleanup();
  });

  it('GIVEN a running bot WHEN the due time comes THEN the digest is posted once, recorded as sent with its message id, and the next wake-up is a week later', async () => {
    const scheduler = await startScheduler();
    await advanceTo(new Date(due.getTime() - 1));
    expect(channels.sends).toBe(0);
    await advanceTo(due);
    expect(channels.messages).toHaveLength(1);
    expect(channels.messages[0]!.nonce).toBe(digestNonce(GUILD, '2026-W50'));
    expect(channels.messages[0]!.nonce.length).toBeLessThanOrEqual(25);
    expect(posts()).toMatchObject([{ period: '2026-W50', status: 'sent', messageId: '1', attempts: 1, sentAt: due.toISOString() }]);
    scheduler.review(GUILD);
    await scheduler.settled();
    await advanceTo(new Date(due.getTime() + 7 * 24 * HOUR - 1));
    expect(channels.messages).toHaveLength(1);
    await advanceTo(new Date(due.getTime() + 7 * 24 * HOUR));
    expect(channels.messages).toHaveLength(2);
  });

  it('GIVEN a schedule set an hour after this week\'s time THEN this week is neither caught up nor skipped: the first post is next week', async () => {
    clock.advanceTo(new Date(due.getTime() + HOUR));
    digestRepository(app.db).putSchedule({
      guildId: GUILD, channelId: CHANNEL, weekday: 1, time: '09:00', timezone: 'Asia/Jakarta', dataset: null, createdBy: 'admin', activeSince: new Date(clock.now()).toISOString(),
    });
    await startScheduler();
    expect(channels.sends).toBe(0);
    expect(posts()).toEqual([]);
    expect(clock.nextTimerAt()).toBe(due.getTime() + 7 * 24 * HOUR);
  });

  it('GIVEN Monday 09:00 in Europe/Berlin across the spring change THEN the running scheduler posts at 08:00Z before it and at 07:00Z after it', async () => {
    clock.advanceTo(new Date('2027-03-19T00:00:00Z'));
    digestRepository(app.db).putSchedule({
      guildId: GUILD, channelId: CHANNEL, weekday: 1, time: '09:00', timezone: 'Europe/Berlin', dataset: null, createdBy: 'admin', activeSince: new Date(clock.now()).toISOString(),
    });
    const sentAt: string[] = [];
    const send = channels.send.bind(channels);
    channels.send = async (...args) => {
      sentAt.push(new Date(clock.now()).toISOString());
      return send(...args);
    };
    await startScheduler();
    await advanceTo(new Date('2027-03-31T00:00:00Z'));
    // Europe changes on Sunday 28 March 2027.
    expect(sentAt).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z']);
    expect(posts().map((post) => post.period)).toEqual(['2027-W13', '2027-W12']);
  });

  it('GIVEN the bot was down at the due time and comes back within 24 h THEN it posts once at start-up, and another restart posts nothing more', async () => {
    await advanceTo(new Date(due.getTime() + 23 * HOUR));
    await startScheduler();
    expect(channels.messages).toHaveLength(1);
    await startScheduler();
    await advanceTo(new Date(due.getTime() + 23.5 * HOUR));
    expect(channels.sends).toBe(1);
    expect(posts()).toMatchObject([{ period: '2026-W50', status: 'sent' }]);
  });

  it('GIVEN the bot comes back more than 24 h late THEN that week is recorded as skipped, nothing is posted, and the next week\'s digest says so', async () => {
    await advanceTo(new Date(due.getTime() + 25 * HOUR));
    await startScheduler();
    expect(channels.sends).toBe(0);
    expect(posts()).toMatchObject([{ period: '2026-W50', status: 'skipped', reason: 'downtime' }]);
    await advanceTo(new Date(due.getTime() + 7 * 24 * HOUR));
    expect(channels.messages).toHaveLength(1);
    expect(requests.map((request) => request.skippedPeriods)).toEqual([['2026-W50']]);
    expect(channels.messages[0]!.reply.text).toBe('Weekly digest (skipped: 2026-W50)');
    await advanceTo(new Date(due.getTime() + 14 * 24 * HOUR));
    expect(requests.map((request) => request.skippedPeriods)).toEqual([['2026-W50'], []]);
  });

  it('GIVEN a send that reached Discord but timed out on the way back WHEN it is retried THEN the same nonce returns the first message: one post', async () => {
    await startScheduler();
    channels.failWith = 'lost';
    await advanceTo(due);
    expect(posts()).toMatchObject([{ status: 'failed', reason: 'transient', attempts: 1 }]);
    channels.failWith = null;
    await advanceTo(new Date(due.getTime() + QUICK_RETRY_MS[0]! - 1));
    expect(channels.sends).toBe(1);
    await advanceTo(new Date(due.getTime() + QUICK_RETRY_MS[0]!));
    expect(channels.sends).toBe(2);
    expect(channels.messages).toHaveLength(1);
    expect(posts()).toMatchObject([{ status: 'sent', messageId: '1', attempts: 2, uncertainSince: due.toISOString() }]);
  });

  it('GIVEN every send times out THEN resends stop before the nonce can no longer be trusted, and the week is given up', async () => {
    await startScheduler();
    channels.failWith = 'lost';
    await advanceTo(due);
    await advanceTo(new Date(due.getTime() + NONCE_TRUST_MS + 60 * MINUTE));
    expect(channels.sends).toBe(1 + QUICK_RETRY_MS.length);
    expect(channels.messages).toHaveLength(1);
    expect(posts()).toMatchObject([{ status: 'failed', reason: 'transient', attempts: MAX_ATTEMPTS }]);
    expect(digestRepository(app.db).schedule(GUILD)?.pausedReason).toBeNull();
  });

  it('GIVEN the bot died mid-send THEN a restart within the nonce\'s trust resends with the same nonce (one post), and one after it never resends', async () => {
    const digests = digestRepository(app.db);
    clock.advanceTo(due);
    digests.beginPost({ guildId: GUILD, period: '2026-W50', kind: 'scheduled', channelId: CHANNEL, scheduledAt: due.toISOString() }, due);
    // The first process did deliver before it died.
    await channels.send(GUILD, CHANNEL, { ok: true, text: 'Weekly digest' }, digestNonce(GUILD, '2026-W50'));
    await advanceTo(new Date(due.getTime() + MINUTE));
    await startScheduler();
    expect(channels.sends).toBe(2);
    expect(channels.messages).toHaveLength(1);
    expect(posts()).toMatchObject([{ status: 'sent', messageId: '1' }]);

    digests.beginPost({ guildId: GUILD, period: '2026-W51', kind: 'scheduled', channelId: CHANNEL, scheduledAt: new Date(due.getTime() + 7 * 24 * HOUR).toISOString() }, new Date(due.getTime() + 7 * 24 * HOUR));
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    clock.advanceTo(new Date(due.getTime() + 7 * 24 * HOUR + 10 * MINUTE));
    await startScheduler();
    expect(channels.sends).toBe(2);
    expect(posts()[0]).toMatchObject({ period: '2026-W51', status: 'failed', reason: 'interrupted' });
  });

  it('GIVEN a post waiting behind an upload WHEN the bot stops THEN the stop does not wait for the upload, and the post never starts afterwards', async () => {
    let releaseUpload: () => void = () => {};
    const upload = new Promise<void>((resolve) => (releaseUpload = resolve));
    const scheduleClock: ScheduleClock = { now: () => new Date(clock.now()), wakeAt: (at, wake) => clock.at(at.getTime(), wake) };
    const scheduler = new DigestScheduler({
      app, channels, clock: scheduleClock, build, inQueue: async (_guildId, work) => upload.then(work), log: { info() {}, warn() {}, error() {} },
    });
    clock.advanceTo(due);
    scheduler.start();
    await scheduler.stop();
    releaseUpload();
    await scheduler.settled();
    expect(channels.sends).toBe(0);
    expect(posts()).toEqual([]);
  });

  it('GIVEN the bot lost Send Messages THEN it tries a bounded number of times with growing waits, then pauses the schedule and never posts again until it is set anew', async () => {
    await startScheduler();
    channels.failWith = { ok: false, reason: 'missing_permissions', missing: ['SendMessages'] };
    await advanceTo(due);
    await advanceTo(new Date(due.getTime() + 5 * MINUTE));
    await advanceTo(new Date(due.getTime() + 35 * MINUTE));
    expect(channels.sends).toBe(3);
    await advanceTo(new Date(due.getTime() + 155 * MINUTE));
    expect(channels.sends).toBe(MAX_ATTEMPTS);
    const schedule = digestRepository(app.db).schedule(GUILD)!;
    expect(schedule).toMatchObject({ pausedReason: 'missing_permissions:SendMessages', failures: MAX_ATTEMPTS });
    expect(posts()).toMatchObject([{ status: 'failed', reason: 'missing_permissions:SendMessages', attempts: MAX_ATTEMPTS }]);
    await advanceTo(new Date(due.getTime() + 30 * 24 * HOUR));
    expect(channels.sends).toBe(MAX_ATTEMPTS);
    expect(clock.pendingTimers).toBe(0);
  });
});
