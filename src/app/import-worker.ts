import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/open-database.js';
import { importUpload, type UploadRequest } from './import-upload.js';
import type { WorkerMessage } from './run-import.js';

/** Worker thread: parses, validates and writes an upload so the main thread (gateway, lookups) never stalls. */
const { databasePath, request } = workerData as { databasePath: string; request: UploadRequest };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

const db = openDatabase(databasePath);
try {
  const outcome = await importUpload(db, request, (event) => post({ type: 'progress', event }));
  post({ type: 'outcome', outcome });
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  db.close();
}
