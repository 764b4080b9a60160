/**
 * Issue 12 item 9's floor: what the fixed-k path costs on this machine before any parsing, segmenting or drawing,
 * from the parts that cannot be skipped while every line is stored in SQLite. Prints, for the Online Retail year:
 *   - node's own start (an empty script),
 *   - reading the CSV and decoding it to text,
 *   - storing 541,909 lines with the store's real bulk write (beginBulkWrite, insertMany in the import's 65,536-line
 *     chunks, commit), with keys hashed as the import hashes them (random 64-bit) and, for comparison, sequential,
 * and their sum against the goal (1.5 × the fixed-k notebook's 1.3 s). Run: `node --import tsx bench/storage-floor.ts [runs]`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROWS_PER_SENT_CHUNK } from '../src/app/import/row-chunks.js';
import { median } from '../src/segment/median.js';
import { datasetsRepository } from '../src/store/datasets.js';
import { migrate } from '../src/store/migrate.js';
import { openDatabase } from '../src/store/open-database.js';
import { beginBulkWrite, emptyLineColumns, transactionsRepository, type LineColumns } from '../src/store/transactions.js';

const file = fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url));
const runs = Number(process.argv[2] ?? 3);
const LINES = 541_909;
const GOAL_SECONDS = 1.5 * 1.3;

const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

function nodeStartMs(): number {
  const started = performance.now();
  execFileSync(process.execPath, ['-e', '0']);
  return performance.now() - started;
}

function readAndDecodeMs(): number {
  const started = performance.now();
  const text = new TextDecoder().decode(readFileSync(file));
  if (text.length === 0) throw new Error('empty file');
  return performance.now() - started;
}

/** Online-Retail-shaped lines: 4,372 customers, 3,958 products, 38 countries; keys random or sequential. */
function chunksOf(keys: 'random' | 'sequential'): LineColumns[] {
  const chunks: LineColumns[] = [];
  for (let from = 0; from < LINES; from += ROWS_PER_SENT_CHUNK) {
    const size = Math.min(ROWS_PER_SENT_CHUNK, LINES - from);
    const lines = emptyLineColumns(size);
    const halves = new Uint32Array(lines.keys.buffer);
    for (let i = 0; i < size; i++) {
      const line = from + i;
      if (keys === 'random') {
        halves[2 * i] = (Math.random() * 2 ** 32) >>> 0;
        halves[2 * i + 1] = (Math.random() * 2 ** 32) >>> 0;
      } else lines.keys[i] = BigInt(line);
      lines.lines[i] = line + 2;
      lines.timestamps[i] = Date.UTC(2010, 11, 1) + line * 60_000;
      lines.quantities[i] = 6;
      lines.unitPrices[i] = 2.55;
      lines.amounts[i] = 15.3;
      lines.invoices[i] = line >> 5;
      lines.customers[i] = line % 4_372;
      lines.products[i] = line % 3_958;
      lines.descriptions[i] = 4_000 + (line % 3_958);
      lines.countries[i] = 8_000 + (line % 38);
      lines.categories[i] = -1;
    }
    lines.rows = size;
    chunks.push(lines);
  }
  return chunks;
}

function storeMs(keys: 'random' | 'sequential'): { wall: number; cpu: number } {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-floor-'));
  try {
    const db = openDatabase(join(dir, 'floor.db'));
    migrate(db);
    const { datasetId } = datasetsRepository(db).findOrCreate('g', 'floor', 'transactions', new Date());
    const uploadId = Number(
      db.prepare(
        `INSERT INTO uploads (guild_id, dataset_id, file_name, size_bytes, sha256, uploaded_by, uploaded_at, mode, format, details, rows_read, rows_imported, duplicates_ignored)
         VALUES ('g', ?, 'floor.csv', 0, 'x', 'bench', '2026-01-01', 'append', 'csv', '{}', 0, 0, 0)`,
      ).run(datasetId).lastInsertRowid,
    );
    const chunks = chunksOf(keys);
    const transactions = transactionsRepository(db);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const bulk = beginBulkWrite(db);
    let stored = 0;
    for (const chunk of chunks) stored += transactions.insertMany('g', datasetId, uploadId, chunk).reduce((sum, flag) => sum + flag, 0);
    bulk.commit();
    const result = { wall: performance.now() - started, cpu: cpuMs(cpu) };
    db.close();
    if (stored !== LINES) throw new Error(`stored ${stored} of ${LINES} lines`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, node ${process.version}`);
const start: number[] = [], read: number[] = [], random: number[] = [], randomCpu: number[] = [], sequential: number[] = [];
for (let run = 0; run < runs; run++) {
  start.push(nodeStartMs());
  read.push(readAndDecodeMs());
  const stored = storeMs('random');
  random.push(stored.wall);
  randomCpu.push(stored.cpu);
  sequential.push(storeMs('sequential').wall);
}
const row = (name: string, values: number[]) => console.log(`  ${name.padEnd(52)} ${median(values).toFixed(0).padStart(6)} ms   (${values.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`storage floor of the fixed-k upload, Online Retail (${LINES.toLocaleString('en')} lines), median of ${runs}:`);
row('node start, empty script', start);
row('read the CSV, decode to text', read);
row('store the lines (bulk write, hashed keys)', random);
row('  its CPU', randomCpu);
row('  the same with sequential keys (for comparison)', sequential);
const floor = median(start) + median(read) + median(random);
console.log(`  sum, nothing parsed, segmented or drawn: ${(floor / 1000).toFixed(2)} s against the goal of ${GOAL_SECONDS.toFixed(2)} s (${((floor / 1000 / GOAL_SECONDS) * 100).toFixed(0)} % of it)`);
