import { parentPort, workerData } from 'node:worker_threads';
import { runAsBackgroundThread } from '../workers/background-thread.js';
import type { WorkerReply } from '../workers/worker-reply.js';
import { inspectUpload, type InspectOutcome, type InspectRequest } from './inspect-upload.js';

runAsBackgroundThread();

/** Worker thread: one dry run (see inspectInWorker). Nothing is stored, so it needs no database. */
const post = (message: WorkerReply<InspectOutcome>) => parentPort!.postMessage(message);
try {
  post({ type: 'result', result: await inspectUpload(workerData as InspectRequest) });
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
