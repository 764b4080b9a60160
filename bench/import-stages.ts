/**
 * Times each stage of an import of UCI Online Retail in this thread, the way the import worker and its writer run them:
 * `node --import tsx bench/import-stages.ts`. Wall and CPU milliseconds per stage (CPU is the whole process, GC
 * threads included), so a slow stage can be told apart from a machine busy with other work.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseImport } from '../src/ingest/parse-import.js';
import { readTable } from '../src/ingest/read-table.js';
import { rowKeys } from '../src/ingest/row-keys.js';
import { RowChunkEncoder, type RowChunk } from '../src/app/import/row-chunks.js';
import { UploadWrite } from '../src/app/import/upload-write.js';
import { openDatabase } from '../src/store/open-database.js';

const file = fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'segmenta-stages-'));
const db = openDatabase(join(dir, 'stages.db'));
// As the import worker does: the checkpoint runs after the outcome is posted, timed here as its own stage.
db.pragma('wal_autocheckpoint = 0');
const bytes = readFileSync(file);

let wallFrom = performance.now();
let cpuFrom = process.cpuUsage();
function stage(name: string): void {
  const wall = performance.now() - wallFrom;
  const cpu = process.cpuUsage(cpuFrom);
  const megabytes = (value: number) => (value / 1e6).toFixed(0);
  const { rss, heapUsed } = process.memoryUsage();
  console.log(`  ${name.padEnd(12)} ${wall.toFixed(0).padStart(5)} ms  cpu ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(5)} ms  rss ${megabytes(rss)} MB, heap ${megabytes(heapUsed)} MB`);
  wallFrom = performance.now();
  cpuFrom = process.cpuUsage();
}

console.log('import stages, online_retail.csv, this thread, fresh database');
const table = await readTable(bytes, 'online_retail.csv');
stage('readTable');
const parsed = parseImport(table, {});
stage('parseImport');
const keys = rowKeys(parsed.rows);
stage('rowKeys');
const sha256 = createHash('sha256').update(bytes).digest('hex');
stage('sha256');
// The import worker encodes rows into chunks as they are parsed, and its writer thread stores them.
const encoder = new RowChunkEncoder();
const chunks: RowChunk[] = [...encoder.add(parsed.rows, 0, parsed.rows.length, keys)];
const rest = encoder.rest();
if (rest) chunks.push(rest);
stage('encode');
const write = new UploadWrite(db, {
  dataset: 'online_retail',
  upload: {
    guildId: 'bench', fileName: 'online_retail.csv', sizeBytes: bytes.byteLength, sha256, uploadedBy: 'bench',
    uploadedAt: new Date().toISOString(), mode: 'append', format: 'csv',
  },
});
let imported = 0;
for (const chunk of chunks) imported += write.write(chunk).reduce((count, flag) => count + flag, 0);
stage('insert');
write.commit({
  details: { rowsSkipped: {}, anonymousRows: 0, returnRows: 0, columns: {}, warnings: [] },
  rowsRead: parsed.rowsRead, rowsKept: parsed.rows.length,
});
stage('summaries+commit');
db.pragma('wal_checkpoint(PASSIVE)');
stage('checkpoint');
console.log(`  ${imported.toLocaleString('en-GB')} rows imported, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
db.close();
rmSync(dir, { recursive: true, force: true });
