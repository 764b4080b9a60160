import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload, type UploadRequest } from '../../src/app/import/import-upload.js';
import { failureReply } from '../../src/app/replies/failure-reply.js';
import type { Db } from '../../src/store/open-database.js';
import { csv, sharedData, temporaryApp } from '../helpers.js';

interface Expected {
  customers: number;
  orders: number;
  revenue: number;
  firstDate: string;
  lastDate: string;
  cancelledOrders: number;
  anonymousOrders?: number;
}
const expected = JSON.parse(readFileSync(sharedData('platforms/expected.json'), 'utf8')) as Record<string, Expected>;
const PLATFORM_OF: Record<string, string> = {
  'shopify_orders_export.csv': 'shopify',
  'shopee_pesanan.xlsx': 'shopee',
  'tiktok_shop_all_orders.csv': 'tiktok-shop',
  'woocommerce_order_export.csv': 'woocommerce',
  'square_item_details.csv': 'square',
};

/** A dataset's lines as a sorted list of what they say, whatever order they were stored in. */
function storedLines(db: Db, dataset = 'shop'): string[] {
  return (
    db
      .prepare(
        `SELECT l.invoice, l.customer_id, l.ts, l.product, l.description, l.quantity, l.amount, l.is_return
           FROM transaction_lines l JOIN datasets d USING (guild_id, dataset_id) WHERE d.name = ?`,
      )
      .raw()
      .all(dataset) as unknown[][]
  )
    .map((row) => JSON.stringify(row))
    .sort();
}

function storedOrders(db: Db): string[] {
  return (db.prepare(`SELECT customer_id, invoice, ts, lines, round(amount, 2), purchase_lines, round(refunded, 2) FROM customer_orders`).raw().all() as unknown[][])
    .map((row) => JSON.stringify(row))
    .sort();
}

describe('platform exports imported with no options', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  for (const [file, want] of Object.entries(expected)) {
    it(`GIVEN ${file} THEN every known figure matches expected.json`, async () => {
      const bytes = new Uint8Array(readFileSync(sharedData(`platforms/${file}`)));
      const outcome = await importUpload(app.db, { guildId: 'g', userId: 'u', fileName: file, bytes, mode: 'append', ingest: {} });
      if (!outcome.ok) throw new Error(`${file} refused: ${outcome.code} ${JSON.stringify(outcome.details)}`);
      const report = outcome.report;
      expect(report.platform).toBe(PLATFORM_OF[file]);
      expect(report.customers).toBe(want.customers);
      expect(report.invoices).toBe(want.orders);
      expect(report.revenue).toBeCloseTo(want.revenue, 2);
      expect(report.firstDate?.slice(0, 10)).toBe(want.firstDate);
      expect(report.lastDate?.slice(0, 10)).toBe(want.lastDate);
      expect(report.cancelledOrders).toBe(want.cancelledOrders);
      if (want.anonymousOrders !== undefined) {
        const anonymous = app.db.prepare(`SELECT count(DISTINCT invoice) FROM transactions WHERE customer_id IS NULL`).pluck().get();
        expect(anonymous).toBe(want.anonymousOrders);
      }
    });
  }
});

/** The Shopify fixture as rows, and back to CSV. */
const shopifyText = readFileSync(sharedData('platforms/shopify_orders_export.csv'), 'utf8');
const shopify = Papa.parse<string[]>(shopifyText, { skipEmptyLines: true }).data;
const [shopifyHeader, ...shopifyRows] = shopify as [string[], ...string[][]];
const column = (name: string) => shopifyHeader.indexOf(name);
const ordersOf = (rows: readonly string[][]): string[][][] => {
  const byName = new Map<string, string[][]>();
  for (const row of rows) {
    const name = row[column('Name')]!;
    byName.set(name, [...(byName.get(name) ?? []), row]);
  }
  return [...byName.values()];
};
const shopifyOrders = ordersOf(shopifyRows);
const keptOrders = shopifyOrders.filter((lines) => lines[0]![column('Financial Status')] === 'paid');
const toCsv = (orders: readonly string[][][]) => csv(Papa.unparse([shopifyHeader, ...orders.flat()]) + '\n');

