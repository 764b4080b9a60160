import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A .csv.gz is read as a stream: the text inflated from it is never held whole. Checked where it matters, on memory:
 * a child process whose V8 heap is capped well below the text's size reads every record. Holding the text as one
 * string (as reading used to: 26 MB of text in a 16 MB heap) runs out of heap and the child dies. maxBytes is set
 * below the inflated size, so the gzip is inflated again for each pass instead of kept inflated (off the heap).
 */
const tsx = createRequire(import.meta.url).resolve('tsx');
const child = fileURLToPath(new URL('./helpers/read-table-child.ts', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'segmenta-gzip-stream-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const HEAP_MB = 16;
const ROWS = 300_000;

/** Online Retail-like rows (~97 bytes each), varied enough to compress about 6:1, like the real export. */
function retailCsv(rows: number): string {
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const description = i % 7 === 0 ? '"HEART T-LIGHT HOLDER, WHITE"' : `ITEM ${(i * 7919) % 3989} RED RETROSPOT`;
    lines.push(`${536365 + (i >> 3)},${85000 + ((i * 31) % 997)}A,${description},${1 + (i % 24)},2011-03-${day} 08:${String(i % 60).padStart(2, '0')}:00,${((i * 13) % 500) / 100},${12346 + ((i * 17) % 4000)},United Kingdom`);
  }
  return `${lines.join('\n')}\n`;
}

describe('a .csv.gz read within a small heap', () => {
  it(`GIVEN ${ROWS.toLocaleString('en')} rows (~26 MB of text) gzipped THEN every record is read with a ${HEAP_MB} MB V8 heap`, () => {
    const text = retailCsv(ROWS);
    expect(text.length).toBeGreaterThan(HEAP_MB * 1.4 * 1024 * 1024);
    const file = join(directory, 'retail.csv.gz');
    writeFileSync(file, gzipSync(text, { level: 1 }));

    const maxBytes = String(8 * 1024 * 1024);
    const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', tsx, child, file, maxBytes], { encoding: 'utf8', timeout: 110_000 });
    expect(run.stderr).not.toMatch(/heap out of memory/);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ container: 'gzip', recordCount: ROWS, records: ROWS, lastLine: ROWS + 1 });
  });
});
