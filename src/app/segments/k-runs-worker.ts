import { parentPort, workerData } from 'node:worker_threads';
import { kRuns, type KRun } from '../../segment/choose-k.js';
import { markPhase } from '../workers/phase-trace.js';
import type { KRunsJob } from './run-k-runs.js';
import type { WorkerReply } from '../workers/worker-reply.js';
import { runAsBackgroundThread } from '../workers/background-thread.js';

runAsBackgroundThread();

/**
 * Worker thread: the k-means runs of some k values, while the thread that asked computes the others. Its job comes
 * in its workerData, or, when it was started ahead of the job (prestartKRunsWorker), in its first message.
 */
markPhase('k-runs worker ready');
const post = (message: WorkerReply<KRun[]>) => parentPort!.postMessage(message);
const { matrix, ks, options } = (workerData as KRunsJob | undefined) ?? (await new Promise<KRunsJob>((resolve) => parentPort!.once('message', resolve)));
try {
  const result = kRuns(matrix, ks, options);
  markPhase('k-runs done');
  post({ type: 'result', result });
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
