import { Cron } from 'croner';

/**
 * Where the digest scheduler reads the time and sets its wake-ups. The bot uses the system clock; tests pass a clock
 * they advance by hand, so a week, a restart or a day of downtime takes no real time.
 */
export interface ScheduleClock {
  now(): Date;
  /** Calls `wake` once at `at` (at once when `at` is past); returns a function that cancels it. */
  wakeAt(at: Date, wake: () => void): () => void;
}

/**
 * The real clock. A wake-up is a one-off croner job: croner re-arms timers longer than setTimeout's 24.8-day limit
 * and, unrefed, keeps no process alive on its own.
 */
export const systemScheduleClock: ScheduleClock = {
  now: () => new Date(),
  wakeAt(at, wake) {
    const job = new Cron(new Date(Math.max(at.getTime(), Date.now() + 1_000)), { unref: true, maxRuns: 1 }, wake);
    return () => job.stop();
  },
};
