import { parentPort } from 'node:worker_threads';
import { openDatabase } from '../../store/open-database.js';
import { importUpload, type OnParsed, type ParsedForecast, type UploadRequest } from './import-upload.js';
import { discardPrestartedKRunsWorker, prestartKRunsWorker } from '../segments/run-k-runs.js';
import { markPhase } from '../workers/phase-trace.js';
import type { ProgressEvent } from '../reply.js';
import type { ImportWorkerBytes, ImportWorkerJob, SegmentAfterImport, WorkerMessage } from './run-import.js';
import { segmentDatasetOnTwoThreads, segmentForecast, TWO_THREADS_FROM_CUSTOMERS, type SegmentOutcome, type SegmentRequest } from '../segments/segment-dataset.js';
import { workerWriter } from './worker-writer.js';
import { runAsBackgroundThread } from '../workers/background-thread.js';

runAsBackgroundThread();

/**
 * Worker thread: parses and validates an upload, which a writer thread of its own stores meanwhile, so the main
 * thread (gateway, lookups) never stalls; then, when asked, segments the uploaded dataset.
 */
markPhase('import worker ready');
const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const messages = messagesInOrder();
// The job comes first; the bytes follow once the thread that started this one has copied (or moved) them.
const { databasePath, request: withoutBytes, segmentAfter } = (await messages.next()) as ImportWorkerJob;
// First, so the writer boots while this thread opens the database and waits for the file.
const writer = workerWriter(databasePath);

const db = openDatabase(databasePath);
const request: UploadRequest = { ...withoutBytes, bytes: ((await messages.next()) as ImportWorkerBytes).bytes };
// Nothing else comes: a port with a listener would keep this thread, and so the process, alive.
messages.stop();
markPhase('bytes received');
// An upload writes tens of MB to the WAL, and SQLite's automatic checkpoint at commit (copying them into the
// database file) held the reply back by a quarter of a second. This connection checkpoints once the outcome is
// posted instead: the rows are committed either way.
db.pragma('wal_autocheckpoint = 0');
try {
  let early: Promise<SegmentOutcome | undefined> | undefined;
  const onParsed: OnParsed = ({ dataset, customers, forecast }) => {
    if (segmentAfter === undefined) return;
    // The segmentation's second thread loads while the writer stores the last rows. A forced k is clustered on
    // this thread alone (see segmentDatasetOnTwoThreads): a second thread would only load.
    if (segmentAfter.k === undefined && customers >= TWO_THREADS_FROM_CUSTOMERS) prestartKRunsWorker();
    // The customers are known before they are stored: segment them meanwhile, on this thread and the k-means one.
    if (forecast === undefined) return;
    // Said now, so the caller can get its charts ready; the rows still being saved are no longer news.
    post({ type: 'progress', event: { stage: 'segmenting', done: 0, unit: 'steps' } });
    early = segmentationEarly(dataset, forecast, segmentAfter);
  };
  const onProgress = (event: ProgressEvent) => {
    if (early === undefined || event.stage !== 'writing') post({ type: 'progress', event });
  };
  const upload = await importUpload(db, request, onProgress, writer, {
    onParsed,
    forecastSummaries: segmentAfter !== undefined,
  });
  if (!upload.ok || segmentAfter === undefined) {
    await early;
    post({ type: 'outcome', outcome: { upload } });
  } else {
    if (early === undefined) post({ type: 'progress', event: { stage: 'segmenting', done: 0, unit: 'steps' } });
    markPhase('segmentation start');
    const segmentation = (await early) ?? (await segmentationAfter(upload.report.dataset, segmentAfter));
    markPhase('segmentation done');
    post({ type: 'outcome', outcome: { upload, segmentation } });
  }
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
} finally {
  try {
    await discardPrestartedKRunsWorker();
    db.pragma('wal_checkpoint(PASSIVE)');
    markPhase('checkpointed');
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
    return await segmentDatasetOnTwoThreads(db, segmentRequest(dataset, options));
  } catch (error) {
    warnSegmentationFailed('segmenting dataset after upload failed', error);
    return { ok: false, code: 'segmentation_failed', details: { dataset } };
  }
}

/**
 * The upload's segmentation from its forecast summaries (see segmentForecast), begun as soon as the rows are
 * parsed; undefined when the forecast did not hold or the early run failed, and then it is done as stored.
 */
async function segmentationEarly(dataset: string, forecast: ParsedForecast, options: SegmentAfterImport): Promise<SegmentOutcome | undefined> {
  markPhase('early segmentation start');
  try {
    return await segmentForecast(db, segmentRequest(dataset, options), forecast.summaries, forecast.held);
  } catch (error) {
    warnSegmentationFailed('segmenting an upload before it was stored failed', error);
    return undefined;
  }
}

// Function declarations, not consts: the code above calls them before this part of the module has run.

/** The segmentation of the uploaded dataset, asked by the member who uploaded it. */
function segmentRequest(dataset: string, options: SegmentAfterImport): SegmentRequest & { dataset: string } {
  return { requestedBy: request.userId, ...options, guildId: request.guildId, dataset };
}

function warnSegmentationFailed(what: string, error: unknown): void {
  process.emitWarning(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'SegmentaSegmentation');
}

/**
 * The messages from the thread that started this one, one at a time, in the order sent. One listener for all of
 * them: a port drops a message that arrives while it has no listener.
 */
function messagesInOrder(): { next: () => Promise<unknown>; stop: () => void } {
  const arrived: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  const listener = (message: unknown) => {
    const taker = waiting.shift();
    if (taker) taker(message);
    else arrived.push(message);
  };
  parentPort!.on('message', listener);
  return {
    next: () => (arrived.length > 0 ? Promise.resolve(arrived.shift()) : new Promise((resolve) => waiting.push(resolve))),
    stop: () => void parentPort!.off('message', listener),
  };
}
