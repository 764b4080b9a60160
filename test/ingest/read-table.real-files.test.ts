import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/ingest/read-table.js';
import type { RawRecord } from '../../src/ingest/types.js';
import { sharedData } from './fixtures.js';

const bytesOf = (name: string) => readFileSync(sharedData(name));
const RETAIL_COLUMNS = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];

describe('readTable on the shared datasets', () => {
  it('GIVEN online_retail.csv THEN 541,909 comma-separated records under InvoiceNo..Country, with physical line numbers', async () => {
    const table = await readTable(bytesOf('online_retail.csv'), 'online_retail.csv');
    expect(table).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8', container: 'none', header: RETAIL_COLUMNS, headerLine: 1, recordCount: 541_909, warnings: [] });
    let count = 0;
    let last: RawRecord | undefined;
    for (const record of table.records) {
      count++;
      last = record;
    }
    expect(count).toBe(541_909);
    expect(last).toEqual({
      line: 541_910,
      cells: ['581587', '22138', 'BAKING SET 9 PIECE RETROSPOT ', '3', '2011-12-09 12:50:00', '4.95', '12680.0', 'France'],
    });
  });

  it('GIVEN chocolate_sales.csv (tab-separated despite its name, CRLF) THEN 1,094 records', async () => {
    const table = await readTable(bytesOf('chocolate_sales.csv'), 'chocolate_sales.csv');
    expect(table).toMatchObject({ delimiter: '\t', recordCount: 1_094, header: ['Sales Person', 'Country', 'Product', 'Date', 'Amount', 'Boxes Shipped'] });
    expect([...table.records][0]).toEqual({ line: 2, cells: ['Jehu Rudeforth', 'UK', 'Mint Chip Choco', '04-Jan-22', '$5,320 ', '180'] });
  });

  it('GIVEN marketing_campaign.csv THEN 2,240 tab-separated records of 29 columns', async () => {
    const table = await readTable(bytesOf('marketing_campaign.csv'), 'marketing_campaign.csv');
    expect(table).toMatchObject({ delimiter: '\t', recordCount: 2_240 });
    expect(table.header).toHaveLength(29);
    expect(table.header.at(-1)).toBe('Response');
  });

  it('GIVEN online_retail_40k_sample.xlsx THEN 40,000 records from Sheet1 with typed cells and InvoiceDate as whole-second Dates', async () => {
    const table = await readTable(bytesOf('online_retail_40k_sample.xlsx'), 'online_retail_40k_sample.xlsx');
    expect(table).toMatchObject({ format: 'xlsx', sheets: ['Sheet1'], header: RETAIL_COLUMNS, headerLine: 1, recordCount: 40_000 });
    const records = [...table.records];
    expect(records).toHaveLength(40_000);
    expect(records[0]).toEqual({
      line: 2,
      cells: [573415, 21166, 'COOK WITH WINE METAL SIGN', 1, new Date('2011-10-30T16:17:00Z'), 2.08, 13607, 'United Kingdom'],
      sheet: 'Sheet1',
    });
    const dates = records.map((record) => record.cells[4]);
    expect(dates.every((date) => date instanceof Date)).toBe(true);
    expect(dates.filter((date) => (date as Date).getTime() % 1000 !== 0)).toEqual([]);
    expect(records.filter((record) => record.cells[6] === null)).toHaveLength(10_057);
  });

  it('GIVEN chocolate_sales.csv gzipped and zipped THEN the same records come out of each container', async () => {
    const plain = await readTable(bytesOf('chocolate_sales.csv'), 'chocolate_sales.csv');
    const gzipped = await readTable(gzipSync(bytesOf('chocolate_sales.csv')), 'chocolate_sales.csv.gz');
    const zipped = await readTable(zipSync({ 'chocolate_sales.csv': bytesOf('chocolate_sales.csv') }), 'chocolate_sales.zip');
    expect(gzipped.container).toBe('gzip');
    expect(zipped).toMatchObject({ container: 'zip', innerFileName: 'chocolate_sales.csv' });
    expect([...gzipped.records]).toEqual([...plain.records]);
    expect([...zipped.records]).toEqual([...plain.records]);
  });
});
