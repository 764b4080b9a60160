import { parentPort, workerData } from 'node:worker_threads';
import { runAsBackgroundThread } from '../../app/workers/background-thread.js';
import { ownsWholeBuffer } from '../../app/workers/whole-buffer.js';
import { downloadAttachment } from './attachment-download.js';
import type { DownloadJob, DownloadMessage } from './download-in-worker.js';

runAsBackgroundThread();

/** At most one progress message per this many milliseconds: the main thread only redraws every two seconds anyway. */
const PROGRESS_EVERY_MS = 50;

/**
 * Worker thread: one attachment's download (see `downloadInWorker`). The bytes are moved to the thread that asked,
 * not copied.
 */
const post = (message: DownloadMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
const { ref, policy } = workerData as DownloadJob;
let lastProgress = 0;
try {
  const result = await downloadAttachment(ref, policy, (progress) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    post({ type: 'progress', progress });
  });
  // The file's memory is moved when it is a whole buffer of its own (not a slice of Node's small-buffer pool).
  post({ type: 'result', result }, result.ok && ownsWholeBuffer(result.file.bytes) ? [result.file.bytes.buffer as ArrayBuffer] : []);
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
