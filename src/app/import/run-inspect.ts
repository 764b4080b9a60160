import { startWorker } from '../workers/start-worker.js';
import { workerReply } from '../workers/worker-reply.js';
import type { InspectOutcome, InspectRequest } from './inspect-upload.js';
import { bytesToMove } from './run-import.js';

export const inspectWorkerUrl = new URL(`./inspect-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * `inspectUpload` (a dry run: `/inspect`, `/upload dry_run`) on a worker thread. A dry run parses every line, so on
 * the calling thread Online Retail's 541,909 lines held it for 0.7-0.9 s, and on the bot's main thread every
 * server's lookups waited that long. The bytes are moved to the worker when they were handed over, else copied.
 */
export async function inspectInWorker(request: InspectRequest): Promise<InspectOutcome> {
  const bytes = await bytesToMove(request.bytes);
  const worker = startWorker(inspectWorkerUrl, { ...request, bytes } satisfies InspectRequest, [bytes.buffer as ArrayBuffer]);
  return workerReply<InspectOutcome>(worker, 'inspect');
}
