import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../src/app/import/import-upload.js';
import { segmentDataset } from '../../src/app/segments/segment-dataset.js';
import { deleteDatasetOffThread, forgetCustomerOffThread, purgeWorkspaceOffThread } from '../../src/app/workspace/run-erasure.js';
import { projectFile, temporaryApp } from '../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
const CUSTOMER = '13694';

describe('erasures on a worker thread', () => {
  let app: ReturnType<typeof temporaryApp>;
  const count = (sql: string, ...params: unknown[]) => (app.db.prepare(sql).pluck().get(...params) as number);
  const linesOf = (guildId: string) => count('SELECT count(*) FROM transactions WHERE guild_id = ?', guildId);

  beforeEach(async () => {
    app = temporaryApp();
    for (const guildId of ['g', 'other']) {
      const imported = await importUpload(app.db, { guildId, userId: 'u', fileName: 'sample.csv', bytes: sample.slice(), mode: 'append', dataset: 'shop', ingest: {} });
      expect(imported.ok).toBe(true);
      expect(segmentDataset(app.db, { guildId, dataset: 'shop', convention: 'net', now: new Date('2026-01-01T00:00:00Z') }).ok).toBe(true);
    }
  });
  afterEach(() => app.cleanup());

  it('GIVEN a forget THEN it runs on a connection of its own (it waits for a write this thread holds) and erases the customer in that server only', async () => {
    const runEntries = `SELECT count(*) FROM run_customers WHERE guild_id = ? AND customer_id = '${CUSTOMER}'`;
    expect(count(runEntries, 'g')).toBe(1);
    // This thread's connection holds the write lock: an erasure on this same connection would go straight through.
    app.db.exec('BEGIN IMMEDIATE');
    let settled = false;
    const erased = forgetCustomerOffThread(app.databasePath, 'g', CUSTOMER).finally(() => (settled = true));
    // Long enough for the worker to boot (through tsx when no bundle is built) and reach the lock.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(settled).toBe(false);
    expect(count(runEntries, 'g')).toBe(1);
    app.db.exec('ROLLBACK');
    const result = await erased;
    expect(result.runEntries).toBe(1);
    expect(result.lines).toBeGreaterThan(0);
    expect(count(runEntries, 'g')).toBe(0);
    expect(count(runEntries, 'other')).toBe(1);
    expect(linesOf('other')).toBe(linesOf('g') + result.lines);
  });

  it('GIVEN a dataset delete THEN the worker answers as deleteDataset does, found or not', async () => {
    expect(await deleteDatasetOffThread(app.databasePath, 'g', 'missing')).toEqual({ ok: false, code: 'dataset_not_found', details: { name: 'missing', available: ['shop'] } });
    expect(await deleteDatasetOffThread(app.databasePath, 'g', 'shop')).toEqual({ ok: true, name: 'shop' });
    expect(linesOf('g')).toBe(0);
    expect(linesOf('other')).toBeGreaterThan(0);
  });

  it('GIVEN a purge THEN it reports the lines it removed and leaves other servers alone', async () => {
    const lines = linesOf('g');
    expect(await purgeWorkspaceOffThread(app.databasePath, 'g')).toEqual({ rows: lines });
    expect(count('SELECT count(*) FROM datasets WHERE guild_id = ?', 'g')).toBe(0);
    expect(linesOf('g')).toBe(0);
    expect(linesOf('other')).toBe(lines);
  });

  it('GIVEN purges of several servers and a forget at the same moment THEN each waits its turn for the write lock and all succeed', async () => {
    for (const guildId of ['third', 'fourth']) {
      expect((await importUpload(app.db, { guildId, userId: 'u', fileName: 'sample.csv', bytes: sample.slice(), mode: 'append', dataset: 'shop', ingest: {} })).ok).toBe(true);
    }
    const lines = linesOf('third');
    const outcomes = await Promise.allSettled([
      purgeWorkspaceOffThread(app.databasePath, 'other'),
      purgeWorkspaceOffThread(app.databasePath, 'third'),
      purgeWorkspaceOffThread(app.databasePath, 'fourth'),
      forgetCustomerOffThread(app.databasePath, 'g', CUSTOMER),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(outcomes.slice(0, 3).map((outcome) => (outcome as PromiseFulfilledResult<{ rows: number }>).value.rows)).toEqual([lines, lines, lines]);
    for (const guildId of ['other', 'third', 'fourth']) expect(linesOf(guildId)).toBe(0);
    expect(linesOf('g')).toBe(lines - (outcomes[3] as PromiseFulfilledResult<{ lines: number }>).value.lines);
  });

  it('GIVEN an erasure that throws on the worker THEN the promise rejects with its message, nothing is half done', async () => {
    app.db.exec("CREATE TRIGGER refuse BEFORE DELETE ON run_customers BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    await expect(forgetCustomerOffThread(app.databasePath, 'g', CUSTOMER)).rejects.toThrow(/refused by test/);
    expect(count(`SELECT count(*) FROM transactions t JOIN dataset_texts x ON x.guild_id = t.guild_id AND x.dataset_id = t.dataset_id AND x.text_id = t.customer_id WHERE t.guild_id = 'g' AND x.text = ?`, CUSTOMER)).toBeGreaterThan(0);
  });
});
