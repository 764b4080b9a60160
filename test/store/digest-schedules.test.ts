import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeWorkspace } from '../../src/app/workspace/erasure.js';
import { digestRepository, type NewSchedule } from '../../src/store/digest-schedules.js';
import { temporaryApp } from '../helpers.js';

const A = '100000000000000001';
const B = '100000000000000002';
const schedule = (guildId: string): NewSchedule => ({
  guildId, channelId: '200000000000000001', weekday: 1, time: '09:00', timezone: 'Asia/Jakarta', dataset: null, createdBy: 'admin', activeSince: '2026-12-01T00:00:00.000Z',
});
const week = (guildId: string, period: string, scheduledAt: string) => ({ guildId, period, kind: 'scheduled' as const, channelId: '200000000000000001', scheduledAt });

describe('digest schedules and posts in SQLite', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN a time that is not HH:MM or a weekday out of range THEN the table refuses it', () => {
    const digests = digestRepository(app.db);
    expect(() => digests.putSchedule({ ...schedule(A), time: '9:00' })).toThrow(/CHECK constraint/);
    expect(() => digests.putSchedule({ ...schedule(A), weekday: 7 })).toThrow(/CHECK constraint/);
    expect(digests.schedule(A)).toBeUndefined();
  });

  it('GIVEN a paused schedule with failures and an alert WHEN it is set again THEN it runs afresh and keeps its alert', () => {
    const digests = digestRepository(app.db);
    digests.putSchedule(schedule(A));
    digests.setAlert(A, 'customers_lost', 10, 3);
    digests.setFailures(A, 4);
    digests.pause(A, 'channel_not_found');
    digests.putSchedule({ ...schedule(A), time: '10:30', activeSince: '2026-12-08T00:00:00.000Z' });
    expect(digests.schedule(A)).toMatchObject({ time: '10:30', pausedReason: null, failures: 0, alertMetric: 'customers_lost', alertThreshold: 10, alertLastRunId: 3 });
  });

  it('GIVEN a period recorded as sent THEN beginning it again sends nothing, and a skip never overwrites it', () => {
    const digests = digestRepository(app.db);
    const now = new Date('2026-12-07T02:00:00Z');
    expect(digests.beginPost(week(A, '2026-W50', now.toISOString()), now)).toMatchObject({ begun: true, post: { status: 'sending', attempts: 1 } });
    expect(digests.beginPost(week(A, '2026-W50', now.toISOString()), now)).toMatchObject({ begun: true, post: { status: 'sending', attempts: 2 } });
    digests.finishPost(A, '2026-W50', { status: 'sent', messageId: '42' }, now);
    expect(digests.beginPost(week(A, '2026-W50', now.toISOString()), now)).toMatchObject({ begun: false, post: { status: 'sent', messageId: '42', attempts: 2 } });
    digests.skipPeriod({ ...week(A, '2026-W50', now.toISOString()), reason: 'downtime' }, now);
    expect(digests.post(A, '2026-W50')).toMatchObject({ status: 'sent', reason: null });
  });

  it('GIVEN weeks skipped before and after the last post THEN only those after it are named, and another server sees none of them', () => {
    const digests = digestRepository(app.db);
    const now = new Date('2026-12-30T00:00:00Z');
    digests.skipPeriod({ ...week(A, '2026-W49', '2026-11-30T02:00:00.000Z'), reason: 'downtime' }, now);
    digests.beginPost(week(A, '2026-W50', '2026-12-07T02:00:00.000Z'), now);
    digests.finishPost(A, '2026-W50', { status: 'sent', messageId: '1' }, now);
    digests.skipPeriod({ ...week(A, '2026-W51', '2026-12-14T02:00:00.000Z'), reason: 'downtime' }, now);
    digests.skipPeriod({ ...week(A, '2026-W52', '2026-12-21T02:00:00.000Z'), reason: 'downtime' }, now);
    expect(digests.skippedSinceLastPost(A)).toEqual(['2026-W51', '2026-W52']);
    expect(digests.skippedSinceLastPost(B)).toEqual([]);
    expect(digests.recentPosts(B, 10)).toEqual([]);
    expect(digests.recentPosts(A, 2).map((post) => post.period)).toEqual(['2026-W52', '2026-W51']);
  });

  it('GIVEN a server\'s recent posts are read THEN the query walks the (guild, time) index, not the whole table', () => {
    const plan = app.db
      .prepare(`EXPLAIN QUERY PLAN SELECT period FROM digest_posts WHERE guild_id = ? ORDER BY scheduled_at DESC, updated_at DESC LIMIT 16`)
      .all(A) as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/digest_posts_by_time \(guild_id=\?\)/);
  });

  it('GIVEN a server removes the bot THEN its schedule and posts are purged, and another server keeps its own', () => {
    const digests = digestRepository(app.db);
    const now = new Date('2026-12-07T02:00:00Z');
    for (const guildId of [A, B]) {
      digests.putSchedule(schedule(guildId));
      digests.beginPost(week(guildId, '2026-W50', now.toISOString()), now);
    }
    purgeWorkspace(app.db, A);
    expect(digests.schedule(A)).toBeUndefined();
    expect(digests.recentPosts(A, 10)).toEqual([]);
    expect(digests.scheduledGuilds()).toEqual([B]);
    expect(digests.recentPosts(B, 10)).toHaveLength(1);
  });
});
