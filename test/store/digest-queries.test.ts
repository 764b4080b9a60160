import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInKeySlices } from '../../src/app/digest/key-slices.js';
import { importUpload } from '../../src/app/import/import-upload.js';
import { datasetsRepository } from '../../src/store/datasets.js';
import { digestQueries, ROW_KEY_MAX, ROW_KEY_MIN } from '../../src/store/digest-queries.js';
import { csv, temporaryApp } from '../helpers.js';

const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
const at = (iso: string) => Date.parse(`${iso}Z`);

describe('the digest queries', () => {
  let app: ReturnType<typeof temporaryApp>;
  let datasetId: number;
  let uploadId: number;
  beforeEach(async () => {
    app = temporaryApp();
    // Sunday 4 Dec 2011 23:59 belongs to the week of 28 Nov; Monday 5 Dec 00:00 to the next. A cancellation refunds 5.
    const rows = [
      '1,P1,Mug,2,2011-12-04 23:59:00,3.00,100,UK',
      '2,P2,Jug,1,2011-12-05 00:00:00,10.00,100,UK',
      'C3,P2,Jug,-1,2011-12-06 10:00:00,5.00,100,UK',
      '4,P1,Mug,4,2011-12-07 09:00:00,1.50,,UK', // no customer id: still a sale of the shop
      '5,P1,Mug,1,2011-12-12 09:00:00,7.00,200,UK', // on or after the as-of date below
    ];
    const upload = await importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'shop.csv', bytes: csv([header, ...rows].join('\n')), mode: 'append', dataset: 'shop', ingest: {} });
    if (!upload.ok) throw new Error(upload.code);
    datasetId = datasetsRepository(app.db).find('g', 'shop')!.datasetId;
    uploadId = digestQueries(app.db).lastUpload('g', datasetId)!.uploadId;
  });
  afterEach(() => app.cleanup());

  it('GIVEN lines around a week boundary THEN purchases and refunds are summed per Monday-to-Sunday week, before the as-of date only', () => {
    const queries = digestQueries(app.db);
    const weeks = queries.weekTotals('g', datasetId, ROW_KEY_MIN, ROW_KEY_MAX, at('2011-11-01T00:00:00'), at('2011-12-10T00:00:00'));
    expect(weeks.sort((a, b) => a.weekStart - b.weekStart)).toEqual([
      { weekStart: at('2011-11-28T00:00:00'), purchased: 6, refunded: 0 },
      { weekStart: at('2011-12-05T00:00:00'), purchased: 16, refunded: 5 },
    ]);
    // Lines from 5 December on only: the Sunday before is left out.
    expect(queries.weekTotals('g', datasetId, ROW_KEY_MIN, ROW_KEY_MAX, at('2011-12-05T00:00:00'), at('2030-01-01T00:00:00')).sort((a, b) => a.weekStart - b.weekStart)).toEqual([
      { weekStart: at('2011-12-05T00:00:00'), purchased: 16, refunded: 5 },
      { weekStart: at('2011-12-12T00:00:00'), purchased: 7, refunded: 0 },
    ]);
  });

  it('GIVEN the last upload THEN the dates of the lines it stored are found, whatever their date', () => {
    expect(digestQueries(app.db).uploadSpan('g', datasetId, ROW_KEY_MIN, ROW_KEY_MAX, uploadId)).toEqual({
      first: at('2011-12-04T23:59:00'),
      last: at('2011-12-12T09:00:00'),
      lines: 5,
    });
    expect(digestQueries(app.db).uploadSpan('g', datasetId, ROW_KEY_MIN, ROW_KEY_MAX, uploadId + 1)).toEqual({ first: null, last: null, lines: 0 });
  });

  it('GIVEN another workspace THEN it reads nothing of this one', () => {
    const queries = digestQueries(app.db);
    expect(queries.weekTotals('other', datasetId, ROW_KEY_MIN, ROW_KEY_MAX, 0, at('2030-01-01T00:00:00'))).toEqual([]);
    expect(queries.uploadSpan('other', datasetId, ROW_KEY_MIN, ROW_KEY_MAX, uploadId).lines).toBe(0);
    expect(queries.lastUpload('other', datasetId)).toBeUndefined();
  });

  it('GIVEN the lines read in key slices THEN the slices add up to the whole, each line read once', async () => {
    const queries = digestQueries(app.db);
    const slices = await readInKeySlices((from, to) => queries.uploadSpan('g', datasetId, from, to, uploadId));
    expect(slices.length).toBeGreaterThan(1);
    expect(slices.reduce((sum, slice) => sum + slice.lines, 0)).toBe(5);
  });

  it('THEN both line reads search the base table by primary key and spell out no text', () => {
    const plans = digestQueries(app.db).plans();
    expect(plans.filter((detail) => /^SEARCH transactions USING PRIMARY KEY \(guild_id=\? AND dataset_id=\? AND row_key>\? AND row_key<\?\)/.test(detail))).toHaveLength(2);
    expect(plans.join('\n')).not.toMatch(/dataset_texts|transaction_lines|SCAN/);
  });
});