describe('weekly platform exports that overlap and change', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = (bytes: Uint8Array, fileName = 'orders.csv', extra: Partial<UploadRequest> = {}) =>
    importUpload(app.db, { guildId: 'g', userId: 'u', fileName, bytes, mode: 'append', dataset: 'shop', ingest: {}, ...extra });
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN an order imported as paid WHEN a later export shows it voided THEN its lines are taken out and the change is counted', async () => {
    const [changed, ...rest] = keptOrders;
    await upload(toCsv(keptOrders.slice(0, 20)));
    const cancelled = changed!.map((row, i) => {
      const copy = [...row];
      if (i === 0) {
        copy[column('Financial Status')] = 'voided';
        copy[column('Cancelled at')] = '2024-07-01 10:00:00 -0500';
      }
      return copy;
    });
    const second = await upload(toCsv([cancelled, ...rest.slice(10, 30)]), 'week-2.csv');
    expect(second).toMatchObject({ ok: true, report: { statusChanges: 1, cancelledOrders: 1 } });
    const invoices = app.db.prepare(`SELECT DISTINCT invoice FROM transaction_lines`).pluck().all() as string[];
    expect(invoices).not.toContain(changed![0]![column('Name')]);
    expect(storedOrders(app.db).some((order) => order.includes(`"${changed![0]![column('Name')]}"`))).toBe(false);

    // The same as one upload of what is still standing.
    const once = temporaryApp();
    try {
      await importUpload(once.db, { guildId: 'g', userId: 'u', fileName: 'all.csv', bytes: toCsv(rest.slice(0, 30)), mode: 'append', dataset: 'shop', ingest: {} });
      expect(storedLines(app.db)).toEqual(storedLines(once.db));
      expect(storedOrders(app.db)).toEqual(storedOrders(once.db));
    } finally {
      once.cleanup();
    }
  });

  it('GIVEN an order imported as paid WHEN a later export shows it refunded THEN its lines come back as returns, once', async () => {
    const [changed] = keptOrders;
    await upload(toCsv(keptOrders.slice(0, 5)));
    const refunded = changed!.map((row, i) => {
      const copy = [...row];
      if (i === 0) copy[column('Financial Status')] = 'refunded';
      return copy;
    });
    const second = await upload(toCsv([refunded]), 'week-2.csv');
    expect(second).toMatchObject({ ok: true, report: { statusChanges: 1, refundedOrders: 1, rowsImported: changed!.length } });
    const third = await upload(toCsv([refunded]), 'week-3.csv');
    expect(third).toMatchObject({ ok: true, report: { statusChanges: 0, rowsImported: 0 } });
    const net = app.db
      .prepare(`SELECT round(sum(amount), 2) FROM transaction_lines WHERE invoice = ?`)
      .pluck()
      .get(changed![0]![column('Name')]);
    expect(net).toBe(0);
  });

  it('GIVEN a file that matches Shopify but has no Email column THEN it is refused naming the platform, and nothing stored changes', async () => {
    await upload(toCsv(keptOrders.slice(0, 3)));
    const before = storedLines(app.db);
    const without = Papa.unparse([shopifyHeader.filter((name) => name !== 'Email'), ...shopifyRows.map((row) => row.filter((_, i) => i !== column('Email')))]);
    const outcome = await upload(csv(without + '\n'), 'no-email.csv');
    expect(outcome).toMatchObject({ ok: false, code: 'missing_column', details: { field: 'customer', platform: 'Shopify orders export' } });
    if (outcome.ok) return;
    expect(failureReply(outcome.code, outcome.details, 'en').text).toMatch(/looks like a Shopify orders export, but it has no customer column \('Email'\).*Nothing was stored/);
    expect(failureReply(outcome.code, outcome.details, 'id').text).toMatch(/Ini tampaknya Shopify orders export, tetapi tidak ada kolom customer/);
    expect(storedLines(app.db)).toEqual(before);
  });

  it('PROPERTY: shuffling the orders, or splitting them into two overlapping exports, stores the same dataset as one upload', async () => {
    const reference = temporaryApp();
    try {
      await importUpload(reference.db, { guildId: 'g', userId: 'u', fileName: 'all.csv', bytes: toCsv(shopifyOrders), mode: 'append', dataset: 'shop', ingest: {} });
      const want = { lines: storedLines(reference.db), orders: storedOrders(reference.db) };
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(shopifyOrders, { minLength: shopifyOrders.length, maxLength: shopifyOrders.length }),
          fc.integer({ min: 1, max: shopifyOrders.length - 1 }),
          fc.integer({ min: 0, max: 15 }),
          async (shuffled, cut, overlap) => {
            const run = temporaryApp();
            try {
              const send = (orders: string[][][], name: string) =>
                importUpload(run.db, { guildId: 'g', userId: 'u', fileName: name, bytes: toCsv(orders), mode: 'append', dataset: 'shop', ingest: {} });
              await send(shuffled.slice(0, cut), 'week-1.csv');
              await send(shuffled.slice(Math.max(0, cut - overlap)), 'week-2.csv');
              expect(storedLines(run.db)).toEqual(want.lines);
              expect(storedOrders(run.db)).toEqual(want.orders);
            } finally {
              run.cleanup();
            }
          },
        ),
        { numRuns: 12 },
      );
    } finally {
      reference.cleanup();
    }
  });
});
