import type { DigestPost, DigestSchedule } from '../../store/digest-schedules.js';
import { dueBetween, nextDueAfter, periodOf } from './schedule-time.js';

/** A post the bot missed (it was down) is still made if it comes back within this long of the due time; later, the week is skipped. */
export const CATCH_UP_WINDOW_MS = 24 * 60 * 60 * 1_000;

/**
 * Waits before the 2nd, 3rd and 4th attempt of a period Discord refused (a missing permission or channel: nothing
 * was posted, so waiting is safe). After the 4th refusal the schedule pauses until an admin sets it again: bounded,
 * so a broken channel is never hammered and never spammed.
 */
export const RETRY_BACKOFF_MS: readonly number[] = [5 * 60_000, 30 * 60_000, 2 * 60 * 60_000];
export const MAX_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

/**
 * How long after a send started Discord is trusted to recognise its nonce: the docs say "the past few minutes".
 * A send that may have gone out unseen (a timeout, or the bot died mid-send) is sent again with the same nonce only
 * within this; after it, the week is given up: a missed week beats a double post.
 */
export const NONCE_TRUST_MS = 2 * 60_000;

/** Waits before resending after a timeout: quick, so every resend falls within NONCE_TRUST_MS of the first try. */
export const QUICK_RETRY_MS: readonly number[] = [15_000, 30_000, 45_000];

/** Failures a person must fix (the channel or a permission): they pause the schedule once retries run out. */
export const isPermanentFailure = (reason: string | null): boolean =>
  reason !== null && (reason === 'channel_not_found' || reason.startsWith('missing_permissions'));

/** Failures worth another attempt: everything except a digest that could not be built or had nothing to show. */
const isRetryable = (reason: string | null): boolean => reason !== 'no_data' && reason !== 'build_failed' && reason !== 'interrupted' && reason !== 'gave_up';

/** One scheduled period: its key and the instant it was due. */
export interface DuePeriod {
  period: string;
  scheduledAt: Date;
}

/** What the scheduler does for a server now, and when to look again. */
export interface ScheduleDecision {
  /** Past periods to record as skipped for downtime (due more than a day ago, never posted). */
  skip: DuePeriod[];
  /** A send interrupted too long ago to trust the nonce: recorded as failed, never sent again. */
  abandon: DuePeriod | null;
  /** The period to post now (on time, caught up, retried or resumed), if any. */
  post: DuePeriod | null;
  /** When to decide again: the next due time or retry. Null: nothing to wait for (paused). */
  wakeAt: Date | null;
}

const due = (scheduledAt: Date, timezone: string): DuePeriod => ({ period: periodOf(scheduledAt, timezone), scheduledAt });

/**
 * Decides, from the schedule, the recorded posts and the time, what a server's digest needs now. Pure: the
 * scheduler calls it at start-up, at every wake-up and after every change, so the database — not a timer that a
 * restart loses — says what was posted. Due times before the schedule was set are never caught up.
 *
 * @param posts - the server's recorded posts, any order (the latest few are enough)
 */
export function decideSchedule(schedule: DigestSchedule, posts: readonly DigestPost[], now: Date): ScheduleDecision {
  const decision: ScheduleDecision = { skip: [], abandon: null, post: null, wakeAt: null };
  if (schedule.pausedReason) return decision;
  const byPeriod = new Map(posts.filter((post) => post.kind === 'scheduled').map((post) => [post.period, post]));
  const weekly = { weekday: schedule.weekday, time: schedule.time, timezone: schedule.timezone };
  const since = new Date(schedule.activeSince);
  const past = dueBetween(weekly, since, now).map((instant) => due(instant, schedule.timezone));
  const latest = past.at(-1);
  for (const period of past) {
    const recorded = byPeriod.get(period.period);
    const late = now.getTime() - period.scheduledAt.getTime() > CATCH_UP_WINDOW_MS;
    if (period !== latest || late) {
      if (!recorded) decision.skip.push(period);
      continue;
    }
    const retry = retryOf(recorded, now);
    if (retry === 'now') decision.post = period;
    else if (retry === 'abandon') decision.abandon = period;
    else if (retry) decision.wakeAt = retry;
  }
  const next = nextDueAfter(weekly, now);
  if (!decision.wakeAt || next < decision.wakeAt) decision.wakeAt = next;
  return decision;
}

/**
 * What to do about the latest period, given its record: post now, wait until a retry time, abandon an interrupted
 * send, or nothing (posted, skipped, or given up).
 */
function retryOf(recorded: DigestPost | undefined, now: Date): 'now' | 'abandon' | Date | null {
  if (!recorded) return 'now';
  const lastAttempt = Date.parse(recorded.lastAttemptAt ?? recorded.updatedAt);
  if (recorded.status === 'sending') {
    const unsureSince = Math.min(lastAttempt, recorded.uncertainSince ? Date.parse(recorded.uncertainSince) : Infinity);
    return now.getTime() - unsureSince <= NONCE_TRUST_MS ? 'now' : 'abandon';
  }
  if (recorded.status !== 'failed' || !isRetryable(recorded.reason) || recorded.attempts >= MAX_ATTEMPTS) return null;
  const waits = recorded.reason === 'transient' ? QUICK_RETRY_MS : RETRY_BACKOFF_MS;
  const retryAt = new Date(lastAttempt + waits[recorded.attempts - 1]!);
  // Once an attempt may have posted unseen, only the nonce prevents a second message, and only for a few minutes.
  if (recorded.uncertainSince && retryAt.getTime() - Date.parse(recorded.uncertainSince) > NONCE_TRUST_MS) return null;
  return retryAt <= now ? 'now' : retryAt;
}

/** After a failed attempt: try again later, pause the schedule (a person must fix the channel), or give the week up. */
export function afterFailedAttempt(reason: string, attempts: number): 'retry' | 'pause' | 'give_up' {
  if (!isRetryable(reason)) return 'give_up';
  if (attempts < MAX_ATTEMPTS) return 'retry';
  return isPermanentFailure(reason) ? 'pause' : 'give_up';
}
