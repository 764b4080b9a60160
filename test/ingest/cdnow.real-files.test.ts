import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExport } from '../../src/ingest/parse-export.js';
import { readTable } from '../../src/ingest/read-table.js';
import type { IngestOptions, TransactionRow } from '../../src/ingest/types.js';
import { sharedData } from '../helpers.js';

/** The original file's columns: master id, sample id, yyyymmdd, quantity, amount; the sample id is the customer. */
const HEADERLESS: IngestOptions = { columnNames: ['', 'customer', 'date', 'quantity', 'amount'] };
/** The papers' calibration period ends on 1997-09-30 (inclusive). */
const CALIBRATION_END = Date.UTC(1997, 9, 1);

interface Customer {
  /** Spend per purchase day, by the day's timestamp. */
  days: Map<number, number>;
}

async function customersOf(file: string, options: IngestOptions): Promise<{ rows: TransactionRow[]; customers: Map<number, Customer> }> {
  const table = await readTable(readFileSync(sharedData(`cdnow/${file}`)), file, options);
  const { rows } = parseExport(table, options);
  const customers = new Map<number, Customer>();
  for (const row of rows) {
    // The original writes the sample id with leading zeros (`0001`), the headered copy without (`1`).
    const id = Number(row.customerId);
    const customer = customers.get(id) ?? { days: new Map() };
    customer.days.set(row.timestamp, (customer.days.get(row.timestamp) ?? 0) + row.amount);
    customers.set(id, customer);
  }
  return { rows, customers };
}

/** cdnow_sample_summary.csv: per customer, repeat purchase days `x` and mean repeat-day spend `zbar` up to 1997-09-30. */
function calibrationSummary(): Map<number, { x: number; zbar: number }> {
  const [, ...lines] = readFileSync(sharedData('cdnow/cdnow_sample_summary.csv'), 'utf8').trim().split('\n');
  return new Map(
    lines.map((line) => {
      const [id, x, , , zbar] = line.split(',').map(Number);
      return [id!, { x: x!, zbar: zbar! }];
    }),
  );
}

const totalSpend = (rows: readonly TransactionRow[]) => Math.round(rows.reduce((sum, row) => sum + row.amount, 0) * 100) / 100;
const purchaseDays = (customers: Map<number, Customer>) => [...customers.values()].reduce((sum, customer) => sum + customer.days.size, 0);

describe('CDNOW sample without a header row (CDNOW_sample.txt, 6,919 whitespace-aligned lines)', () => {
  let original: Awaited<ReturnType<typeof customersOf>>;
  beforeAll(async () => {
    original = await customersOf('CDNOW_sample.txt', HEADERLESS);
  });

  it('GIVEN header: none with the column names THEN every line is read: 2,357 customers, 6,696 purchase days, 244,091.94', () => {
    expect(original.rows).toHaveLength(6_919);
    expect(original.customers.size).toBe(2_357);
    expect(purchaseDays(original.customers)).toBe(6_696);
    expect(totalSpend(original.rows)).toBe(244_091.94);
    expect(new Date(original.rows[0]!.timestamp).toISOString()).toBe('1997-01-01T00:00:00.000Z');
  });

  it('GIVEN the published calibration summary THEN every customer has its repeat purchase days and mean repeat spend', () => {
    const summary = calibrationSummary();
    expect(summary.size).toBe(original.customers.size);
    for (const [id, { x, zbar }] of summary) {
      const days = [...original.customers.get(id)!.days].filter(([day]) => day < CALIBRATION_END).sort(([a], [b]) => a - b);
      const repeatSpend = days.slice(1).map(([, spend]) => spend);
      expect({ id, x: days.length - 1 }).toEqual({ id, x });
      const meanRepeat = repeatSpend.length === 0 ? 0 : repeatSpend.reduce((a, b) => a + b, 0) / repeatSpend.length;
      // The summary rounds half up (22.345 -> 22.35).
      expect(Math.abs(meanRepeat - zbar), `customer ${id}`).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('GIVEN the headered copy (cdnow_sample.csv) THEN the same customers, purchase days and spend, customer by customer', async () => {
    const headered = await customersOf('cdnow_sample.csv', {});
    expect(totalSpend(headered.rows)).toBe(totalSpend(original.rows));
    expect(purchaseDays(headered.customers)).toBe(purchaseDays(original.customers));
    expect([...headered.customers.keys()].sort((a, b) => a - b)).toEqual([...original.customers.keys()].sort((a, b) => a - b));
    for (const [id, customer] of original.customers) {
      const other = headered.customers.get(id)!;
      expect([...other.days], `customer ${id}`).toEqual([...customer.days]);
    }
  });
});
