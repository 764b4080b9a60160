import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerCard, customerIdsStartingWith } from '../../src/app/lookup/customer-card.js';
import { forgetCustomer } from '../../src/app/workspace/erasure.js';
import { importUpload } from '../../src/app/import/import-upload.js';
import { runSegmentationInWorker } from '../../src/app/segments/run-segmentation.js';
import { segmentActions } from '../../src/app/segments/segment-actions.js';
import { kRunsInWorker } from '../../src/app/segments/run-k-runs.js';
import { kSplit, segmentDataset, segmentDatasetOnTwoThreads } from '../../src/app/segments/segment-dataset.js';
import { exportSegment } from '../../src/app/segments/segment-export.js';
import { latestRun, runView } from '../../src/app/segments/segment-views.js';
import { segmentsOverview } from '../../src/app/segments/segments-overview.js';
import { segmentChartConfigs } from '../../src/app/segments/segment-charts.js';
import { customerReply } from '../../src/app/replies/customer-reply.js';
import { segmentExportReply } from '../../src/app/replies/segment-export-reply.js';
import { segmentsReply } from '../../src/app/replies/segments-reply.js';
import { RETURNED_EVERYTHING, RETURNED_EVERYTHING_EXPLANATION } from '../../src/segment/returned-everything.js';
import { createRenderer } from '../../src/charts/renderer.js';
import { hasPngSignature, pngSize } from '../charts/png.js';
import { csv, projectFile, temporaryApp } from '../helpers.js';

const sample = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
const header = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

