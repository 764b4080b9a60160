import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../store/open-database.js';
import { runAsBackgroundThread } from '../workers/background-thread.js';
import type { WorkerReply } from '../workers/worker-reply.js';
import { erase, type ErasureRequest } from './run-erasure.js';

runAsBackgroundThread();

/** Worker thread: one erasure (see eraseInWorker in run-erasure.ts), on a connection of its own. */
const { databasePath, job } = workerData as ErasureRequest;
const post = (message: WorkerReply<unknown>) => parentPort!.postMessage(message);

const db = openDatabase(databasePath);
try {
  post({ type: 'result', result: erase(db, job) });
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  db.close();
}
