import type { Worker } from 'node:worker_threads';
import { rowChunkTransfer, type RowChunk } from './row-chunks.js';
import { startWorker } from '../workers/start-worker.js';
import type { UploadCommitted, UploadEnd, UploadStart, UploadWriter } from './upload-write.js';

export type WriterRequest =
  | { type: 'begin'; start: UploadStart }
  | { type: 'rows'; chunk: RowChunk }
  | { type: 'commit'; end: UploadEnd }
  | { type: 'abort' };

export type WriterReply =
  | { type: 'begun'; emptyBefore: boolean }
  | { type: 'written' }
  | { type: 'committed'; committed: UploadCommitted }
  | { type: 'aborted' }
  | { type: 'failed'; message: string };

export const uploadWriterWorkerUrl = new URL(`./upload-writer-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Writes on a worker thread of its own, on its own connection to the database at `databasePath`, so the calling
 * thread parses the next rows while SQLite stores the last ones. Start it before reading the file: it boots meanwhile.
 */
export function workerWriter(databasePath: string): UploadWriter {
  // Counted by the writer as it stores each chunk: its messages wait until this thread is done parsing.
  const rowsStored = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const worker: Worker = startWorker(uploadWriterWorkerUrl, { databasePath, rowsStored });
  let failure: Error | undefined;
  let finished = false;
  /** Called on every reply and on a failure, by whichever call waits: at most one does at a time. */
  let waiting: (() => void) | undefined;
  const wake = () => waiting?.();
  const fail = (error: Error) => {
    failure ??= error;
    finished = true;
    wake();
  };

  let committed: UploadCommitted | undefined;
  let emptyBefore: boolean | undefined;
  worker.on('message', (message: WriterReply) => {
    if (message.type === 'begun') {
      emptyBefore = message.emptyBefore;
    } else if (message.type === 'written') {
      // Only wakes the commit's wait, which reads the count.
    } else if (message.type === 'committed') {
      committed = message.committed;
      finished = true;
    } else if (message.type === 'aborted') {
      finished = true;
    } else {
      fail(new Error(`upload writer failed: ${message.message}`));
    }
    wake();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!finished) fail(new Error(`upload writer exited with code ${code}`));
    wake();
  });

  const until = (done: () => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (failure !== undefined) reject(failure);
        else if (done()) resolve();
        else return;
        waiting = undefined;
      };
      waiting = check;
      check();
    });
  const send = (request: WriterRequest, transfer: ArrayBuffer[] = []) => {
    if (failure === undefined && !finished) worker.postMessage(request, transfer);
  };

  return {
    begin: (start) => send({ type: 'begin', start }),
    write: (chunk) => send({ type: 'rows', chunk }, rowChunkTransfer(chunk)),
    rowsStored: () => Atomics.load(rowsStored, 0),
    async emptyBefore() {
      await until(() => emptyBefore !== undefined).catch(() => {});
      return emptyBefore ?? false;
    },
    async commit(end, onWritten) {
      send({ type: 'commit', end });
      let heard = 0;
      await until(() => {
        // The count runs ahead of the messages, never behind: the bar never steps back.
        const now = Atomics.load(rowsStored, 0);
        if (now !== heard) onWritten?.((heard = now));
        return committed !== undefined;
      });
      return committed!;
    },
    async abort() {
      if (finished) return;
      send({ type: 'abort' });
      await until(() => finished).catch(() => {});
    },
  };
}
