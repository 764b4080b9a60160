import { digestRepository } from '../../store/digest-schedules.js';
import type { AppContext } from '../context.js';
import { postDigest, type DigestBuilder, type PostResult } from './post-digest.js';
import type { DigestChannels } from './post-port.js';
import type { ScheduleClock } from './schedule-clock.js';
import { decideSchedule } from './schedule-policy.js';

/** Enough of a server's post history for every decision: the latest period and the few before it. */
const POSTS_CONSIDERED = 16;

export interface ScheduleLog {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

export interface DigestSchedulerParts {
  app: AppContext;
  channels: DigestChannels;
  clock: ScheduleClock;
  build: DigestBuilder;
  /** Runs work in the server's queue, after any upload of that server already running or waiting. */
  inQueue<T>(guildId: string, work: () => Promise<T>): Promise<T>;
  log: ScheduleLog;
}

/**
 * Keeps every server's weekly digest on time. The database is the only memory: a wake-up re-reads the schedule and
 * the recorded posts and asks `decideSchedule` what to do, so a restart, a changed schedule or a wake-up that fires
 * twice all end in the same place. One timer per server, always for the next due time or retry.
 */
export class DigestScheduler {
  readonly #parts: DigestSchedulerParts;
  readonly #wakeUps = new Map<string, () => void>();
  readonly #running = new Set<Promise<void>>();
  /** Reviews that got their turn in the server's queue: the ones a shutdown waits for. */
  readonly #inQueue = new Set<Promise<unknown>>();
  #stopped = false;

  constructor(parts: DigestSchedulerParts) {
    this.#parts = parts;
  }

  /** Restores every stored schedule: posts what is due or within the catch-up window, records skipped weeks, sets timers. */
  start(): void {
    for (const guildId of digestRepository(this.#parts.app.db).scheduledGuilds()) this.review(guildId);
  }

  /** Looks at a server again now: after its schedule changed, or when its timer fires. */
  review(guildId: string): void {
    if (this.#stopped) return;
    this.#wakeUps.get(guildId)?.();
    this.#wakeUps.delete(guildId);
    const running = this.#review(guildId)
      .catch((error: unknown) => this.#parts.log.error(`digest of guild ${guildId} failed`, error))
      .finally(() => this.#running.delete(running));
    this.#running.add(running);
  }

  /** Resolves when every review started so far has finished (tests wait on it). */
  async settled(): Promise<void> {
    while (this.#running.size) await Promise.all([...this.#running]);
  }

  /**
   * No new posts start; waits for the ones running. Reviews still waiting behind an upload are not waited for: when
   * their turn comes they see the scheduler stopped and leave the database alone, so a long upload cannot stretch
   * the bot's shutdown beyond its own grace.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const cancel of this.#wakeUps.values()) cancel();
    this.#wakeUps.clear();
    await Promise.all([...this.#inQueue]);
  }

  async #review(guildId: string): Promise<void> {
    const { app, clock, inQueue } = this.#parts;
    const wakeAt = await inQueue(guildId, () => {
      if (this.#stopped) return Promise.resolve(null);
      const turn = this.#decideAndPost(guildId);
      this.#inQueue.add(turn);
      return turn.finally(() => this.#inQueue.delete(turn));
    });
    if (!wakeAt || this.#stopped) return;
    this.#parts.log.info(`digest of guild ${guildId}: next look at ${wakeAt.toISOString()}`);
    this.#wakeUps.get(guildId)?.();
    this.#wakeUps.set(guildId, clock.wakeAt(wakeAt, () => this.review(guildId)));
  }

  /** The server's turn in its queue: records skipped weeks, posts what is due, and says when to look again. */
  async #decideAndPost(guildId: string): Promise<Date | null> {
    const { app, clock } = this.#parts;
    const digests = digestRepository(app.db);
    // A post can change what is due (a failure schedules a retry), so decide again after it; bounded all the same.
    for (let round = 0; round < 3 && !this.#stopped; round++) {
      const schedule = digests.schedule(guildId);
      if (!schedule) return null;
      const now = clock.now();
      const decision = decideSchedule(schedule, digests.recentPosts(guildId, POSTS_CONSIDERED), now);
      for (const skipped of decision.skip) {
        digests.skipPeriod({ guildId, period: skipped.period, channelId: schedule.channelId, scheduledAt: skipped.scheduledAt.toISOString(), reason: 'downtime' }, now);
        this.#parts.log.info(`digest of guild ${guildId} for ${skipped.period} skipped: the bot was down more than a day past its time`);
      }
      if (decision.abandon) {
        digests.finishPost(guildId, decision.abandon.period, { status: 'failed', reason: 'interrupted' }, now);
        this.#parts.log.warn(`digest of guild ${guildId} for ${decision.abandon.period} was interrupted mid-send too long ago to resend safely`);
      }
      if (!decision.post) return decision.wakeAt;
      const request = { guildId, period: decision.post.period, kind: 'scheduled' as const, channelId: schedule.channelId, scheduledAt: decision.post.scheduledAt, dataset: schedule.dataset };
      try {
        this.#logResult(guildId, request.period, await postDigest(app, this.#parts.channels, request, { now: clock.now, build: this.#parts.build }));
      } catch (error) {
        // Recorded as failed by postDigest; the next round waits for next week instead of giving the server up.
        this.#parts.log.error(`digest of guild ${guildId} for ${request.period} could not be built`, error);
      }
    }
    // Out of rounds: whatever is still due waits for the next due time, so the server is never left without a timer.
    const schedule = this.#stopped ? undefined : digests.schedule(guildId);
    return schedule ? decideSchedule(schedule, digests.recentPosts(guildId, POSTS_CONSIDERED), clock.now()).wakeAt : null;
  }

  #logResult(guildId: string, period: string, result: PostResult): void {
    const { log } = this.#parts;
    if (result.status === 'sent') log.info(`digest of guild ${guildId} for ${period} posted as message ${result.messageId}`);
    else if (result.status === 'already') log.info(`digest of guild ${guildId} for ${period} was already ${result.post.status}; not posted again`);
    else log.warn(`digest of guild ${guildId} for ${period} failed (${result.reason}, attempt ${result.attempts}); next: ${result.next}`);
  }
}
