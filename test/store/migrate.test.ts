import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openDatabase } from '../../src/store/open-database.js';
import { importUpload } from '../../src/app/import/import-upload.js';
import { customerHistoryRepository } from '../../src/store/customer-history.js';
import { projectFile } from '../helpers.js';

describe('migrations', () => {
  it('GIVEN a new database THEN every migration runs and user_version is the latest', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['datasets', 'playbook_overrides', 'run_customers', 'segmentation_runs', 'transactions', 'uploads', 'workspace_settings', 'installation', 'customer_orders', 'customer_baskets', 'dataset_texts', 'digest_schedules', 'digest_posts'].sort());
    for (const table of tables) expect(table.sql).toMatch(/STRICT/);
  });

  it('GIVEN an up-to-date database WHEN migrated again THEN nothing changes', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(() => migrate(db)).not.toThrow();
  });

  it('GIVEN a database newer than the code THEN it is refused', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db)).toThrow(DatabaseTooNewError);
  });

  it('GIVEN an opened database THEN WAL, foreign keys and a busy timeout are on', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(10000);
  });
});

describe('query plans that must not depend on table statistics', () => {
  const imported = async (analysed: boolean) => {
    const db = openDatabase(':memory:');
    const bytes = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
    await importUpload(db, { guildId: 'g', userId: 'u', fileName: 'sample.csv', bytes, mode: 'append', ingest: {} });
    if (analysed) db.exec('ANALYZE');
    return db;
  };

  it.each([false, true])('GIVEN an imported dataset (analysed: %s) WHEN a customer is looked up THEN only that customer\'s orders are read', async (analysed) => {
    const plan = customerHistoryRepository(await imported(analysed)).plan();
    expect(plan.join(' ')).toMatch(/SEARCH customer_orders USING PRIMARY KEY \(guild_id=\? AND dataset_id=\? AND customer_id=\?\)/);
  });
});

