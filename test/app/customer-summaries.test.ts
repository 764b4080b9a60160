import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload, type UploadRequest } from '../../src/app/import/import-upload.js';
import { forgetCustomer } from '../../src/app/workspace/erasure.js';
import { customerSummariesRepository } from '../../src/store/customer-summaries.js';
import { datasetsRepository } from '../../src/store/datasets.js';
import { openDatabase } from '../../src/store/open-database.js';
import type { Db } from '../../src/store/open-database.js';
import { csv, projectFile, temporaryApp } from '../helpers.js';
import { revertToTextLines } from '../store/text-lines-schema.js';

const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trimEnd().split('\n');
const part = (from: number, to: number) => csv([header, ...lines.slice(Math.floor(lines.length * from), Math.floor(lines.length * to))].join('\n') + '\n');

/** A dataset's summaries in a form two databases can be compared by: sorted, sums to 6 decimals. */
function summariesOf(db: Db, guildId: string) {
  const dataset = datasetsRepository(db).findLatest(guildId)!;
  const summaries = customerSummariesRepository(db);
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  const orders = summaries
    .orders(guildId, dataset.datasetId)
    .map((o) => ({ ...o, amount: round(o.amount), purchased: round(o.purchased), refunded: round(o.refunded) }))
    .sort((a, b) => `${a.customerId}|${a.invoice}|${a.timestamp}`.localeCompare(`${b.customerId}|${b.invoice}|${b.timestamp}`));
  const sorted = (counts: Map<string, number>) => [...counts].sort(([a], [b]) => a.localeCompare(b));
  const baskets = summaries
    .baskets(guildId, dataset.datasetId)
    .map((b) => ({ customerId: b.customerId, products: sorted(b.products), countries: sorted(b.countries) }))
    .sort((a, b) => a.customerId.localeCompare(b.customerId));
  return { orders, baskets };
}

describe('per-customer summaries written with every import', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = (guildId: string, bytes: Uint8Array, mode: UploadRequest['mode'] = 'append') =>
    importUpload(app.db, { guildId, userId: 'u', fileName: 'sample.csv', bytes, mode, ingest: {} });

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN an export appended in two overlapping parts THEN the summaries equal those of one upload of the whole', async () => {
    await upload('parts', part(0, 0.6));
    const second = await upload('parts', part(0.4, 1));
    expect(second).toMatchObject({ ok: true, report: { duplicatesIgnored: expect.any(Number) } });
    expect(second.ok && second.report.duplicatesIgnored).toBeGreaterThan(100);
    await upload('whole', part(0, 1));

    const whole = summariesOf(app.db, 'whole');
    expect(whole.orders.length).toBeGreaterThan(100);
    expect(whole.baskets.length).toBeGreaterThan(50);
    expect(summariesOf(app.db, 'parts')).toEqual(whole);
  });

  it('GIVEN an upload that replaces the dataset THEN the summaries hold that upload alone', async () => {
    await upload('replaced', part(0, 0.6));
    await upload('replaced', part(0.5, 1), 'replace');
    await upload('fresh', part(0.5, 1));
    expect(summariesOf(app.db, 'replaced')).toEqual(summariesOf(app.db, 'fresh'));
  });

  it('GIVEN a customer forgotten THEN their summaries are gone and everyone else\'s stay', async () => {
    await upload('g', part(0, 1));
    const before = summariesOf(app.db, 'g');
    const customerId = before.baskets[0]!.customerId;
    forgetCustomer(app.db, 'g', customerId);
    const after = summariesOf(app.db, 'g');
    expect(after.baskets).toEqual(before.baskets.filter((b) => b.customerId !== customerId));
    expect(after.orders).toEqual(before.orders.filter((o) => o.customerId !== customerId));
  });

  it('GIVEN lines stored before migration 5 WHEN it runs THEN it writes the summaries an import writes', async () => {
    await upload('g', part(0, 0.6));
    await upload('g', part(0.4, 1));
    const copy = join(app.dir, 'version-4.db');
    app.db.exec(`VACUUM INTO '${copy}'`);
    const old = new Database(copy);
    revertToTextLines(old);
    old.exec(`DROP TABLE customer_orders; DROP TABLE customer_baskets; DROP TABLE dataset_names;
              CREATE INDEX transactions_by_customer ON transactions (guild_id, dataset_id, customer_id, ts);`);
    old.pragma('user_version = 4');
    old.close();

    const migrated = openDatabase(copy);
    try {
      expect(summariesOf(migrated, 'g')).toEqual(summariesOf(app.db, 'g'));
    } finally {
      migrated.close();
    }
  });
});
