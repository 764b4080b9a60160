import type { ChooseKOptions, KRun } from '../segment/choose-k.js';
import type { FeatureMatrix } from '../segment/types.js';
import { startWorker } from './start-worker.js';
import { workerReply } from './worker-reply.js';

export const kRunsWorkerUrl = new URL(`./k-runs-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * `kRuns` on a worker thread of its own. The matrix is copied to it (4,338 customers: 100 kB). Aborting the
 * signal terminates the worker and rejects.
 */
export function kRunsInWorker(
  matrix: FeatureMatrix,
  ks: readonly number[],
  options: Pick<ChooseKOptions, 'seed' | 'restarts'>,
  signal?: AbortSignal,
): Promise<KRun[]> {
  return workerReply<KRun[]>(startWorker(kRunsWorkerUrl, { matrix, ks, options }), 'k-means', signal);
}
