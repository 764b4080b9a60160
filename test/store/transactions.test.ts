import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TransactionRow } from '../../src/ingest/types.js';
import { datasetsRepository } from '../../src/store/datasets.js';
import { datasetTextsRepository } from '../../src/store/dataset-texts.js';
import { keyOrder, transactionsRepository, writeInBulk } from '../../src/store/transactions.js';
import { uploadsRepository } from '../../src/store/uploads.js';
import { temporaryApp } from '../helpers.js';
import { lineColumns } from './line-columns.js';

const row = (line: number, invoice: string): TransactionRow => ({
  line, invoice, customerId: '17850', timestamp: Date.UTC(2010, 11, 1), product: '85123A', description: null,
  quantity: 1, unitPrice: 2.5, amount: 2.5, country: 'United Kingdom', category: null, isReturn: false,
});

describe('keyOrder', () => {
  it('GIVEN signed keys THEN positions by the keys\' top bits, negative first, equal buckets in file order', () => {
    const keys = BigInt64Array.from([5n << 48n, -(1n << 62n), 5n << 48n, 1n, -1n, 3n << 60n]);
    expect(Array.from(keyOrder(keys))).toEqual([1, 4, 3, 0, 2, 5]);
  });
});

describe('transactions insertMany inside writeInBulk', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  const write = (rows: TransactionRow[], keys: bigint[]) =>
    writeInBulk(app.db, () => {
      const dataset = datasetsRepository(app.db).findOrCreate('g', 'd', 'transactions', new Date());
      const uploadId = uploadsRepository(app.db).insert({
        guildId: 'g', datasetId: dataset.datasetId, fileName: 'f.csv', sizeBytes: 1, sha256: 'x', uploadedBy: 'u',
        uploadedAt: 'now', mode: 'append', format: 'csv', details: { rowsSkipped: {}, anonymousRows: 0, returnRows: 0, columns: {}, warnings: [] },
        rowsRead: rows.length, rowsImported: 0, duplicatesIgnored: 0,
      });
      const texts = datasetTextsRepository(app.db).dictionary('g', dataset.datasetId);
      return transactionsRepository(app.db).insertMany('g', dataset.datasetId, uploadId, lineColumns(rows, keys, texts));
    });

  it('GIVEN two rows with the same key THEN the one first in the file is stored', () => {
    expect([...write([row(2, 'first'), row(3, 'other'), row(4, 'second')], [7n << 56n, -3n, 7n << 56n])]).toEqual([1, 1, 0]);
    expect(app.db.prepare('SELECT invoice FROM transaction_lines ORDER BY row_key').pluck().all()).toEqual(['other', 'first']);
  });

  it('GIVEN more rows than one statement takes THEN every row is stored once, whole batches and the rest alike', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(i + 2, `inv-${i}`));
    // Row 299 repeats row 0's key: the first in the file wins even across statements.
    const keys = rows.map((_, i) => (i === 299 ? 0n : BigInt(i) << 40n));
    // Row 299 falls in the last, partial statement; row 128 (a whole batch) repeats nothing.
    expect([...write(rows, keys)]).toEqual(rows.map((_, i) => (i === 299 ? 0 : 1)));
    const stored = app.db.prepare('SELECT line, invoice FROM transaction_lines ORDER BY line').raw().all();
    expect(stored).toEqual(rows.slice(0, 299).map((r) => [r.line, r.invoice]));
  });

  it('GIVEN a whole statement of rows with one already stored THEN exactly the new ones are reported stored', () => {
    const rows = Array.from({ length: 256 }, (_, i) => row(i + 2, `inv-${i}`));
    const keys = rows.map((_, i) => BigInt(i) << 40n);
    write(rows.slice(0, 1), keys.slice(0, 1));
    // The second upload repeats the first row's key inside a full 128-row statement, from another line of the file.
    const again = [row(900, 'again'), ...rows.slice(1)];
    expect([...write(again, keys)]).toEqual(again.map((_, i) => (i === 0 ? 0 : 1)));
    expect(app.db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(256);
  });

  it('GIVEN two rows of one upload with the same line and a clashing key THEN only the first is reported stored', () => {
    // As two sheets of a workbook can give: both rows on line 5, different content, the same 64-bit key.
    const rows = Array.from({ length: 128 }, (_, i) => row(i === 0 || i === 127 ? 5 : i + 10, `inv-${i}`));
    const keys = rows.map((_, i) => (i === 127 ? 0n : BigInt(i) << 40n));
    const stored = write(rows, keys);
    expect([stored[0], stored[127]]).toEqual([1, 0]);
    expect(stored.reduce((sum, flag) => sum + flag, 0)).toBe(app.db.prepare('SELECT count(*) FROM transactions').pluck().get());
  });

  it('GIVEN a second upload with texts stored and new THEN stored texts keep their number and new ones get the next', () => {
    write([row(2, 'a'), row(3, 'b')], [1n, 2n]);
    write([{ ...row(4, 'b'), country: 'France' }, row(5, 'c')], [3n, 4n]);
    const texts = app.db.prepare('SELECT text, text_id FROM dataset_texts ORDER BY text_id').raw().all();
    // The helper numbers column by column: invoices, then customers, products, countries.
    expect(texts).toEqual([['a', 0], ['b', 1], ['17850', 2], ['85123A', 3], ['United Kingdom', 4], ['c', 5], ['France', 6]]);
    expect(app.db.prepare('SELECT line, invoice, country FROM transaction_lines ORDER BY line').raw().all()).toEqual([
      [2, 'a', 'United Kingdom'], [3, 'b', 'United Kingdom'], [4, 'b', 'France'], [5, 'c', 'United Kingdom'],
    ]);
  });

  it('GIVEN a connection with a page cache larger than a bulk write needs THEN the write keeps it', () => {
    app.db.pragma('cache_size = -100000');
    expect(writeInBulk(app.db, () => app.db.pragma('cache_size', { simple: true }))).toBe(-100000);
    app.db.pragma('cache_size = 100');
    expect(writeInBulk(app.db, () => app.db.pragma('cache_size', { simple: true }))).toBe(-32768);
    expect(app.db.pragma('cache_size', { simple: true })).toBe(100);
  });

  it('GIVEN the write is done THEN foreign keys and the page cache are as they were', () => {
    const before = [app.db.pragma('foreign_keys', { simple: true }), app.db.pragma('cache_size', { simple: true })];
    write([row(2, 'a')], [1n]);
    expect([app.db.pragma('foreign_keys', { simple: true }), app.db.pragma('cache_size', { simple: true })]).toEqual(before);
    expect(() => writeInBulk(app.db, () => { throw new Error('refused'); })).toThrow('refused');
    expect([app.db.pragma('foreign_keys', { simple: true }), app.db.pragma('cache_size', { simple: true })]).toEqual(before);
  });
});
