import type { SegmentOutcome, SegmentRequest } from './segment-dataset.js';
import { startWorker } from '../workers/start-worker.js';
import { workerReply } from '../workers/worker-reply.js';

export const segmentWorkerUrl = new URL(`./segment-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** Runs a segmentation on a worker thread with its own database connection. */
export function runSegmentationInWorker(databasePath: string, request: SegmentRequest): Promise<SegmentOutcome> {
  return workerReply<SegmentOutcome>(startWorker(segmentWorkerUrl, { databasePath, request }), 'segmentation');
}
