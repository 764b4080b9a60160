import { digestRepository, type DigestPost, type DigestSchedule } from '../../store/digest-schedules.js';
import type { AppContext } from '../context.js';
import { resolveDataset } from '../resolve-dataset.js';
import type { DigestPermission } from './post-port.js';
import { nextDueAfter, periodOf, type WeeklyTime } from './schedule-time.js';

export interface DigestScheduleInput extends WeeklyTime {
  guildId: string;
  userId: string;
  channelId: string;
  dataset?: string;
}

export type SetScheduleOutcome =
  | {
      ok: true;
      schedule: DigestSchedule;
      nextAt: Date;
      /** The schedule was paused (this reason) and is running again. */
      resumedFrom: string | null;
      /** No door could check the channel (the CLI): the bot checks when it posts. */
      unchecked: boolean;
    }
  | { ok: false; code: 'missing_permissions'; missing: DigestPermission[] }
  | { ok: false; code: 'channel_not_found' }
  | { ok: false; code: 'dataset_not_found'; name: string; available: string[] };

/**
 * The next time a post will actually go out: the next due time, or the one after when that week's digest was
 * already posted (moving the day within a week never posts the week twice).
 */
export function nextPostAt(schedule: DigestSchedule, posts: readonly DigestPost[], now: Date): Date {
  const done = new Set(posts.filter((post) => post.kind === 'scheduled' && (post.status === 'sent' || post.status === 'skipped')).map((post) => post.period));
  let next = nextDueAfter(schedule, now);
  while (done.has(periodOf(next, schedule.timezone))) next = nextDueAfter(schedule, next);
  return next;
}

/**
 * Sets (or replaces) a server's weekly digest. The channel is checked first through the door's port: a channel the
 * bot cannot see or post in (View Channel, Send Messages, Embed Links, Attach Files) stores nothing. A replaced
 * schedule starts afresh: not paused, no failures, no catching up on times before now; its alert is kept.
 */
export async function setDigestSchedule(app: AppContext, input: DigestScheduleInput): Promise<SetScheduleOutcome> {
  if (input.dataset !== undefined) {
    const found = resolveDataset(app.db, input.guildId, input.dataset);
    if (!found.ok) return { ok: false, code: 'dataset_not_found', name: input.dataset, available: found.code === 'dataset_not_found' ? found.details.available : [] };
  }
  const channels = app.digestChannels;
  if (channels) {
    const check = await channels.check(input.guildId, input.channelId);
    if (!check.ok) return check.reason === 'missing_permissions' ? { ok: false, code: check.reason, missing: check.missing } : { ok: false, code: check.reason };
  }
  const digests = digestRepository(app.db);
  const now = app.now();
  const resumedFrom = digests.schedule(input.guildId)?.pausedReason ?? null;
  digests.putSchedule({
    guildId: input.guildId, channelId: input.channelId, weekday: input.weekday, time: input.time, timezone: input.timezone,
    dataset: input.dataset ?? null, createdBy: input.userId, activeSince: now.toISOString(),
  });
  channels?.scheduleChanged(input.guildId);
  const schedule = digests.schedule(input.guildId)!;
  return { ok: true, schedule, nextAt: nextPostAt(schedule, digests.recentPosts(input.guildId, 4), now), resumedFrom, unchecked: !channels };
}

/** Turns a server's digest (and its alert) off. Returns whether there was one; the record of past posts stays. */
export function turnDigestOff(app: AppContext, guildId: string): boolean {
  const removed = digestRepository(app.db).removeSchedule(guildId);
  app.digestChannels?.scheduleChanged(guildId);
  return removed;
}

/** What /digest status shows: the schedule, when the next post goes out, and the latest post with its outcome. */
export interface DigestStatus {
  schedule: DigestSchedule | null;
  nextAt: Date | null;
  lastPost: DigestPost | null;
}

export function digestStatus(app: AppContext, guildId: string): DigestStatus {
  const digests = digestRepository(app.db);
  const schedule = digests.schedule(guildId) ?? null;
  const posts = digests.recentPosts(guildId, 8);
  const lastPost = [...posts].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] ?? null;
  const nextAt = schedule && !schedule.pausedReason ? nextPostAt(schedule, posts, app.now()) : null;
  return { schedule, nextAt, lastPost };
}
