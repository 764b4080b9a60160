import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../src/app/import/import-upload.js';
import { customerSummariesRepository } from '../../src/store/customer-summaries.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { csv, projectFile, temporaryApp } from '../helpers.js';
import { revertToTextLines } from './text-lines-schema.js';

const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trimEnd().split('\n');
const part = (from: number, to: number) => csv([header, ...lines.slice(Math.floor(lines.length * from), Math.floor(lines.length * to))].join('\n') + '\n');

/** Texts no stored line refers to. */
const unusedTexts = (db: Db) =>
  db
    .prepare(
      `SELECT count(*) FROM dataset_texts x WHERE NOT EXISTS (SELECT 1 FROM transactions t WHERE t.guild_id = x.guild_id
         AND t.dataset_id = x.dataset_id AND x.text_id IN (t.invoice, t.customer_id, t.product, t.description, t.country, t.category))`,
    )
    .pluck()
    .get();
/** Every dataset's baskets with their names spelled out, in an order two databases can be compared by. */
const basketsOf = (db: Db) =>
  (db.prepare('SELECT guild_id, dataset_id FROM datasets ORDER BY 1, 2').raw().all() as [string, number][]).map(([guildId, datasetId]) =>
    customerSummariesRepository(db)
      .baskets(guildId, datasetId)
      .map((b) => [b.customerId, [...b.products].sort(), [...b.countries].sort()])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
const linesOf = (db: Db) => db.prepare('SELECT * FROM transaction_lines ORDER BY guild_id, dataset_id, row_key').raw().all();

describe('migration 6: lines refer to their texts by number', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = (db: Db, guildId: string, bytes: Uint8Array, fileName = 'sample.csv', dataset?: string) =>
    importUpload(db, { guildId, userId: 'u', fileName, bytes, dataset, mode: 'append', ingest: {} });

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN lines stored as text by an older release WHEN migrated THEN lines and baskets read the same, and an overlapping append adds only new lines', async () => {
    await upload(app.db, 'g', part(0, 0.2));
    await upload(app.db, 'h', part(0.1, 0.3));
    await upload(app.db, 'g', part(0, 0.05), 'other.csv');
    const copy = join(app.dir, 'version-5.db');
    app.db.exec(`VACUUM INTO '${copy}'`);
    const old = new Database(copy);
    revertToTextLines(old);
    old.pragma('user_version = 5');
    expect(old.prepare(`SELECT type FROM pragma_table_info('transactions') WHERE name = 'customer_id'`).pluck().get()).toBe('TEXT');
    old.close();

    const migrated = openDatabase(copy);
    try {
      expect(linesOf(migrated)).toEqual(linesOf(app.db));
      expect(basketsOf(migrated)).toEqual(basketsOf(app.db));
      expect(migrated.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'dataset_names'`).pluck().get()).toBe(0);
      // One number per distinct text of a dataset, each used by some line.
      expect(unusedTexts(migrated)).toBe(0);
      // Row keys are unchanged: an export overlapping what was stored adds exactly what it adds to the unmigrated copy.
      const appended = await upload(migrated, 'g', part(0.15, 0.25), 'week-2.csv', 'sample');
      const expected = await upload(app.db, 'g', part(0.15, 0.25), 'week-2.csv', 'sample');
      expect(appended.ok && expected.ok).toBe(true);
      if (appended.ok && expected.ok) {
        expect(appended.report.rowsImported).toBe(expected.report.rowsImported);
        expect(appended.report.duplicatesIgnored).toBeGreaterThan(0);
      }
      expect(linesOf(migrated)).toEqual(linesOf(app.db));
      expect(basketsOf(migrated)).toEqual(basketsOf(app.db));
    } finally {
      migrated.close();
    }
  });

  it('GIVEN a dataset replaced THEN its old texts go with its old lines', async () => {
    await upload(app.db, 'g', part(0, 0.2));
    await importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'sample.csv', bytes: part(0.2, 0.3), mode: 'replace', ingest: {} });
    expect(unusedTexts(app.db)).toBe(0);
  });
});
