import type { ChooseKOptions, KRun } from '../../segment/choose-k.js';
import type { FeatureMatrix } from '../../segment/types.js';
import { markPhase } from '../workers/phase-trace.js';
import { startWorker } from '../workers/start-worker.js';
import { workerReserve } from '../workers/worker-reserve.js';
import { workerReply } from '../workers/worker-reply.js';

export const kRunsWorkerUrl = new URL(`./k-runs-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** What a k-runs worker is asked: in its workerData, or in its first message when it was started ahead. */
export interface KRunsJob {
  matrix: FeatureMatrix;
  ks: readonly number[];
  /** With the previous run's centroids, so its k is warm-started there as it would be on the thread that asked. */
  options: Pick<ChooseKOptions, 'seed' | 'restarts' | 'previous'>;
}

/** A worker started ahead, waiting for its job; at most one per thread. */
const reserve = workerReserve(kRunsWorkerUrl);

/**
 * Starts this thread's next k-runs worker now, so it loads (0.1-0.3 s) while this thread still waits for something
 * else, such as the last rows of an upload being stored; the next `kRunsInWorker` call hands it its job. Call
 * `discardPrestartedKRunsWorker` when no k-means may follow.
 */
export const prestartKRunsWorker = (): void => reserve.prestart();

/** Stops a worker started ahead that was never given a job. */
export const discardPrestartedKRunsWorker = (): Promise<void> => reserve.discard();

/**
 * `kRuns` on a worker thread of its own: the one started ahead, if any, else a new one. The matrix is copied to it
 * (4,334 customers: 100 kB). Aborting the signal terminates the worker and rejects.
 */
export function kRunsInWorker(
  matrix: FeatureMatrix,
  ks: readonly number[],
  options: KRunsJob['options'],
  signal?: AbortSignal,
): Promise<KRun[]> {
  const job: KRunsJob = { matrix, ks, options };
  const ahead = reserve.take();
  if (ahead !== undefined) {
    ahead.postMessage(job);
    return workerReply<KRun[]>(ahead, 'k-means', signal);
  }
  markPhase('k-runs worker started');
  return workerReply<KRun[]>(startWorker(kRunsWorkerUrl, job), 'k-means', signal);
}
