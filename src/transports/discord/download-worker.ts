import { parentPort, workerData } from 'node:worker_threads';
import { runAsBackgroundThread } from '../../app/workers/background-thread.js';
import { downloadAttachment, type DownloadResult } from './attachment-download.js';
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
  post({ type: 'result', result }, result.ok ? movableBuffers(result) : []);
} catch (error) {
  post({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}

/** The downloaded file's memory, when it is a whole buffer of its own (not a slice of Node's small-buffer pool). */
function movableBuffers(result: DownloadResult & { ok: true }): ArrayBuffer[] {
  const bytes = result.file.bytes;
  const whole = bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? [bytes.buffer as ArrayBuffer] : [];
}
