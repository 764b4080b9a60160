import { describe, expect, it } from 'vitest';
import { compareReply } from '../../../src/app/replies/compare-reply.js';
import { continuityLine, segmentsReply } from '../../../src/app/replies/segments-reply.js';
import type { RunView } from '../../../src/app/segments/segment-views.js';
import type { RunComparison } from '../../../src/app/segments/compare-runs.js';
import { runMigration } from '../../../src/insights/migration.js';
import { namedMovements } from '../../../src/insights/named-movements.js';
import type { RunContinuity } from '../../../src/segment/continuity.js';
import { migrationChart } from '../../../src/app/segments/compare-overview.js';
import { RETURNED_EVERYTHING } from '../../../src/segment/returned-everything.js';

const match = (cluster: number, label: string, previousLabel: string | null) => ({
  cluster, label, previousCluster: previousLabel === null ? null : cluster, previousLabel, squaredDistance: previousLabel === null ? null : 0.01, nameKept: label === previousLabel,
});
const changed: RunContinuity = {
  previousRunId: 12, previousK: 3, kDecision: 'changed', warmStarted: false,
  matches: [match(0, 'Hibernating', 'Hibernating'), match(1, 'Loyal Customers', 'Loyal Customers'), match(2, 'Champions', 'Champions'), match(3, 'Promising', null)],
  unmatchedPrevious: [],
};

