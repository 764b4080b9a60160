import { parentPort, workerData } from 'node:worker_threads';
import { kRuns, type ChooseKOptions, type KRun } from '../segment/choose-k.js';
import type { FeatureMatrix } from '../segment/types.js';
import type { WorkerReply } from './worker-reply.js';

/** Worker thread: the k-means runs of some k values, while the thread that asked computes the others. */
const { matrix, ks, options } = workerData as { matrix: FeatureMatrix; ks: number[]; options: Pick<ChooseKOptions, 'seed' | 'restarts'> };
const post = (message: WorkerReply<KRun[]>) => parentPort!.postMessage(message);
try {
  post({ type: 'result', result: kRuns(matrix, ks, options) });
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
