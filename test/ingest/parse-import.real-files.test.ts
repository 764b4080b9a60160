import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseImport } from '../../src/ingest/parse-import.js';
import type { RawCell, RawTable, TransactionRow } from '../../src/ingest/types.js';
import { papaTable } from './helpers/papa-table.js';
import { ingestError } from './helpers/tables.js';

const ONLINE_RETAIL = new URL('../../../shared/data/online_retail.csv', import.meta.url);
const ONLINE_RETAIL_XLSX = new URL('../../../shared/data/online_retail_40k_sample.xlsx', import.meta.url);
const CHOCOLATE = new URL('../../../shared/data/chocolate_sales.csv', import.meta.url);
const MARKETING = new URL('../../../shared/data/marketing_campaign.csv', import.meta.url);
const REFERENCE = JSON.parse(readFileSync(new URL('../../../shared/reference/reference.json', import.meta.url), 'utf8')) as {
  online_retail: { gross: { rows: number; customers: number; revenue: number }; net: { revenue: number } };
};

function timeRange(rows: readonly TransactionRow[]): [string, string] {
  let first = Infinity;
  let last = -Infinity;
  for (const row of rows) {
    if (row.timestamp < first) first = row.timestamp;
    if (row.timestamp > last) last = row.timestamp;
  }
  return [new Date(first).toISOString(), new Date(last).toISOString()];
}

describe('UCI Online Retail (541,909 rows)', () => {
  let table: RawTable;
  beforeAll(() => {
    table = papaTable(ONLINE_RETAIL);
  });

  it('GIVEN the whole file THEN every row is read and customers are counted before any row is set aside', () => {
    const result = parseImport(table, {});
    expect(result.rowsRead).toBe(541_909);
    expect(result.rowsWithCustomer).toBe(406_829);
    expect(result.customersSeen).toBe(4_372);
    expect(timeRange(result.rows)).toEqual(['2010-12-01T08:26:00.000Z', '2011-12-09T12:50:00.000Z']);
    expect(result.formats).toEqual({ dateOrder: 'month-first', excelSerialDates: false, decimal: { quantity: 'dot', unitPrice: 'dot' }, currency: null });
    expect(result.warnings).toEqual([]);
  });

  it('GIVEN the whole file THEN zero prices and non-product lines are set aside, and nothing is unreadable', () => {
    const result = parseImport(table, {});
    // 2,916 lines by their code (2,515 zero prices, 15 of them on those codes; the 2 negative prices are bad-debt
    // lines, B), and 119 by their description: Next Day Carriage (80) and PACKING CHARGE (16), and 23 zero-priced
    // stock adjustments ("adjustment", "amazon adjust", "samples") that the zero price set aside before.
    expect(result.rowsSkipped).toEqual({
      nonProductLine: { count: 3_035, lines: [47, 143, 388, 1_125, 1_425] },
      nonPositivePrice: { count: 2_477, lines: [624, 1_972, 1_973, 1_974, 1_989] },
    });
    expect(result.topNonProductLines).toEqual([
      { name: 'POSTAGE', count: 1_252 },
      { name: 'DOTCOM POSTAGE', count: 709 },
      { name: 'Manual', count: 572 },
      { name: 'CARRIAGE', count: 143 },
      { name: 'Next Day Carriage', count: 80 },
    ]);
    expect(result.rows).toHaveLength(541_909 - 3_035 - 2_477);
    expect(result.rows[0]).toEqual({
      line: 2,
      invoice: '536365',
      customerId: '17850',
      timestamp: Date.UTC(2010, 11, 1, 8, 26),
      product: '85123A',
      description: 'WHITE HANGING HEART T-LIGHT HOLDER',
      quantity: 6,
      unitPrice: 2.55,
      amount: 15.3,
      country: 'United Kingdom',
      category: null,
      isReturn: false,
      identity: null,
    });
  });

  it('GIVEN non-product lines kept THEN the rows reproduce the pandas reference (gross and net revenue)', () => {
    const result = parseImport(table, { nonProductLines: 'keep' });
    // Cancellations all have a positive price, so every one of the 9,288 is kept as a return.
    expect(result.returnRows).toBe(9_288);
    const purchases = result.rows.filter((row) => row.customerId !== null && !row.isReturn && row.quantity! > 0);
    const gross = REFERENCE.online_retail.gross;
    expect(purchases).toHaveLength(gross.rows);
    expect(new Set(purchases.map((row) => row.customerId)).size).toBe(gross.customers);
    expect(purchases.reduce((sum, row) => sum + row.amount, 0)).toBeCloseTo(gross.revenue, 2);
    const withCustomer = result.rows.filter((row) => row.customerId !== null);
    expect(withCustomer.reduce((sum, row) => sum + row.amount, 0)).toBeCloseTo(REFERENCE.online_retail.net.revenue, 2);
  });
});

describe('Online Retail 40k sample (XLSX cells)', () => {
  it('GIVEN typed cells from read-excel-file THEN dates, ids and blanks are read from their types', async () => {
    const [header, ...data] = await readSheet(fileURLToPath(ONLINE_RETAIL_XLSX));
    const table: RawTable = {
      format: 'xlsx',
      container: 'none',
      header: header!.map(String),
      headerLine: 1,
      records: data.map((cells, i) => ({ line: i + 2, cells: cells as RawCell[] })),
      warnings: [],
    };
    const result = parseImport(table, {});
    expect(result.rowsRead).toBe(40_000);
    expect(result.rowsWithCustomer).toBe(40_000 - 10_057);
    const [first, last] = timeRange(result.rows);
    expect(first >= '2010-12-01T08:26:00.000Z' && last <= '2011-12-09T12:50:00.000Z').toBe(true);
    expect(result.rows.every((row) => row.timestamp % 60_000 === 0)).toBe(true);
    expect(result.rows.every((row) => row.customerId === null || /^\d{5}$/.test(row.customerId))).toBe(true);
  });
});

describe('Chocolate Sales (tab-separated, amounts as text)', () => {
  it('GIVEN customer "Sales Person" THEN 1,094 rows with $5,320-style amounts and 04-Jan-22 dates', () => {
    const result = parseImport(papaTable(CHOCOLATE), { columns: { customer: 'Sales Person' } });
    expect(result.rowsRead).toBe(1_094);
    expect(result.rows).toHaveLength(1_094);
    expect(result.rows[0]).toMatchObject({
      customerId: 'Jehu Rudeforth',
      timestamp: Date.UTC(2022, 0, 4),
      product: 'Mint Chip Choco',
      quantity: 180,
      amount: 5_320,
      country: 'UK',
    });
    expect(result.rows[3]!.amount).toBe(12_726);
    expect(timeRange(result.rows)[0] >= '2022-01-01' && timeRange(result.rows)[1] < '2022-09-01').toBe(true);
    expect(result.formats.decimal).toEqual({ quantity: 'dot', amount: 'dot' });
  });

  it('GIVEN no customer choice THEN missing_column asks for one', () => {
    expect(ingestError(() => parseImport(papaTable(CHOCOLATE), {})).details).toMatchObject({ field: 'customer', option: 'customerColumn' });
  });
});

describe('Customer Personality (a table of customers)', () => {
  it('GIVEN marketing_campaign.csv THEN customer_table', () => {
    expect(ingestError(() => parseImport(papaTable(MARKETING), {})).code).toBe('customer_table');
  });
});
