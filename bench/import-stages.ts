/**
 * Times each stage of an import of UCI Online Retail in this thread, the way importUpload runs them:
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
import { SummaryAdditionsTally, writeSummaryAdditions } from '../src/app/customer-summaries.js';
import { customerSummariesRepository } from '../src/store/customer-summaries.js';
import { datasetsRepository } from '../src/store/datasets.js';
import { openDatabase } from '../src/store/open-database.js';
import { transactionsRepository, writeInBulk } from '../src/store/transactions.js';
import { uploadsRepository } from '../src/store/uploads.js';

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
const imported = writeInBulk(db, () => {
  const dataset = datasetsRepository(db).findOrCreate('bench', 'online_retail', 'transactions', new Date());
  const uploadId = uploadsRepository(db).insert({
    guildId: 'bench', datasetId: dataset.datasetId, fileName: 'online_retail.csv', sizeBytes: bytes.byteLength, sha256,
    uploadedBy: 'bench', uploadedAt: new Date().toISOString(), mode: 'append', format: 'csv',
    details: { rowsSkipped: {}, anonymousRows: 0, returnRows: 0, columns: {}, warnings: [] },
    rowsRead: parsed.rowsRead, rowsImported: 0, duplicatesIgnored: 0,
  });
  const stored = transactionsRepository(db).insertMany('bench', dataset.datasetId, uploadId, parsed.rows, keys);
  stage('insertMany');
  const customerLines = parsed.rows.filter((row, i): row is typeof row & { customerId: string } => stored[i] === 1 && row.customerId !== null);
  const tally = new SummaryAdditionsTally();
  for (const line of customerLines) tally.add(line);
  writeSummaryAdditions(customerSummariesRepository(db), 'bench', dataset.datasetId, tally.additions());
  stage('summaries');
  return stored.reduce((count, flag) => count + flag, 0);
});
stage('commit');
db.pragma('wal_checkpoint(PASSIVE)');
stage('checkpoint');
console.log(`  ${imported.toLocaleString('en-GB')} rows imported, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
db.close();
rmSync(dir, { recursive: true, force: true });
