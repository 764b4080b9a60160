import type { Worker } from 'node:worker_threads';
import { startWorker } from './start-worker.js';

/** One worker started ahead of its job, so it loads its code (0.1-0.3 s) while this thread still does something else. */
export interface WorkerReserve {
  /** Starts the worker now unless one is already waiting. */
  prestart(): void;
  /** The waiting worker, handed over once (its job then goes in its first message), or undefined. */
  take(): Worker | undefined;
  /** Stops a waiting worker that was never given a job. */
  discard(): Promise<void>;
}

/** A reserve of at most one worker of this module, per thread. */
export function workerReserve(moduleUrl: URL): WorkerReserve {
  let waiting: { worker: Worker; exited: boolean } | undefined;
  const take = () => {
    const ahead = waiting;
    waiting = undefined;
    return ahead !== undefined && !ahead.exited ? ahead.worker : undefined;
  };
  return {
    prestart() {
      if (waiting !== undefined && !waiting.exited) return;
      const started = { worker: startWorker(moduleUrl, undefined), exited: false };
      // A failure before a job is given is not reported: the job then starts a worker of its own.
      started.worker.on('error', () => {});
      started.worker.on('exit', () => {
        started.exited = true;
      });
      waiting = started;
    },
    take,
    async discard() {
      await take()?.terminate();
    },
  };
}
