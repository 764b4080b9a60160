import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUpload } from '../../src/app/import/import-upload.js';
import { segmentDataset } from '../../src/app/segments/segment-dataset.js';
import { runsRepository } from '../../src/store/runs.js';
import { datasetsRepository } from '../../src/store/datasets.js';
import { referenceRfm } from '../segment/helpers/online-retail.js';
import { sharedData, temporaryApp } from '../helpers.js';

/**
 * The whole product path, file -> SQLite -> RFM -> stored run, against pandas. The reference keeps postage and
 * fee lines (POST, M, BANK CHARGES…), which an upload sets aside by default, so this import keeps them.
 */
describe('GIVEN online_retail.csv uploaded with non-product lines kept', () => {
  let app: ReturnType<typeof temporaryApp>;
  beforeAll(async () => {
    app = temporaryApp();
    const bytes = new Uint8Array(readFileSync(sharedData('online_retail.csv')));
    const outcome = await importUpload(app.db, {
      guildId: 'shop', userId: 'u', fileName: 'online_retail.csv', bytes, mode: 'append', ingest: { nonProductLines: 'keep' },
    });
    expect(outcome.ok).toBe(true);
  });
  afterAll(() => app.cleanup());

  it.each(['gross', 'net'] as const)('WHEN segmented under %s THEN every stored customer matches the reference RFM and scores', (convention) => {
    const outcome = segmentDataset(app.db, { guildId: 'shop', convention, now: new Date() });
    if (!outcome.ok) throw new Error(outcome.code);
    const reference = referenceRfm(convention);
    const datasetId = datasetsRepository(app.db).findLatest('shop')!.datasetId;
    const run = runsRepository(app.db).latest('shop', datasetId)!;
    const stored = runsRepository(app.db).customers('shop', run.runId);
    expect(stored).toHaveLength(reference.size);
    const mismatches = stored.filter((customer) => {
      const expected = reference.get(customer.customerId);
      return (
        !expected ||
        expected.recencyDays !== customer.recencyDays ||
        expected.frequency !== customer.frequency ||
        Math.abs(expected.monetary - customer.monetary) > 0.01 ||
        expected.rScore !== customer.scores.r ||
        expected.fScore !== customer.scores.f ||
        expected.mScore !== customer.scores.m
      );
    });
    expect(mismatches.map((customer) => customer.customerId)).toEqual([]);
  });
});
