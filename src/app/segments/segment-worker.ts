import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../store/open-database.js';
import { segmentDatasetOnTwoThreads, type SegmentOutcome, type SegmentRequest } from './segment-dataset.js';
import type { WorkerReply } from '../workers/worker-reply.js';
import { runAsBackgroundThread } from '../workers/background-thread.js';

runAsBackgroundThread();

/** Worker thread: k-means and the silhouettes take about a second on Online Retail; the main thread stays free. */
const { databasePath, request } = workerData as { databasePath: string; request: SegmentRequest };
const post = (message: WorkerReply<SegmentOutcome>) => parentPort!.postMessage(message);

const db = openDatabase(databasePath);
try {
  post({ type: 'result', result: await segmentDatasetOnTwoThreads(db, request) });
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  db.close();
}
