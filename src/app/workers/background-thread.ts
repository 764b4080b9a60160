import { setPriority } from 'node:os';

/**
 * Nice value of Segmenta's worker threads. During an upload three of them (import, writer, k-means or charts) want
 * the two cores of a small server at once, and the thread that answers members (`/segment customer`, Discord's
 * heartbeats) waited its turn behind them: lookups took up to a quarter of a second. At 10 the scheduler gives the
 * main thread about ten times a worker's share when both want a core; when it is idle the workers get everything.
 */
export const WORKER_NICE = 10;

/**
 * Set by a process whose main thread answers people (the bot) before it starts workers; workers inherit it. A
 * one-shot CLI upload leaves it unset: there the user waits for the workers themselves, and on a shared machine a
 * niced worker would yield to every other process too.
 */
export const BACKGROUND_WORKERS_ENV = 'SEGMENTA_BACKGROUND_WORKERS';

/** Makes the workers this process starts from now on run as background threads (see `runAsBackgroundThread`). */
export function startWorkersInBackground(): void {
  process.env[BACKGROUND_WORKERS_ENV] = '1';
}

/** The nice value a worker started now takes (`runAsBackgroundThread`), or undefined when it keeps the main thread's. */
export function backgroundNice(): number | undefined {
  return process.platform === 'linux' && process.env[BACKGROUND_WORKERS_ENV] === '1' ? WORKER_NICE : undefined;
}

/**
 * Lowers the priority of the calling thread only, so the main thread answers first, when the process asked for it
 * (`startWorkersInBackground`). Linux keeps a nice value per thread; elsewhere the call would reach the whole
 * process, main thread included, so it does nothing there. A system that refuses it leaves the worker at normal
 * priority.
 */
export function runAsBackgroundThread(): void {
  const nice = backgroundNice();
  if (nice === undefined) return;
  try {
    setPriority(nice);
  } catch {
    // Raising a nice value needs no privilege, but a sandbox may still forbid setpriority: run at normal priority.
  }
}
