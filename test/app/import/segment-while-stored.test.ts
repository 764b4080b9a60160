import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportThenSegmentInWorker } from '../../../src/app/import/run-import.js';
import type { UploadRequest } from '../../../src/app/import/import-upload.js';
import type { ProgressEvent } from '../../../src/app/reply.js';
import { segmentDataset } from '../../../src/app/segments/segment-dataset.js';
import type { Db } from '../../../src/store/open-database.js';
import { runsRepository } from '../../../src/store/runs.js';
import { importUpload } from '../../../src/app/import/import-upload.js';
import { csv, projectFile, temporaryApp } from '../../helpers.js';

const [header, ...lines] = readFileSync(projectFile('data/sample_online_retail.csv'), 'utf8').trimEnd().split('\n');
const part = (from: number, to: number) => csv([header, ...lines.slice(Math.floor(lines.length * from), Math.floor(lines.length * to))].join('\n') + '\n');
const now = new Date('2026-01-01T00:00:00Z');

/**
 * The import worker segments an upload into an empty dataset while its rows are still being stored (the progress
 * says "segmenting" before the import is done), and an append the usual way (after it): both store the run a
 * segmentation of the stored dataset stores.
 */
describe('an upload segmented by the import worker', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  const request = (bytes: Uint8Array, fileName: string): UploadRequest => ({
    guildId: 'g', userId: 'u', fileName, bytes, mode: 'append', dataset: 'shop', ingest: {},
  });
  const runOf = (db: Db, runId: number) => {
    const run = runsRepository(db).byId('g', runId)!;
    return { k: run.k, asOf: run.asOf, details: run.details, customers: runsRepository(db).customers('g', runId) };
  };
  async function uploadInWorker(bytes: Uint8Array, fileName: string) {
    const stages: ProgressEvent['stage'][] = [];
    const outcome = await runImportThenSegmentInWorker(app.databasePath, request(bytes, fileName), { convention: 'net', now }, (event) => stages.push(event.stage));
    if (!outcome.ok || !outcome.segmentation.ok) throw new Error(`not segmented: ${JSON.stringify(outcome)}`);
    return { runId: outcome.segmentation.run.runId, segmentingBeforeDone: stages.indexOf('segmenting') < stages.indexOf('done') };
  }
  async function expectedRun(uploads: [Uint8Array, string][]) {
    const other = temporaryApp();
    try {
      for (const [bytes, fileName] of uploads) await importUpload(other.db, request(bytes, fileName));
      const outcome = segmentDataset(other.db, { guildId: 'g', dataset: 'shop', convention: 'net', now });
      if (!outcome.ok) throw new Error('no run');
      return runOf(other.db, outcome.run.runId);
    } finally {
      other.cleanup();
    }
  }

  it('GIVEN a new dataset THEN it is segmented while stored, and the run is the one the stored dataset gives', async () => {
    const all = part(0, 1);
    const { runId, segmentingBeforeDone } = await uploadInWorker(all, 'all.csv');
    expect(segmentingBeforeDone).toBe(true);
    const run = runOf(app.db, runId);
    expect(run.customers.length).toBeGreaterThan(100);
    expect(run).toEqual(await expectedRun([[all, 'all.csv']]));
  });

  it('GIVEN an append to stored lines THEN it is segmented once stored, and the run is the one the stored dataset gives', async () => {
    const first = part(0, 0.6);
    const second = part(0.5, 1);
    await importUpload(app.db, request(first, 'first.csv'));
    const { runId, segmentingBeforeDone } = await uploadInWorker(second, 'second.csv');
    expect(segmentingBeforeDone).toBe(false);
    expect(runOf(app.db, runId)).toEqual(await expectedRun([[first, 'first.csv'], [second, 'second.csv']]));
  });
});
