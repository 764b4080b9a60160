import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/open-database.js';
import { segmentDatasetOnTwoThreads, type SegmentRequest } from './segment-dataset.js';
import type { SegmentWorkerMessage } from './run-segmentation.js';

/** Worker thread: k-means and the silhouettes take about a second on Online Retail; the main thread stays free. */
const { databasePath, request } = workerData as { databasePath: string; request: SegmentRequest };
const post = (message: SegmentWorkerMessage) => parentPort!.postMessage(message);

const db = openDatabase(databasePath);
try {
  post({ type: 'outcome', outcome: await segmentDatasetOnTwoThreads(db, request) });
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  db.close();
}
