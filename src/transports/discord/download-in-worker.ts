import type { ProgressListener, ProgressEvent } from '../../app/reply.js';
import { handOverBytes } from '../../app/import/run-import.js';
import { startWorker } from '../../app/workers/start-worker.js';
import { checkAttachment, type AttachmentRef, type DownloadPolicy, type DownloadResult } from './attachment-download.js';

export const downloadWorkerUrl = new URL(`./download-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** What a download worker is given in its workerData. */
export interface DownloadJob {
  ref: AttachmentRef;
  policy: DownloadPolicy;
}

/** What a download worker posts: progress while bytes arrive, then its one result (or what it threw). */
export type DownloadMessage =
  | { type: 'progress'; progress: ProgressEvent }
  | { type: 'result'; result: DownloadResult }
  | { type: 'crash'; message: string };

/**
 * `downloadAttachment` on a worker thread of its own, with the same refusals. The main thread answers members while
 * an upload runs; fetching an 8 MB attachment on it took 50-70 ms of its CPU in bursts of up to 30 ms (undici's
 * stream callbacks at loopback speed), right when the upload began, and a `/segment customer` arriving then waited
 * 40-50 ms. A URL or size refused before any request is refused here, without a worker. A worker that fails counts
 * as a failed download, and its reason goes to `onWorkerFailure` (for the log: the member only learns it failed). The bytes arrive moved, owned by nobody else, so the import may move them on in turn.
 */
export async function downloadInWorker(
  ref: AttachmentRef,
  policy: DownloadPolicy,
  onProgress: ProgressListener = () => {},
  onWorkerFailure: (reason: string) => void = () => {},
): Promise<DownloadResult> {
  const refused = checkAttachment(ref, policy);
  if (refused) return { ok: false, ...refused };
  const job: DownloadJob = { ref, policy };
  const worker = startWorker(downloadWorkerUrl, job);
  const result = await new Promise<DownloadResult>((resolve) => {
    let settled = false;
    const fail = (reason: string) => {
      if (!settled) onWorkerFailure(reason);
      settle({ ok: false, code: 'download_failed' });
    };
    const settle = (result: DownloadResult) => {
      if (!settled) resolve(result);
      settled = true;
      // Its fetch may keep an idle connection open for seconds after the reply; nothing more is wanted of it.
      void worker.terminate();
    };
    worker.on('message', (message: DownloadMessage) => {
      if (message.type === 'result') return settle(message.result);
      if (message.type === 'crash') return fail(`download worker failed: ${message.message}`);
      try {
        onProgress(message.progress);
      } catch (error) {
        // A progress bar that cannot be drawn must not end the download, nor throw on this thread's event loop.
        onWorkerFailure(`progress listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    worker.on('error', (error) => fail(`download worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => fail(`download worker exited with code ${code} before answering`));
  });
  if (!result.ok) return result;
  return { ok: true, file: { fileName: result.file.fileName, bytes: handOverBytes(result.file.bytes) } };
}
