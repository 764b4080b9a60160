import type { Worker } from 'node:worker_threads';

/** What a worker that answers once posts: its result, or the stack of what it threw. */
export type WorkerReply<T> = { type: 'result'; result: T } | { type: 'crash'; message: string };

/**
 * The one reply of a worker started for one job. A crash message, an error or an exit before replying rejects,
 * naming the worker; aborting the signal terminates the worker and rejects.
 */
export function workerReply<T>(worker: Worker, name: string, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (action: () => void) => {
      if (!settled) action();
      settled = true;
    };
    signal?.addEventListener(
      'abort',
      () =>
        settle(() => {
          void worker.terminate();
          reject(new Error(`${name} worker aborted`));
        }),
      { once: true },
    );
    worker.on('message', (message: WorkerReply<T>) =>
      settle(() => (message.type === 'result' ? resolve(message.result) : reject(new Error(`${name} worker failed: ${message.message}`)))),
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`${name} worker exited with code ${code}`))));
  });
}
