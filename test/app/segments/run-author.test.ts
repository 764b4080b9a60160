import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../../src/app/import/import-upload.js';
import { runsReply } from '../../../src/app/replies/runs-reply.js';
import { segmentDataset } from '../../../src/app/segments/segment-dataset.js';
import { listRuns } from '../../../src/app/segments/list-runs.js';
import { MIGRATIONS } from '../../../src/store/migrations/index.js';
import { openDatabase } from '../../../src/store/open-database.js';
import { projectFile, temporaryApp } from '../../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));

describe('migration 9: who ran a segmentation run', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN a database with a run from before migration 9 WHEN opened THEN the run is kept and listed without an author', async () => {
    expect(MIGRATIONS[8]).toMatch(/ALTER TABLE segmentation_runs ADD COLUMN run_by TEXT/);
    await importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'sample.csv', bytes: sample, mode: 'append', dataset: 'shop', ingest: {} });
    const stored = segmentDataset(app.db, { guildId: 'g', convention: 'net', now: new Date('2026-01-01T00:00:00Z'), requestedBy: 'someone' });
    if (!stored.ok) throw new Error(stored.code);
    app.db.close();

    const old = new Database(app.databasePath);
    // Back to version 8: migration 10 (the server's time zone) goes too.
    old.exec('ALTER TABLE workspace_settings DROP COLUMN timezone');
    old.exec('ALTER TABLE segmentation_runs DROP COLUMN run_by');
    old.pragma('user_version = 8');
    old.close();

    app.db = openDatabase(app.databasePath);
    expect(app.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const listed = listRuns(app.db, 'g', undefined);
    if (!listed.ok) throw new Error(listed.code);
    expect(listed.runs).toEqual([expect.objectContaining({ runId: stored.run.runId, runBy: null, k: stored.run.k })]);
    const reply = runsReply(listed.dataset, listed.runs, 'en');
    expect(reply.embeds![0]!.description).not.toContain(' by ');
    expect(reply.data).toMatchObject({ runs: [{ id: stored.run.runId, by: null }] });
  });
});
