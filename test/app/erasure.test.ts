import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgetCustomer } from '../../src/app/workspace/erasure.js';
import { importUpload } from '../../src/app/import/import-upload.js';
import { segmentDataset } from '../../src/app/segments/segment-dataset.js';
import { latestRun } from '../../src/app/segments/segment-views.js';
import { countryOfEachCustomer, productCountsBySegment } from '../../src/segment/profile-counts.js';
import { customerSummariesRepository } from '../../src/store/customer-summaries.js';
import { runsRepository, type RunCustomer, type RunRecord } from '../../src/store/runs.js';
import { csv, projectFile, temporaryApp } from '../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
// The sample's biggest spender by far: their share moves every figure of their segments.
const ERASED = '13694';

/** Middle value (mean of the two middle ones), computed here without the code under test. */
const middle = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
};

describe('forgetting a customer in stored runs', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = (bytes: Uint8Array, dataset: string) =>
    importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'sample.csv', bytes, mode: 'append', dataset, ingest: {} });
  const segment = (dataset: string, extra: { k?: number; convention?: 'net' | 'gross' } = {}) =>
    segmentDataset(app.db, { guildId: 'g', dataset, convention: 'net', now: new Date('2026-01-01T00:00:00Z'), ...extra });
  /** Every run the workspace stores, read back whole, oldest first. */
  const storedRuns = (): { run: RunRecord; customers: RunCustomer[] }[] =>
    (app.db.prepare(`SELECT run_id AS runId, dataset_id AS datasetId, method, k, customers, details FROM segmentation_runs WHERE guild_id = 'g' ORDER BY run_id`).all() as
      (Omit<RunRecord, 'details'> & { details: string })[]).map((row) => ({
      run: { ...row, details: JSON.parse(row.details) } as RunRecord,
      customers: runsRepository(app.db).customers('g', row.runId),
    }));

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN runs of two datasets, both lenses and a forced k WHEN a customer is forgotten THEN no stored figure of any run counts them', async () => {
    await upload(sample, 'shop');
    await upload(sample, 'copy');
    for (const outcome of [segment('shop'), segment('shop', { k: 3, convention: 'gross' }), segment('copy')]) expect(outcome.ok).toBe(true);
    const before = storedRuns();
    const held = before.map(({ customers }) => customers.find((customer) => customer.customerId === ERASED)!);
    expect(held.every(Boolean)).toBe(true);

    expect(forgetCustomer(app.db, 'g', ERASED)).toMatchObject({ runEntries: 3 });

    const after = storedRuns();
    expect(after.map(({ run }) => run.runId)).toEqual(before.map(({ run }) => run.runId));
    after.forEach(({ run, customers }, i) => {
      const erased = held[i]!;
      expect(customers.map((c) => c.customerId)).toEqual(before[i]!.customers.map((c) => c.customerId).filter((id) => id !== ERASED));
      expect(run.customers).toBe(before[i]!.run.customers - 1);
      const total = customers.reduce((sum, c) => sum + c.monetary, 0);
      expect(run.details.medians.monetary).toBe(middle(customers.map((c) => c.monetary)));
      expect(run.details.medians.recencyDays).toBe(middle(customers.map((c) => c.recencyDays)));

      const lenses = [
        { profiles: run.details.clusterProfiles, segmentOf: (c: RunCustomer) => c.segment!, stored: before[i]!.run.details.clusterProfiles },
        { profiles: run.details.gridProfiles, segmentOf: (c: RunCustomer) => c.gridSegment, stored: before[i]!.run.details.gridProfiles },
      ];
      for (const { profiles, segmentOf, stored } of lenses) {
        expect(profiles.length).toBeGreaterThan(0);
        for (const profile of profiles) {
          const members = customers.filter((c) => segmentOf(c) === profile.segment);
          const revenue = members.reduce((sum, c) => sum + c.monetary, 0);
          expect(profile.customers).toBe(members.length);
          expect(profile.customerShare).toBeCloseTo(members.length / customers.length, 12);
          expect(profile.revenue).toBeCloseTo(revenue, 2);
          expect(profile.revenueShare).toBeCloseTo(revenue / total, 12);
          expect(profile.median).toEqual({
            recencyDays: middle(members.map((c) => c.recencyDays)),
            frequency: middle(members.map((c) => c.frequency)),
            monetary: middle(members.map((c) => c.monetary)),
          });
          expect(profile.mean.monetary).toBeCloseTo(revenue / members.length, 9);
        }
        // Their own segment lost exactly them: one customer and their spend.
        const own = profiles.find((p) => p.segment === segmentOf(erased))!;
        const ownBefore = stored.find((p) => p.segment === segmentOf(erased))!;
        expect(own.customers).toBe(ownBefore.customers - 1);
        expect(own.revenue).toBeCloseTo(ownBefore.revenue - erased.monetary, 2);
        expect(profiles.reduce((sum, p) => sum + p.revenueShare, 0)).toBeCloseTo(1, 12);
      }

      if (run.method === 'kmeans') {
        const cluster = run.details.segments.find((s) => s.label === erased.segment)!;
        const members = customers.filter((c) => c.segment === cluster.label);
        expect(cluster.size).toBe(members.length);
        const { means, stds } = run.details.scaling!;
        const scaledMean = (column: number, measure: 'recencyDays' | 'frequency' | 'monetary') =>
          members.reduce((sum, c) => sum + (Math.log1p(Math.max(0, c[measure])) - means[column]!) / stds[column]!, 0) / members.length;
        expect(cluster.scaledCentroid[0]).toBeCloseTo(scaledMean(0, 'recencyDays'), 9);
        expect(cluster.scaledCentroid[2]).toBeCloseTo(scaledMean(2, 'monetary'), 9);
        expect(run.details.candidates.find((c) => c.k === run.k)!.sizes).toEqual(
          run.details.segments.map((s) => s.size).sort((a, b) => b - a),
        );
      }
    });
  });

  it('GIVEN the latest run WHEN a customer is forgotten THEN its top countries and products are those of the customers left', async () => {
    await upload(sample, 'shop');
    segment('shop');
    const erased = storedRuns()[0]!.customers.find((customer) => customer.customerId === ERASED)!;
    forgetCustomer(app.db, 'g', ERASED);
    const latest = latestRun(app.db, 'g', 'shop');
    if (!latest.ok) throw new Error('no run');
    // No upload since the run: the baskets left are what the run counted, less the erased customer.
    const baskets = customerSummariesRepository(app.db).baskets('g', latest.dataset.datasetId);
    const countries = countryOfEachCustomer(baskets);
    const customers = runsRepository(app.db).customers('g', latest.run.runId);
    for (const [profiles, segmentOf] of [
      [latest.run.details.clusterProfiles, (c: RunCustomer) => c.segment!],
      [latest.run.details.gridProfiles, (c: RunCustomer) => c.gridSegment],
    ] as const) {
      const bySegment = new Map(customers.map((c) => [c.customerId, segmentOf(c)]));
      const products = productCountsBySegment(baskets, (id) => bySegment.get(id));
      const own = profiles.find((p) => p.segment === segmentOf(erased))!;
      const members = customers.filter((c) => segmentOf(c) === own.segment);
      for (const { name, count, share } of own.topCountries) {
        expect(count).toBe(members.filter((c) => countries.get(c.customerId) === name).length);
        expect(share).toBeCloseTo(count / members.length, 12);
      }
      const lines = [...products.get(own.segment)!.values()].reduce((sum, n) => sum + n, 0);
      expect(own.topProducts.length).toBeGreaterThan(0);
      for (const { name, count, share } of own.topProducts) {
        expect(count).toBe(products.get(own.segment)!.get(name));
        expect(share).toBeCloseTo(count / lines, 12);
      }
    }
  });

  it('GIVEN a run whose only customer is forgotten THEN the run is deleted rather than kept empty', async () => {
    await upload(csv(`
InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
536365,85123A,MUG,6,12/1/2010 8:26,2.55,17850,United Kingdom
536366,71053,LANTERN,2,12/3/2010 9:00,3.39,17850,United Kingdom
`), 'solo');
    expect(segment('solo').ok).toBe(true);
    expect(forgetCustomer(app.db, 'g', '17850')).toMatchObject({ lines: 2, runEntries: 1 });
    expect(app.db.prepare(`SELECT count(*) FROM segmentation_runs WHERE guild_id = 'g'`).pluck().get()).toBe(0);
    expect(latestRun(app.db, 'g', 'solo')).toMatchObject({ ok: false, code: 'no_segmentation' });
  });
});
