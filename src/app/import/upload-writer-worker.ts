import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../store/open-database.js';
import { markPhase } from '../workers/phase-trace.js';
import type { RowChunk } from './row-chunks.js';
import { UploadWrite, type UploadEnd, type UploadStart } from './upload-write.js';
import type { WriterReply, WriterRequest } from './worker-writer.js';
import { runAsBackgroundThread } from '../workers/background-thread.js';

runAsBackgroundThread();

/**
 * Worker thread: owns an upload's write transaction while the import worker parses, so SQLite's work on one chunk
 * overlaps the parsing of the next. Answers each request in order; after a commit, an abort or a failure it
 * closes its connection and ends.
 */
markPhase('writer ready');
const { databasePath, rowsStored } = workerData as { databasePath: string; rowsStored: Int32Array };
const port = parentPort!;
const reply = (message: WriterReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const db = openDatabase(databasePath);
// As in the import worker: the import worker checkpoints once the outcome is posted, not this commit.
db.pragma('wal_autocheckpoint = 0');
let write: UploadWrite | undefined;

port.on('message', (request: WriterRequest) => {
  try {
    handle(request);
  } catch (error) {
    try {
      write?.rollback();
    } catch {
      // The failure is what gets reported; closing the connection rolls back whatever is left.
    }
    write = undefined;
    reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    end();
  }
});

function handle(request: WriterRequest): void {
  if (request.type === 'begin') {
    write = new UploadWrite(db, request.start satisfies UploadStart);
    reply({ type: 'begun', emptyBefore: write.emptyBefore });
  } else if (request.type === 'rows') {
    const stored = write!.write(request.chunk satisfies RowChunk);
    Atomics.add(rowsStored, 0, stored.length);
    reply({ type: 'written' });
  } else if (request.type === 'commit') {
    const committed = write!.commit(request.end satisfies UploadEnd);
    write = undefined;
    reply({ type: 'committed', committed });
    end();
  } else {
    write?.rollback();
    write = undefined;
    reply({ type: 'aborted' });
    end();
  }
}

function end(): void {
  db.close();
  port.close();
}
