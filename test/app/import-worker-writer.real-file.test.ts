import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUpload, type UploadOutcome, type UploadRequest } from '../../src/app/import/import-upload.js';
import { runImportInWorker } from '../../src/app/import/run-import.js';
import { sharedData, temporaryApp } from '../helpers.js';

/**
 * The import worker writes on a thread of its own, chunk by chunk, while a direct import writes on its own thread:
 * the same upload must store the same rows and summaries and report the same, also for an overlapping append.
 */
describe('GIVEN online_retail.csv imported through the worker and directly, then its second half appended', () => {
  let app: ReturnType<typeof temporaryApp>;
  const outcomes: Record<'worker' | 'direct', UploadOutcome[]> = { worker: [], direct: [] };
  const csv = readFileSync(sharedData('online_retail.csv'), 'latin1');
  const lines = csv.split('\n');
  const header = lines[0]!;
  const secondHalf = new TextEncoder().encode([header, ...lines.slice(Math.floor(lines.length / 2))].join('\n'));
  const request = (guildId: string, bytes: Uint8Array, fileName: string): UploadRequest => ({
    guildId, userId: 'u', fileName, bytes, dataset: 'retail', mode: 'append', ingest: {},
  });

  beforeAll(async () => {
    app = temporaryApp();
    const whole = new Uint8Array(readFileSync(sharedData('online_retail.csv')));
    outcomes.worker.push(await runImportInWorker(app.databasePath, request('worker', whole, 'online_retail.csv')));
    outcomes.direct.push(await importUpload(app.db, request('direct', whole, 'online_retail.csv')));
    outcomes.worker.push(await runImportInWorker(app.databasePath, request('worker', secondHalf, 'second-half.csv')));
    outcomes.direct.push(await importUpload(app.db, request('direct', secondHalf, 'second-half.csv')));
  }, 120_000);
  afterAll(() => app.cleanup());

  it('THEN both report the same, the append mostly duplicates', () => {
    expect(outcomes.worker[0]).toMatchObject({ ok: true, report: { rowsRead: 541_909, rowsImported: 536_397 } });
    expect(outcomes.worker).toEqual(outcomes.direct);
    expect(outcomes.worker[1]).toMatchObject({ ok: true });
  });

  it.each([
    ['transactions', 'row_key, line, invoice, customer_id, ts, product, description, quantity, unit_price, amount, country, category, is_return'],
    ['customer_orders', 'customer_id, invoice, ts, lines, amount, return_lines, purchase_lines, purchased, refunded'],
    ['customer_baskets', 'customer_id, hex(products), hex(countries)'],
    ['dataset_texts', 'text_id, text'],
    ['uploads', 'file_name, size_bytes, sha256, mode, format, details, rows_read, rows_imported, duplicates_ignored'],
  ])('THEN %s hold the same for both', (table, columns) => {
    const count = (sql: string) => app.db.prepare(sql).pluck().get() as number;
    const of = (guildId: string) => `SELECT ${columns} FROM ${table} WHERE guild_id = '${guildId}'`;
    expect(count(`SELECT count(*) FROM (${of('worker')})`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM (${of('worker')})`)).toBe(count(`SELECT count(*) FROM (${of('direct')})`));
    expect(count(`SELECT count(*) FROM (${of('worker')} EXCEPT ${of('direct')})`)).toBe(0);
  });
});