describe('segmentation use-cases', () => {
  let app: ReturnType<typeof temporaryApp>;
  const upload = (guildId: string, bytes = sample, dataset = 'shop') =>
    importUpload(app.db, { guildId, userId: 'u', fileName: 'sample.csv', bytes, mode: 'append', dataset, ingest: {} });
  const segment = (guildId: string, extra: { k?: number; convention?: 'net' | 'gross'; asOf?: number } = {}) =>
    segmentDataset(app.db, { guildId, convention: 'net', now: new Date('2026-01-01T00:00:00Z'), ...extra });

  beforeEach(() => {
    app = temporaryApp();
  });
  afterEach(() => app.cleanup());

  it('GIVEN an uploaded export WHEN segmented THEN every customer is stored with a cluster segment and a grid segment', async () => {
    await upload('guild-a');
    const outcome = segment('guild-a');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.run).toMatchObject({ dataset: 'shop', method: 'kmeans' });
    expect(outcome.run.k).toBeGreaterThanOrEqual(3);
    expect(outcome.run.k).toBeLessThanOrEqual(8);
    const rows = app.db.prepare('SELECT count(*) AS n, count(segment) AS clustered FROM run_customers WHERE guild_id = ?').get('guild-a') as { n: number; clustered: number };
    expect(rows.n).toBe(outcome.run.customers);
    expect(rows.clustered).toBe(outcome.run.customers);
  });

  it('GIVEN two runs THEN the second is added beside the first, never over it', async () => {
    await upload('guild-a');
    const first = segment('guild-a');
    const second = segment('guild-a', { k: 3, convention: 'gross' });
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.run.runId).not.toBe(first.run.runId);
    const runs = app.db.prepare('SELECT run_id AS runId, k, convention FROM segmentation_runs WHERE guild_id = ? ORDER BY run_id').all('guild-a');
    expect(runs).toEqual([
      { runId: first.run.runId, k: first.run.k, convention: 'net' },
      { runId: second.run.runId, k: 3, convention: 'gross' },
    ]);
    const latest = latestRun(app.db, 'guild-a', undefined);
    expect(latest.ok && latest.run.runId).toBe(second.run.runId);
  });

  it('GIVEN a run THEN the overview lists segments most valuable first, with shares adding up and actions for each', async () => {
    await upload('guild-a');
    segment('guild-a');
    const latest = latestRun(app.db, 'guild-a', undefined);
    if (!latest.ok) throw new Error(latest.code);
    for (const lens of ['clusters', 'grid'] as const) {
      const view = runView(app.db, 'guild-a', latest.dataset, latest.run, lens);
      expect(view.segments.map((s) => s.rank)).toEqual([...view.segments.map((s) => s.rank)].sort((a, b) => a - b));
      expect(view.segments.reduce((sum, s) => sum + s.customers, 0)).toBe(view.customers);
      expect(view.segments.reduce((sum, s) => sum + s.customerShare, 0)).toBeCloseTo(1, 9);
      for (const s of view.segments) expect(s.actions.length).toBeGreaterThanOrEqual(3);
    }
    const clusters = runView(app.db, 'guild-a', latest.dataset, latest.run, 'clusters');
    expect(clusters.segments[0]!.monetaryMedian).toBeGreaterThan(clusters.segments.at(-1)!.monetaryMedian);
    expect(clusters.segments[0]!.topCountries[0]?.name).toBe('United Kingdom');
  });

  it('GIVEN the same customer ids in two servers THEN each sees only its own run and customers', async () => {
    const other = csv(`${header}\n900001,85123A,OTHER SHOP ITEM,1,2011-01-05 10:00:00,999.00,13694.0,France\n`);
    await upload('guild-a');
    await upload('guild-b', other);
    segment('guild-a');
    segment('guild-b');
    const a = customerCard(app.db, 'guild-a', undefined, '13694');
    const b = customerCard(app.db, 'guild-b', undefined, '13694');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.card.monetary).toBe(999);
    expect(b.card.frequency).toBe(1);
    expect(a.card.frequency).toBeGreaterThan(10);
    expect(b.card.lastPurchases.map((p) => p.invoice)).toEqual(['900001']);
    expect(customerIdsStartingWith(app.db, 'guild-b', undefined, '')).toEqual(['13694']);
    expect(customerCard(app.db, 'guild-c', undefined, '13694')).toMatchObject({ ok: false, code: 'no_datasets' });
  });

  it('GIVEN a customer THEN the card carries RFM, scores, percentiles, segment explanation, purchases and actions', async () => {
    await upload('guild-a');
    segment('guild-a');
    const outcome = customerCard(app.db, 'guild-a', 'shop', '13694');
    if (!outcome.ok) throw new Error(outcome.code);
    const { card } = outcome;
    expect(card.scores).toEqual({ r: 5, f: 5, m: 5 });
    expect(card.percentiles.m).toBeGreaterThan(99);
    expect(card.explanation?.en).toMatch(/days ago/);
    expect(card.lastPurchases).toHaveLength(5);
    expect(card.lastPurchases[0]!.date >= card.lastPurchases[4]!.date).toBe(true);
    expect(card.actions.length).toBeGreaterThanOrEqual(3);
    const missing = customerCard(app.db, 'guild-a', 'shop', '1369');
    expect(missing).toMatchObject({ ok: false, code: 'customer_not_found' });
  });

  it('GIVEN a segment export THEN the CSV holds exactly its customers, and a formula-looking id is neutralised', async () => {
    const tricky = csv(
      `${header}\n` +
        Array.from({ length: 40 }, (_, i) => `5000${i},A${i},ITEM,1,2011-0${(i % 9) + 1}-0${(i % 7) + 1} 10:00:00,${i + 1}.00,${i === 0 ? '=HYPERLINK("x")' : 20000 + i},UK`).join('\n') +
        '\n',
    );
    await upload('guild-a', tricky);
    segment('guild-a');
    const latest = latestRun(app.db, 'guild-a', undefined);
    if (!latest.ok) throw new Error(latest.code);
    const withTricky = app.db.prepare('SELECT grid_segment FROM run_customers WHERE guild_id = ? AND customer_id LIKE ?').pluck().get('guild-a', '=%') as string;
    const exported = exportSegment(app.db, 'guild-a', undefined, withTricky.toLowerCase());
    if (!exported.ok) throw new Error(exported.code);
    const lines = exported.export.csv.trim().split('\r\n');
    expect(lines[0]).toBe('customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment,grid_segment');
    expect(lines).toHaveLength(exported.export.customers + 1);
    expect(lines.some((line) => line.startsWith(`"'=HYPERLINK(""x"")"`))).toBe(true);
    expect(exportSegment(app.db, 'guild-a', undefined, 'Nobody')).toMatchObject({ ok: false, code: 'segment_not_found' });
  });

  it('GIVEN customer 12346, who returned all 80,995 items THEN the overview shows them apart, and the export, card and playbook say so', async () => {
    await upload('guild-a');
    segment('guild-a');
    const latest = latestRun(app.db, 'guild-a', undefined);
    if (!latest.ok) throw new Error(latest.code);
    const clusters = runView(app.db, 'guild-a', latest.dataset, latest.run, 'clusters');
    expect(clusters.segments.at(-1)).toMatchObject({
      name: RETURNED_EVERYTHING, segmentName: RETURNED_EVERYTHING, rank: clusters.segments.length, customers: 1, revenue: 0, explanation: RETURNED_EVERYTHING_EXPLANATION,
    });
    expect(clusters.rhythm).toMatchObject({ customers: clusters.customers });
    const grid = runView(app.db, 'guild-a', latest.dataset, latest.run, 'grid');
    expect(grid.segments.map((s) => s.name)).not.toContain(RETURNED_EVERYTHING);
    expect(segmentsReply(clusters, 'en').embeds![0]!.fields!.at(-1)!.name).toBe(`${clusters.segments.length}. Returned everything — 1 customer (0.3%)`);
    expect(segmentsReply(clusters, 'en').embeds![0]!.fields!.at(-1)!.value.split('\n')[1]).toBe('typical customer: bought 326 days ago, 1 order, spent 0.00');
    expect(segmentsReply(clusters, 'id').embeds![0]!.fields!.at(-1)!.name).toMatch(/^\d\. Mengembalikan semua — 1 pelanggan/);
    expect(segmentsReply(clusters, 'en').text).toMatch(/Repeat customers order again every \d+ days \(median\), so clusters silent for more than \d+ days are named as lapsed\./);
    // The charts name the group as the reply does, in the reader's language, in the same colour.
    for (const [locale, name] of [['en', 'Returned everything'], ['id', 'Mengembalikan semua']] as const) {
      const [, sizes] = segmentChartConfigs(app.db, 'guild-a', latest.run, clusters, locale)[0]!;
      const rows = (sizes.data as { labels: string[][] }).labels.map((label) => label[0]);
      expect(rows.at(-1)).toBe(name);
      expect(rows).not.toContain(locale === 'id' ? 'Returned everything' : 'Mengembalikan semua');
    }

    for (const typed of ['Returned everything', 'mengembalikan semua']) {
      const exported = exportSegment(app.db, 'guild-a', undefined, typed);
      if (!exported.ok) throw new Error(exported.code);
      expect(exported.export).toMatchObject({ segment: RETURNED_EVERYTHING, lens: 'clusters', customers: 1, fileName: 'returned-everything.csv' });
      expect(exported.export.csv.trim().split('\r\n')[1]).toBe('12346,326,1,0,1,1,1,Returned everything,Hibernating');
      expect(segmentExportReply(exported.export, 'id').text).toMatch(/^\*\*Mengembalikan semua\*\*: 1 pelanggan di dataset/);
      expect(segmentExportReply(exported.export, 'en').text).toMatch(/^\*\*Returned everything\*\*: 1 customer in dataset/);
    }

    const outcome = customerCard(app.db, 'guild-a', 'shop', '12346');
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.card).toMatchObject({ segment: RETURNED_EVERYTHING, segmentRank: null, gridSegment: 'Hibernating', monetary: 0, explanation: RETURNED_EVERYTHING_EXPLANATION });
    expect(outcome.card.actions[0]!.action.en).toMatch(/^Service follow-up/);
    expect(customerReply(outcome.card, 'id').embeds![0]!.fields!.find((field) => field.name === 'Segmen')!.value).toMatch(/^\*\*Mengembalikan semua\*\*\n_mengembalikan semua/);
    expect(segmentActions(app.db, 'guild-a', 'mengembalikan semua')).toMatchObject({ ok: true, segmentName: RETURNED_EVERYTHING });
  });

  it('GIVEN too few customers THEN the run falls back to the grid and says why', async () => {
    await upload('guild-a', csv(`${header}\n1,A,ITEM,1,2011-01-05 10:00:00,5.00,1.0,UK\n2,A,ITEM,1,2011-02-05 10:00:00,5.00,2.0,UK\n`));
    const outcome = segment('guild-a');
    expect(outcome).toMatchObject({ ok: true, run: { method: 'grid', k: null, fallback: { reason: 'too_few_customers' } } });
    const latest = latestRun(app.db, 'guild-a', undefined);
    if (!latest.ok) throw new Error(latest.code);
    expect(runView(app.db, 'guild-a', latest.dataset, latest.run, 'clusters').lens).toBe('grid');
  });

  it('GIVEN the playbook THEN actions are found by run label or by any segment name', async () => {
    expect(segmentActions(app.db, 'guild-a', "can't lose them")).toMatchObject({ ok: true, segmentName: "Can't Lose Them" });
    expect(segmentActions(app.db, 'guild-a', 'Nope')).toMatchObject({ ok: false, code: 'segment_not_found' });
  });

  it('GIVEN a renderer THEN the overview carries five 1000 × 560 PNG charts, each shown in an embed', async () => {
    await upload('guild-a');
    segment('guild-a');
    const reply = await segmentsOverview({ ...app, charts: createRenderer({ kind: 'local' }) }, 'guild-a', undefined, 'clusters', 'id');
    const names = ['segment-sizes.png', 'recency-vs-spend.png', 'spend-by-segment.png', 'segment-profiles.png', 'choosing-k.png'];
    expect(reply.files?.map((f) => f.name)).toEqual(names);
    for (const file of reply.files!) {
      expect(hasPngSignature(file.data)).toBe(true);
      expect(pngSize(file.data)).toEqual({ width: 1000, height: 560 });
    }
    expect(reply.embeds?.map((e) => e.image)).toEqual(names);
    expect(reply.text).toMatch(/^Segmen \*\*shop\*\*/);
    const grid = await segmentsOverview({ ...app, charts: createRenderer({ kind: 'local' }) }, 'guild-a', undefined, 'grid', 'en');
    expect(grid.files?.map((f) => f.name)).toEqual(names);
    const withoutRenderer = await segmentsOverview(app, 'guild-a', undefined, 'grid', 'en');
    expect(withoutRenderer.files).toBeUndefined();
    expect(withoutRenderer.embeds).toHaveLength(1);
  });

  it('GIVEN a forced k THEN only that k is stored, its silhouette is the automatic run\'s at that k, and the overview says why it has no choosing-k chart', async () => {
    await upload('guild-a');
    const automatic = segment('guild-a');
    await upload('guild-b');
    const forced = segment('guild-b', { k: 4 });
    if (!automatic.ok || !forced.ok) throw new Error('segmentation failed');
    const candidatesOf = (runId: number) => (JSON.parse(app.db.prepare('SELECT details FROM segmentation_runs WHERE run_id = ?').pluck().get(runId) as string) as { candidates: { k: number }[] }).candidates;
    const four = candidatesOf(automatic.run.runId).find((candidate) => candidate.k === 4);
    expect(candidatesOf(forced.run.runId)).toEqual([four]);
    const latest = latestRun(app.db, 'guild-b', undefined);
    if (!latest.ok) throw new Error(latest.code);
    for (const locale of ['en', 'id'] as const) {
      const view = runView(app.db, 'guild-b', latest.dataset, latest.run, 'clusters');
      const names = segmentChartConfigs(app.db, 'guild-b', latest.run, view, locale).map(([name]) => name);
      expect(names).toEqual(['segment-sizes.png', 'recency-vs-spend.png', 'spend-by-segment.png', 'segment-profiles.png']);
      expect(segmentsReply(view, locale).text.split('\n')).toContain(
        locale === 'en'
          ? 'k = 4 was chosen with the k option, so no other k was tried and there is no choosing-k curve.'
          : 'k = 4 dipilih lewat opsi k, jadi k lain tidak dicoba dan tidak ada kurva pemilihan k.',
      );
    }
    const automaticRun = latestRun(app.db, 'guild-a', undefined);
    if (!automaticRun.ok) throw new Error(automaticRun.code);
    const automaticView = runView(app.db, 'guild-a', automaticRun.dataset, automaticRun.run, 'clusters');
    expect(segmentChartConfigs(app.db, 'guild-a', automaticRun.run, automaticView, 'en').map(([name]) => name)).toContain('choosing-k.png');
    expect(segmentsReply(automaticView, 'en').text).not.toMatch(/k option/);
  });

  it('GIVEN every member of a segment erased with /data forget THEN the overview and its charts still render', async () => {
    await upload('guild-a');
    segment('guild-a');
    const smallest = app.db
      .prepare('SELECT grid_segment FROM run_customers WHERE guild_id = ? GROUP BY grid_segment ORDER BY count(*) LIMIT 1')
      .pluck()
      .get('guild-a') as string;
    const members = app.db.prepare('SELECT customer_id FROM run_customers WHERE guild_id = ? AND grid_segment = ?').pluck().all('guild-a', smallest) as string[];
    for (const customerId of members) forgetCustomer(app.db, 'guild-a', customerId);
    const reply = await segmentsOverview({ ...app, charts: createRenderer({ kind: 'local' }) }, 'guild-a', undefined, 'grid', 'en');
    expect(reply.ok).toBe(true);
    expect(reply.files?.map((f) => f.name)).toContain('segment-profiles.png');
  });

  it('GIVEN the worker THEN it stores the same run a direct call would', async () => {
    await upload('guild-a');
    const viaWorker = await runSegmentationInWorker(app.databasePath, { guildId: 'guild-a', convention: 'net', now: new Date() });
    const direct = segment('guild-a');
    expect(viaWorker.ok && direct.ok).toBe(true);
    if (!viaWorker.ok || !direct.ok) return;
    expect(viaWorker.run.k).toBe(direct.run.k);
    const segmentsOf = (runId: number) => app.db.prepare('SELECT customer_id, segment FROM run_customers WHERE guild_id = ? AND run_id = ? ORDER BY 1').all('guild-a', runId);
    expect(segmentsOf(viaWorker.run.runId)).toEqual(segmentsOf(direct.run.runId));
  });

  describe('on two threads', () => {
    const storedRun = (runId: number) => ({
      details: JSON.parse(app.db.prepare('SELECT details FROM segmentation_runs WHERE run_id = ?').pluck().get(runId) as string),
      customers: app.db.prepare('SELECT customer_id, cluster, segment, grid_segment FROM run_customers WHERE run_id = ? ORDER BY 1').all(runId),
    });
    const request = { guildId: 'guild-a', convention: 'net' as const, now: new Date('2026-01-01T00:00:00Z') };

    it('GIVEN some k values run on a second worker THEN the run stored is the one a single thread stores', async () => {
      await upload('guild-a');
      const sent: number[][] = [];
      const received: number[][] = [];
      const twoThreads = await segmentDatasetOnTwoThreads(app.db, request, {
        fromCustomers: 0,
        // What is compared is the run, not the timing: a loaded machine (a fresh clone's workers boot through tsx)
        // must not send the k values back here after the usual grace time, which has a test of its own.
        graceMs: 120_000,
        elsewhere: async (matrix, ks, options) => {
          sent.push([...ks]);
          const runs = await kRunsInWorker(matrix, ks, options);
          received.push(runs.map((run) => run.clustering.k));
          return runs;
        },
      });
      // In another workspace: a second run of guild-a's dataset would follow on from the first (issue #13).
      await upload('guild-b');
      const oneThread = segment('guild-b');
      expect(twoThreads.ok && oneThread.ok).toBe(true);
      if (!twoThreads.ok || !oneThread.ok) return;
      expect(sent).toEqual([kSplit([3, 4, 5, 6, 7, 8])[0]]);
      expect(received).toEqual(sent);
      expect(storedRun(twoThreads.run.runId)).toEqual(storedRun(oneThread.run.runId));
    });

    it('GIVEN a forced k THEN it is clustered on this thread alone: nothing is sent to a second worker', async () => {
      await upload('guild-a');
      const sent: number[][] = [];
      const outcome = await segmentDatasetOnTwoThreads(app.db, { ...request, k: 5 }, {
        fromCustomers: 0,
        elsewhere: async (matrix, ks, options) => {
          sent.push([...ks]);
          return kRunsInWorker(matrix, ks, options);
        },
      });
      expect(outcome).toMatchObject({ ok: true, run: { k: 5 } });
      expect(sent).toEqual([]);
    });

    it('GIVEN the second worker fails THEN its k values are run here and the run is still stored whole', async () => {
      await upload('guild-a');
      const twoThreads = await segmentDatasetOnTwoThreads(app.db, request, { fromCustomers: 0, elsewhere: () => Promise.reject(new Error('no thread')) });
      await upload('guild-b');
      const oneThread = segment('guild-b');
      if (!twoThreads.ok || !oneThread.ok) throw new Error('segmentation failed');
      expect(storedRun(twoThreads.run.runId)).toEqual(storedRun(oneThread.run.runId));
    });

    it('GIVEN the second worker never answers THEN it is stopped after the grace time and its k values are run here', async () => {
      await upload('guild-a');
      let aborted = false;
      const twoThreads = await segmentDatasetOnTwoThreads(app.db, request, {
        fromCustomers: 0,
        graceMs: 20,
        elsewhere: (_matrix, _ks, _options, signal) => {
          signal?.addEventListener('abort', () => (aborted = true));
          return new Promise(() => {});
        },
      });
      await upload('guild-b');
      const oneThread = segment('guild-b');
      if (!twoThreads.ok || !oneThread.ok) throw new Error('segmentation failed');
      expect(aborted).toBe(true);
      expect(storedRun(twoThreads.run.runId)).toEqual(storedRun(oneThread.run.runId));
    });

    it('GIVEN the k-means worker is aborted THEN it rejects at once', async () => {
      const stop = new AbortController();
      const matrix = { rows: 3, columns: 1, values: Float64Array.of(0, 1, 2) };
      const running = kRunsInWorker(matrix, [2], { seed: 1 }, stop.signal);
      stop.abort();
      await expect(running).rejects.toThrow(/aborted/);
    });

    it('GIVEN k values 3 to 8 THEN the second thread gets about half the work, and never all of it', () => {
      const [there, here] = kSplit([3, 4, 5, 6, 7, 8]);
      expect([...there, ...here].sort()).toEqual([3, 4, 5, 6, 7, 8]);
      const load = (ks: number[]) => ks.reduce((sum, k) => sum + k, 0);
      expect(Math.abs(load(there) - load(here))).toBeLessThanOrEqual(3);
      expect(kSplit([4])).toEqual([[], [4]]);
    });
  });
});