describe('how a run followed on from the previous one', () => {
  it('GIVEN k changed THEN the sentence says from what, to what and why, in both languages', () => {
    expect(continuityLine(changed, 4, 'en')).toBe(
      'k changed from 3 to 4 since run #12: another number of clusters fits these customers clearly better (silhouette higher by more than 0.02), so the segments were regrouped; 3 of 4 kept their names.',
    );
    expect(continuityLine(changed, 4, 'id')).toBe(
      'k berubah dari 3 menjadi 4 sejak run #12: jumlah klaster lain jauh lebih cocok untuk pelanggan ini (silhouette lebih tinggi lebih dari 0,02), jadi segmen dikelompokkan ulang; 3 dari 4 tetap bernama sama.',
    );
  });

  it('GIVEN a forced k or a kept one THEN the sentence says so', () => {
    expect(continuityLine({ ...changed, kDecision: 'forced' }, 4, 'en')).toBe('k set to 4 by the k option (run #12 had 3); 3 of 4 segments kept their names.');
    const kept: RunContinuity = { ...changed, previousK: 4, kDecision: 'kept', warmStarted: true };
    expect(continuityLine(kept, 4, 'en')).toBe('Same 4 clusters as run #12, refined from its centroids; 3 of 4 segments kept their names.');
  });

  it('GIVEN /segments of a run whose k changed THEN its summary says so; a run that kept k and names says nothing more', () => {
    const view = (continuity: RunContinuity | null): RunView => ({
      runId: 13, dataset: 'shop', lens: 'clusters', method: 'kmeans', k: 4, silhouette: 0.4, silhouetteSampled: false, convention: 'net',
      asOf: '2011-12-10T00:00:00', createdAt: '2026-01-01T00:00:00', customers: 0, fallback: null, candidates: [], rhythm: null, segments: [], continuity,
    });
    expect(segmentsReply(view(changed), 'en').text).toContain('k changed from 3 to 4 since run #12');
    expect(segmentsReply(view(changed), 'id').text).toContain('k berubah dari 3 menjadi 4 sejak run #12');
    const allKept: RunContinuity = { ...changed, previousK: 4, kDecision: 'kept', matches: changed.matches.map((m) => ({ ...m, previousLabel: m.label, nameKept: true })) };
    expect(segmentsReply(view(allKept), 'en').text).not.toMatch(/run #12/);
    expect(segmentsReply(view(null), 'en').text).not.toMatch(/run #/);
  });
});

describe('compareReply', () => {
  const migration = runMigration(
    [
      { customerId: 'a', segment: 'Champions', monetary: 1000 },
      { customerId: 'b', segment: 'Champions', monetary: 900.123 },
      { customerId: 'c', segment: 'Hibernating', monetary: 10 },
    ],
    [
      { customerId: 'a', segment: 'Champions', monetary: 1200 },
      { customerId: 'b', segment: 'At Risk', monetary: 900.123 },
      { customerId: 'd', segment: 'Promising', monetary: 40 },
    ],
  );
  const comparison: RunComparison = {
    dataset: { datasetId: 1, guildId: 'g', name: 'shop', kind: 'transactions', createdAt: '2026-01-01T00:00:00Z', currency: null },
    from: { id: 12, asOf: '2011-11-30T00:00:00', k: 3, method: 'kmeans', convention: 'net', createdAt: '2026-01-01T00:00:00Z' },
    to: { id: 13, asOf: '2011-12-10T00:00:00', k: 4, method: 'kmeans', convention: 'net', createdAt: '2026-01-08T00:00:00Z' },
    migration,
    movements: namedMovements(migration),
    continuity: changed,
  };

  it('GIVEN a comparison THEN the summary counts stayers, newcomers and the gone, the k change, and names the downgrade', () => {
    const reply = compareReply(comparison, 'en');
    expect(reply.text.split('\n')).toEqual([
      'Segments of **shop**: run #12 (as of 2011-11-30) → run #13 (as of 2011-12-10)',
      continuityLine(changed, 4, 'en'),
      '2 customers in both runs: 1 (50%) kept their segment',
      '1 customer new since the earlier run · 1 customer no longer in the data',
      'The flow chart is not drawn here (no chart renderer); `--json` has every move.',
    ]);
    const fields = reply.embeds![0]!.fields!;
    expect(fields[0]).toEqual({ name: 'Champions', value: '2 → 1 customers (−1)\nrevenue 1,900.12 → 1,200.00 (−700.12)', inline: true });
    expect(fields.at(-1)).toEqual({ name: 'Movements that matter', value: '🔻 Champions → At Risk: 1 customer, 900.12' });
    expect(reply.data).toMatchObject({ moves: expect.arrayContaining([{ from: 'Champions', to: 'At Risk', customers: 1, revenue: 900.12 }]) });
  });

  it('GIVEN a chart THEN it is the embed image and no apology is printed; Indonesian reads Indonesian', () => {
    const chart = { name: 'segment-migration.png', data: Buffer.from('png'), contentType: 'image/png' as const };
    const reply = compareReply(comparison, 'id', [chart]);
    expect(reply.embeds![0]!.image).toBe('segment-migration.png');
    expect(reply.files).toEqual([chart]);
    expect(reply.text).not.toMatch(/perender/);
    expect(reply.text).toContain('2 pelanggan ada di kedua run: 1 (50%) tetap di segmennya');
    expect(reply.embeds![0]!.fields![0]!.value).toBe('2 → 1 pelanggan (−1)\npendapatan 1.900,12 → 1.200,00 (−700,12)');
  });
});

describe('the migration chart of a comparison', () => {
  it('GIVEN customers who returned everything THEN the Indonesian chart names them in Indonesian, in the same colour as in English', () => {
    const migration = runMigration(
      [{ customerId: 'a', segment: 'Champions', monetary: 100 }, { customerId: 'b', segment: RETURNED_EVERYTHING, monetary: 0 }],
      [{ customerId: 'a', segment: 'Champions', monetary: 120 }, { customerId: 'b', segment: RETURNED_EVERYTHING, monetary: 0 }],
    );
    const comparison = { from: { asOf: null }, to: { asOf: null }, migration } as unknown as RunComparison;
    const labelsOf = (locale: 'en' | 'id') => Object.values((migrationChart(comparison, locale).data.datasets[0] as unknown as { labels: Record<string, string> }).labels).join('\n');
    expect(labelsOf('id')).toContain('Mengembalikan semua');
    expect(labelsOf('id')).not.toContain('Returned everything');
    expect(labelsOf('en')).toContain('Returned everything');
    const flowColour = (locale: 'en' | 'id') =>
      ((migrationChart(comparison, locale).data.datasets[0] as unknown as { data: { to: string; toColor: string }[] }).data.find((flow) => flow.to.endsWith(locale === 'id' ? 'Mengembalikan semua' : RETURNED_EVERYTHING))!).toColor;
    expect(flowColour('id')).toBe(flowColour('en'));
  });
});
