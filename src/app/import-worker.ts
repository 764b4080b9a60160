import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/open-database.js';
import { importUpload, type UploadRequest } from './import-upload.js';
import type { SegmentAfterImport, WorkerMessage } from './run-import.js';
import { segmentDatasetOnTwoThreads, type SegmentOutcome } from './segment-dataset.js';
import { workerWriter } from './worker-writer.js';

/**
 * Worker thread: parses and validates an upload, which a writer thread of its own stores meanwhile, so the main
 * thread (gateway, lookups) never stalls; then, when asked, segments the uploaded dataset.
 */
const { databasePath, request, segmentAfter } = workerData as { databasePath: string; request: UploadRequest; segmentAfter?: SegmentAfterImport };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
// First, so the writer boots while this thread opens the database and reads the file.
const writer = workerWriter(databasePath);

const db = openDatabase(databasePath);
// An upload writes tens of MB to the WAL, and SQLite's automatic checkpoint at commit (copying them into the
// database file) held the reply back by a quarter of a second. This connection checkpoints once the outcome is
// posted instead: the rows are committed either way.
db.pragma('wal_autocheckpoint = 0');
try {
  const upload = await importUpload(db, request, (event) => post({ type: 'progress', event }), writer);
  if (!upload.ok || segmentAfter === undefined) {
    post({ type: 'outcome', outcome: { upload } });
  } else {
    post({ type: 'progress', event: { stage: 'segmenting', done: 0, unit: 'steps' } });
    post({ type: 'outcome', outcome: { upload, segmentation: await segmentationAfter(upload.report.dataset, segmentAfter) } });
  }
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
}

/**
 * The uploaded dataset's segmentation. The upload is committed by now, so a failure here is reported as the
 * segmentation's, never as the import's: a member who retried the upload would be told it was all duplicates.
 */
async function segmentationAfter(dataset: string, options: SegmentAfterImport): Promise<SegmentOutcome> {
  try {
    return await segmentDatasetOnTwoThreads(db, { ...options, guildId: request.guildId, dataset });
  } catch (error) {
    process.emitWarning(`segmenting dataset after upload failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'SegmentaSegmentation');
    return { ok: false, code: 'segmentation_failed', details: { dataset } };
  }
}
