import type { Worker } from 'node:worker_threads';
import type { UploadOutcome, UploadRequest } from './import-upload.js';
import { markPhase } from '../workers/phase-trace.js';
import type { ProgressEvent, ProgressListener } from '../reply.js';
import type { SegmentOutcome, SegmentRequest } from '../segments/segment-dataset.js';
import { startWorker } from '../workers/start-worker.js';
import { workerReserve } from '../workers/worker-reserve.js';
import { ownsWholeBuffer } from '../workers/whole-buffer.js';

/** What to segment after a successful import: the uploaded dataset of the same workspace. */
export type SegmentAfterImport = Omit<SegmentRequest, 'guildId' | 'dataset'>;

/** A failed upload is not segmented; a stored one always is. */
export type ImportThenSegmentOutcome =
  | { ok: false; upload: Extract<UploadOutcome, { ok: false }> }
  | { ok: true; upload: Extract<UploadOutcome, { ok: true }>; segmentation: SegmentOutcome };

/** What the worker reports: the segmentation only when one was asked for and the upload succeeded. */
interface WorkerOutcome {
  upload: UploadOutcome;
  segmentation?: SegmentOutcome;
}

export type WorkerMessage =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'outcome'; outcome: WorkerOutcome }
  | { type: 'crash'; message: string };

export const importWorkerUrl = new URL(`./import-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Runs an import on a worker thread with its own database connection. Progress events within a stage are throttled to
 * one per 100 ms so a fast import does not flood the transport.
 */
export async function runImportInWorker(databasePath: string, request: UploadRequest, onProgress: ProgressListener = () => {}): Promise<UploadOutcome> {
  return (await runInImportWorker(databasePath, request, undefined, onProgress)).upload;
}

/**
 * Runs an import and then, when it succeeded, a segmentation of the uploaded dataset, both on one worker thread:
 * an upload's reply shows the new segments, and a second worker would cost its start-up again (~0.1-0.3 s here).
 */
export async function runImportThenSegmentInWorker(
  databasePath: string,
  request: UploadRequest,
  segmentAfter: SegmentAfterImport,
  onProgress: ProgressListener = () => {},
): Promise<ImportThenSegmentOutcome> {
  const { upload, segmentation } = await runInImportWorker(databasePath, request, segmentAfter, onProgress);
  if (!upload.ok) return { ok: false, upload };
  if (segmentation === undefined) throw new Error('import worker stored the upload but did not segment it');
  return { ok: true, upload, segmentation };
}

async function runInImportWorker(
  databasePath: string,
  request: UploadRequest,
  segmentAfter: SegmentAfterImport | undefined,
  onProgress: ProgressListener,
): Promise<WorkerOutcome> {
  // The worker boots (0.1-0.3 s) while this thread copies the bytes into a buffer it can transfer rather than clone.
  const worker = takePrestartedWorker() ?? startWorker(importWorkerUrl, undefined);
  worker.postMessage({ type: 'job', databasePath, request: { ...request, bytes: new Uint8Array(0) }, segmentAfter } satisfies ImportWorkerJob);
  const outcome = new Promise<WorkerOutcome>((resolve, reject) => {
    let settled = false;
    let lastProgressAt = 0;
    let lastStage = '';
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        const now = Date.now();
        // The first event of every stage always passes, so a listener sees each stage begin.
        if (message.event.stage !== lastStage || now - lastProgressAt >= 100) {
          lastProgressAt = now;
          lastStage = message.event.stage;
          onProgress(message.event);
        }
      } else if (message.type === 'outcome') {
        markPhase('outcome received');
        settled = true;
        resolve(message.outcome);
      } else {
        settled = true;
        reject(new Error(`import worker failed: ${message.message}`));
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code}`));
    });
  });
  try {
    const bytes = await bytesToMove(request.bytes);
    worker.postMessage({ type: 'bytes', bytes } satisfies ImportWorkerBytes, [bytes.buffer as ArrayBuffer]);
    markPhase('bytes copied');
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return outcome;
}

/** The import worker's first message: the request without its bytes, which follow in an ImportWorkerBytes message. */
export interface ImportWorkerJob {
  type: 'job';
  databasePath: string;
  request: UploadRequest;
  segmentAfter?: SegmentAfterImport;
}

export interface ImportWorkerBytes {
  type: 'bytes';
  bytes: Uint8Array;
}

/** An import worker started ahead, loading its code or waiting for its job. */
const reserve = workerReserve(importWorkerUrl);

/**
 * Starts the next import's worker now, so it loads its code (0.1-0.3 s) while this thread still reads the file;
 * the next import takes it. A one-shot process (the CLI) calls it before reading an upload, and
 * `discardPrestartedImportWorker` before it ends.
 */
export const prestartImportWorker = (): void => reserve.prestart();

/** Stops an import worker started ahead that was never given a job. */
export const discardPrestartedImportWorker = (): Promise<void> => reserve.discard();

const takePrestartedWorker = (): Worker | undefined => reserve.take();

/** Bytes whose owner gave them up to the import they are sent to (see handOverBytes). */
const handedOver = new WeakSet<Uint8Array>();

/**
 * Gives `bytes` up to the import they are next sent to, which then moves their memory to its worker rather than
 * copying it: afterwards they read as empty here. For bytes nobody reads again, such as a file the CLI read for this
 * one command: saves a copy of the file, 48 MB and 0.1-1 s of this thread for Online Retail on a busy machine.
 */
export function handOverBytes(bytes: Uint8Array): Uint8Array {
  handedOver.add(bytes);
  return bytes;
}

/**
 * Bytes a worker can be sent by moving their memory: these very bytes when they were handed over (handOverBytes) and
 * fill a buffer of their own, otherwise a copy made in slices (copyInSlices).
 */
export async function bytesToMove(bytes: Uint8Array): Promise<Uint8Array> {
  return movable(bytes) ? bytes : await copyInSlices(bytes);
}

/** Handed over, and the whole of a buffer that can be transferred (not a slice of Node's shared pool). */
function movable(bytes: Uint8Array): boolean {
  return handedOver.delete(bytes) && ownsWholeBuffer(bytes);
}

/** 1 MiB: about 3 ms of copying on this project's busy 2-core machines, where 4 MiB took 12 ms. */
const COPY_SLICE_BYTES = 1024 * 1024;

/**
 * A copy of the bytes made a slice at a time, yielding to the event loop between slices: copying a 50 MB upload in
 * one go held the main thread (gateway heartbeats, lookups) for 20-60 ms.
 */
async function copyInSlices(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = new Uint8Array(bytes.byteLength);
  for (let at = 0; at < bytes.byteLength; at += COPY_SLICE_BYTES) {
    copy.set(bytes.subarray(at, at + COPY_SLICE_BYTES), at);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return copy;
}
