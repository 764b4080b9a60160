import type { UploadOutcome, UploadRequest } from './import-upload.js';
import type { ProgressEvent, ProgressListener } from './reply.js';
import { startWorker } from './start-worker.js';

export type WorkerMessage =
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'outcome'; outcome: UploadOutcome }
  | { type: 'crash'; message: string };

const workerUrl = new URL(`./import-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Runs an import on a worker thread with its own database connection. Progress events within a stage are throttled to
 * one per 100 ms so a fast import does not flood the transport.
 */
export function runImportInWorker(databasePath: string, request: UploadRequest, onProgress: ProgressListener = () => {}): Promise<UploadOutcome> {
  return new Promise((resolve, reject) => {
    // Copy the bytes into a buffer we own so it can be transferred, not cloned.
    const bytes = new Uint8Array(request.bytes);
    const worker = startWorker(workerUrl, { databasePath, request: { ...request, bytes } }, [bytes.buffer as ArrayBuffer]);
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
}
