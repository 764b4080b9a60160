/**
 * The segmentation figures of the issues, on the full UCI Online Retail file (reported, not asserted):
 * - upload then segmentation with automatic k (3–8, exact silhouette), as an upload runs them (import worker with its writer, k-means worker), fresh database;
 * - RFM for every customer from the store: reading the per-customer orders, and computing RFM from them.
 * Run: `node --import tsx bench/segmentation.ts` (part of npm run bench).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImportThenSegmentInWorker } from '../src/app/import/run-import.js';
import { datasetsRepository } from '../src/store/datasets.js';
import { openDatabase } from '../src/store/open-database.js';
import { customerSummariesRepository } from '../src/store/customer-summaries.js';
import { rfmOfOrders } from '../src/segment/rfm.js';
import { prepareWorkers } from '../src/app/workers/worker-bundles.js';

const file = fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
// As the bot does before it serves (src/transports/discord/main.ts): the figures are those of a running bot.
await prepareWorkers();
const dir = mkdtempSync(join(tmpdir(), 'segmenta-bench-segment-'));
const databasePath = join(dir, 'bench.db');
try {
  const bytes = new Uint8Array(readFileSync(file));
  let segmentingAt = Number.NaN;
  const started = performance.now();
  // The path an upload takes in the product (commands/upload.ts): import, then segmentation, in the import worker.
  const done = await runImportThenSegmentInWorker(
    databasePath,
    { guildId: 'bench', userId: 'bench', fileName: 'online_retail.csv', bytes, mode: 'append', ingest: {} },
    { convention: 'net', now: new Date() },
    (event) => {
      if (event.stage === 'segmenting') segmentingAt = performance.now();
    },
  );
  const doneAt = performance.now();
  if (!done.ok) throw new Error(`import failed: ${done.upload.code}`);
  if (!done.segmentation.ok) throw new Error(`segmentation failed: ${done.segmentation.code}`);
  const run = done.segmentation.run;
  console.log('upload then segmentation (automatic k 3–8, exact silhouette, the workers an upload uses, fresh database)');
  console.log(`  upload ${((segmentingAt - started) / 1000).toFixed(2)} s + segmentation ${((doneAt - segmentingAt) / 1000).toFixed(2)} s = ${((doneAt - started) / 1000).toFixed(2)} s  (target < 4 s)`);
  console.log(`  ${run.customers.toLocaleString('en-GB')} customers, k = ${run.k}; segmentation's own clock ${run.seconds.toFixed(2)} s`);

  const db = openDatabase(databasePath);
  const datasetId = datasetsRepository(db).findLatest('bench')!.datasetId;
  const reads: number[] = [];
  let orders = 0;
  const computes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const readStart = performance.now();
    const stored = customerSummariesRepository(db).orders('bench', datasetId);
    const computeStart = performance.now();
    rfmOfOrders(stored, { convention: 'net' });
    computes.push(performance.now() - computeStart);
    reads.push(computeStart - readStart);
    orders = stored.length;
  }
  db.close();
  console.log('RFM of every customer from the store (median of 5)');
  console.log(`  read ${orders.toLocaleString('en-GB')} orders ${median(reads).toFixed(0)} ms + compute ${median(computes).toFixed(0)} ms = ${(median(reads) + median(computes)).toFixed(0)} ms  (target < 300 ms)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
