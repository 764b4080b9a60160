import type { SegmentOutcome, SegmentRequest } from './segment-dataset.js';
import { startWorker } from './start-worker.js';

export type SegmentWorkerMessage = { type: 'outcome'; outcome: SegmentOutcome } | { type: 'crash'; message: string };

export const segmentWorkerUrl = new URL(`./segment-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** Runs a segmentation on a worker thread with its own database connection. */
export function runSegmentationInWorker(databasePath: string, request: SegmentRequest): Promise<SegmentOutcome> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(segmentWorkerUrl, { databasePath, request });
    let settled = false;
    const settle = (action: () => void) => {
      if (!settled) action();
      settled = true;
    };
    worker.on('message', (message: SegmentWorkerMessage) =>
      settle(() => (message.type === 'outcome' ? resolve(message.outcome) : reject(new Error(`segmentation worker failed: ${message.message}`)))),
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`segmentation worker exited with code ${code}`))));
  });
}
