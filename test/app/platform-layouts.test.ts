import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/app/import/import-report.js';
import { importUpload } from '../../src/app/import/import-upload.js';
import { projectFile, temporaryApp } from '../helpers.js';
// A type only: the generator writes the fixtures when it runs, and a type import never runs it.
import type { Expected } from '../fixtures/platforms/generate.js';

/**
 * Known answers for the layouts without a shared file, written by test/fixtures/platforms/generate.ts from its own
 * order model (never by running the importer). A key `a+b` is two weekly exports uploaded in that order.
 */
const fixture = (name: string) => projectFile(`test/fixtures/platforms/${name}`);
const expected = JSON.parse(readFileSync(fixture('expected.json'), 'utf8')) as Record<string, Expected>;

describe('platform layouts imported with no options', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  const stored = () =>
    app.db
      .prepare(
        `SELECT count(DISTINCT customer_id) AS customers,
                count(DISTINCT CASE WHEN is_return = 0 THEN invoice END) AS orders,
                round(sum(amount), 2) AS revenue,
                round(sum(CASE WHEN is_return = 0 THEN amount ELSE 0 END), 2) AS grossRevenue,
                date(min(ts) / 1000, 'unixepoch') AS firstDate,
                date(max(ts) / 1000, 'unixepoch') AS lastDate,
                count(DISTINCT CASE WHEN customer_id IS NULL AND is_return = 0 THEN invoice END) AS anonymousOrders
           FROM transactions`,
      )
      .get() as Pick<Expected, 'customers' | 'orders' | 'revenue' | 'grossRevenue' | 'firstDate' | 'lastDate' | 'anonymousOrders'>;

  for (const [key, want] of Object.entries(expected)) {
    it(`GIVEN ${key} THEN the stored dataset and the report match the known answers`, async () => {
      const reports: ImportReport[] = [];
      for (const file of key.split('+')) {
        const fileName = file.includes('.') ? file : `${file}.csv`;
        const bytes = new Uint8Array(readFileSync(fixture(fileName)));
        const outcome = await importUpload(app.db, { guildId: 'g', userId: 'u', fileName, bytes, mode: 'append', dataset: 'shop', ingest: {} });
        if (!outcome.ok) throw new Error(`${fileName} refused: ${outcome.code} ${JSON.stringify(outcome.details)}`);
        reports.push(outcome.report);
      }
      const last = reports.at(-1)!;
      expect(last.platform).toBe(want.platform);
      expect(last.currency).toBe(want.currency);
      const { revenue, grossRevenue, ...counts } = stored();
      expect(counts).toEqual({
        customers: want.customers, orders: want.orders, firstDate: want.firstDate, lastDate: want.lastDate, anonymousOrders: want.anonymousOrders,
      });
      expect(revenue).toBeCloseTo(want.revenue, 2);
      expect(grossRevenue).toBeCloseTo(want.grossRevenue, 2);
      if (reports.length === 1) {
        expect(last).toMatchObject({ customers: want.customers, invoices: want.orders, cancelledOrders: want.cancelledOrders, refundedOrders: want.refundedOrders });
        expect(last.revenue).toBeCloseTo(want.revenue, 2);
      }
      if (want.statusChanges !== undefined) expect(reports.reduce((sum, report) => sum + report.statusChanges, 0)).toBe(want.statusChanges);
    });
  }
});
