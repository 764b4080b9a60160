import { describe, expect, it } from 'vitest';
import { chooseK, KEEP_K_SILHOUETTE_MARGIN, type KRun } from '../../src/segment/choose-k.js';
import { matchedClusters, previousCentroidsIn, type PreviousClustering } from '../../src/segment/continuity.js';
import { kmeansClustering } from '../../src/segment/kmeans.js';
import { namedSegments, type ClusterCentroid, type CustomerBase } from '../../src/segment/naming.js';
import { originalUnits, scaledPoint, scaledRfm, type ScalingParameters } from '../../src/segment/scaling.js';
import type { SegmentationResult } from '../../src/segment/segment-customers.js';
import type { RfmPoint } from '../../src/segment/types.js';
import { blobs } from './helpers/blobs.js';
import { personaTable, segmented } from './helpers/personas.js';
import { customer } from './helpers/sales.js';

/** A run's clustering as the next run reads it from the store. */
function previousOf(result: SegmentationResult, runId: number): PreviousClustering {
  return {
    runId,
    k: result.k!,
    scaling: result.scaling!,
    segments: result.segments.map(({ cluster, name, label, scaledCentroid }) => ({ cluster, name, label, scaledCentroid })),
  };
}

const labelsById = (result: SegmentationResult) => new Map(result.customers.map((row) => [row.customerId, row.segment]));

describe('previous centroids in a new scaling', () => {
  it('GIVEN one customer scaled with two different customer bases THEN its point in the old space maps onto its point in the new', () => {
    const shared = customer('shared', 17, 4, 812.5);
    const early = scaledRfm([shared, customer('a', 3, 9, 5000), customer('b', 200, 1, 30)]);
    const late = scaledRfm([shared, customer('c', 40, 2, 90), customer('d', 1, 20, 12_000), customer('e', 90, 1, 10)]);
    const oldPoint = Array.from(early.matrix.values.subarray(0, 3));
    const previous: PreviousClustering = {
      runId: 1, k: 1, scaling: early.parameters, segments: [{ cluster: 0, name: 'Need Attention', label: 'Need Attention', scaledCentroid: oldPoint }],
    };
    const [mapped] = previousCentroidsIn(previous, late.parameters);
    const expected = Array.from(late.matrix.values.subarray(0, 3));
    mapped!.forEach((value, column) => expect(value).toBeCloseTo(expected[column]!, 10));
    // The old scaled numbers themselves are elsewhere in the new space: the mapping is not the identity.
    expect(Math.abs(oldPoint[2]! - expected[2]!)).toBeGreaterThan(0.1);
  });

  it('GIVEN a point in original units THEN scaledPoint inverts originalUnits', () => {
    const scaling: ScalingParameters = { transform: 'log1p-zscore', measures: ['recencyDays', 'frequency', 'monetary'], means: [3.1, 1.2, 6.4], stds: [1.3, 0.7, 1.2] };
    const point: RfmPoint = { recencyDays: 30, frequency: 3, monetary: 700 };
    const back = originalUnits(scaledPoint(point, scaling), scaling);
    expect(back.recencyDays).toBeCloseTo(30, 9);
    expect(back.frequency).toBeCloseTo(3, 9);
    expect(back.monetary).toBeCloseTo(700, 7);
  });
});

describe('matching clusters to the previous run', () => {
  // Means of 3 keep every centroid above log1p(0), as a real run's are (log1p values are never negative).
  const scaling: ScalingParameters = { transform: 'log1p-zscore', measures: ['recencyDays', 'frequency', 'monetary'], means: [3, 3, 3], stds: [1, 1, 1] };
  const previous: PreviousClustering = {
    runId: 7,
    k: 3,
    scaling,
    segments: [
      { cluster: 0, name: 'Hibernating', label: 'Hibernating', scaledCentroid: [2, -1, -1] },
      { cluster: 1, name: 'Loyal Customers', label: 'Loyal Customers', scaledCentroid: [0, 1, 1] },
      { cluster: 2, name: 'Champions', label: 'Champions', scaledCentroid: [-1, 2, 2] },
    ],
  };
  const previousCentroids = previousCentroidsIn(previous, scaling);

  it('GIVEN a segment that disappeared THEN the two left are matched to their nearest and the third previous cluster is left over', () => {
    // Loyal Customers merged away: one cluster near Champions, one near Hibernating, listed in the other order.
    const matches = matchedClusters([[-0.9, 1.9, 2.1], [1.8, -1, -0.9]], previous, previousCentroids);
    expect(matches.map((match) => match.previousCluster)).toEqual([2, 0]);
    expect(matches.map((match) => match.preferred?.label)).toEqual(['Champions', 'Hibernating']);
    expect(matches[0]!.squaredDistance).toBeCloseTo(0.03, 10);
  });

  it('GIVEN a segment that appeared THEN the three old ones are matched and the newcomer is matched to none', () => {
    const matches = matchedClusters([[0.1, 1, 0.9], [2, -1, -1.1], [-2, -1, -1], [-1, 2.2, 2]], previous, previousCentroids);
    expect(matches.map((match) => match.previousCluster)).toEqual([1, 0, -1, 2]);
    expect(matches[2]).toEqual({ previousCluster: -1, squaredDistance: null, preferred: null });
  });

  it('GIVEN two new clusters both nearest to one old cluster THEN the assignment with the least total wins, not the greediest', () => {
    // A sits on Loyal Customers (0) and is 3 from Champions; B is 0.097 from Loyal and 4.18 from Champions. Greedy
    // closest-first gives Loyal to A and Champions to B (4.18 in all); the least total is A → Champions, B → Loyal (3.1).
    const matches = matchedClusters([[0, 1, 1], [0.18, 0.82, 0.82]], previous, previousCentroids);
    expect(matches.map((match) => match.previousCluster)).toEqual([2, 1]);
    expect(matches[0]!.squaredDistance! + matches[1]!.squaredDistance!).toBeCloseTo(3.0972, 9);
  });
});

describe('names carried over from the previous run', () => {
  const base: CustomerBase = {
    medians: { recencyDays: 51, frequency: 2, monetary: 674 },
    logSpreads: { recencyDays: 1.34, frequency: 0.68, monetary: 1.26 },
    rhythm: { customers: 4338, repeatCustomers: 2790, medianRepeatGapDays: 58.9, historyDays: 374 },
  };
  const atStanding = (r: number, f: number, m: number): RfmPoint => ({
    recencyDays: Math.expm1(Math.log1p(base.medians.recencyDays) - r * base.logSpreads.recencyDays),
    frequency: Math.expm1(Math.log1p(base.medians.frequency) + f * base.logSpreads.frequency),
    monetary: Math.expm1(Math.log1p(base.medians.monetary) + m * base.logSpreads.monetary),
  });
  const clusters = (...points: RfmPoint[]): ClusterCentroid[] => points.map((centroid, cluster) => ({ cluster, size: 100 - cluster, centroid, tenureDays: 300 }));

  it('GIVEN a cluster that would be named Champions afresh but was Loyal Customers and still fits it THEN it stays Loyal Customers', () => {
    const fresh = namedSegments(clusters(atStanding(0.8, 1, 1)), base);
    expect(fresh[0]!.label).toBe('Champions');
    const kept = namedSegments(clusters(atStanding(0.8, 1, 1)), base, [{ name: 'Loyal Customers', label: 'Loyal Customers' }]);
    expect(kept[0]).toMatchObject({ name: 'Loyal Customers', label: 'Loyal Customers' });
  });

  it('GIVEN a matched cluster whose profile no longer allows its old name THEN it is named afresh', () => {
    // Bought days ago: a current cluster can never be Hibernating, whatever it was called last week.
    const named = namedSegments(clusters(atStanding(1, 1, 1)), base, [{ name: 'Hibernating', label: 'Hibernating' }]);
    expect(named[0]!.label).toBe('Champions');
    // Far from the old prototype (squared distance above 1) is also not a fit.
    const far = namedSegments(clusters(atStanding(1, -1, -1)), base, [{ name: 'Loyal Customers', label: 'Loyal Customers' }]);
    expect(far[0]!.label).not.toBe('Loyal Customers');
    expect(far[0]!.label).toBe(namedSegments(clusters(atStanding(1, -1, -1)), base)[0]!.label);
  });

  it('GIVEN a kept numbered label THEN fresh labels stay unique around it', () => {
    const named = namedSegments(
      clusters(atStanding(1, 1, 1), atStanding(0.9, 1, 1), atStanding(0.95, 0.9, 1)),
      base,
      [null, { name: 'Champions', label: 'Champions 2' }, null],
    );
    const labels = named.map((segment) => segment.label);
    expect(labels[1]).toBe('Champions 2');
    expect(new Set(labels).size).toBe(3);
  });
});

describe('choosing k after a previous run', () => {
  const matrix = blobs([[0, 0], [5, 0], [0, 5], [5, 5]], 30, 1.2, 3);
  const runOf = (k: number, silhouette: number): KRun => ({
    clustering: kmeansClustering(matrix, k, { seed: 1, restarts: 2 }),
    silhouette: { value: silhouette, sampled: false, customers: matrix.rows },
  });
  const precomputed = (silhouettes: Record<number, number>) => Object.entries(silhouettes).map(([k, value]) => runOf(Number(k), value));

  it(`GIVEN another k better by no more than ${KEEP_K_SILHOUETTE_MARGIN} THEN the previous k is kept`, () => {
    const choice = chooseK(matrix, {
      seed: 1, kMin: 3, kMax: 5, precomputed: precomputed({ 3: 0.5, 4: 0.5 + KEEP_K_SILHOUETTE_MARGIN - 0.001, 5: 0.4 }),
      previous: { k: 3, centroids: [[0, 0], [5, 0], [2.5, 5]] },
    });
    expect(choice.k).toBe(3);
    expect(choice.previous).toEqual({ k: 3, decision: 'kept', warmStarted: true });
  });

  it('GIVEN another k better by more than the margin THEN k changes to the best', () => {
    const choice = chooseK(matrix, {
      seed: 1, kMin: 3, kMax: 5, precomputed: precomputed({ 3: 0.5, 4: 0.5 + KEEP_K_SILHOUETTE_MARGIN + 0.001, 5: 0.4 }),
      previous: { k: 3, centroids: [[0, 0], [5, 0], [2.5, 5]] },
    });
    expect(choice.k).toBe(4);
    expect(choice.previous).toEqual({ k: 3, decision: 'changed', warmStarted: false });
  });

  it('GIVEN a forced k THEN it wins over the previous k, whatever the silhouettes', () => {
    const choice = chooseK(matrix, {
      seed: 1, kMin: 3, kMax: 5, forcedK: 5, precomputed: precomputed({ 3: 0.5, 4: 0.45, 5: 0.1 }),
      previous: { k: 3, centroids: [[0, 0], [5, 0], [2.5, 5]] },
    });
    expect(choice.k).toBe(5);
    expect(choice.previous?.decision).toBe('forced');
  });

  it('GIVEN a forced k equal to the previous k THEN that k alone is clustered, from the previous centroids', () => {
    const previous = { k: 4, centroids: [[0.2, 0.1], [5, 0.1], [0, 4.9], [5.1, 5]] };
    const choice = chooseK(matrix, { seed: 1, kMin: 3, kMax: 8, forcedK: 4, previous });
    expect(choice.previous).toEqual({ k: 4, decision: 'forced', warmStarted: true });
    expect(choice.candidates.map((candidate) => candidate.k)).toEqual([4]);
    expect(choice.clustering).toEqual(chooseK(matrix, { seed: 1, kMin: 3, kMax: 8, previous }).clustering);
    expect(choice.clustering.iterations).toBeLessThanOrEqual(5);
  });

  it('GIVEN the previous centroids THEN k-means at that k starts from them: one start there gives its clusters', () => {
    const choice = chooseK(matrix, { seed: 1, kMin: 4, kMax: 4, previous: { k: 4, centroids: [[0.2, 0.1], [5, 0.1], [0, 4.9], [5.1, 5]] } });
    expect(choice.previous?.warmStarted).toBe(true);
    expect(choice.clustering.sizes).toEqual([30, 30, 30, 30]);
    // One Lloyd descent, not ten restarts of k-means++: only a few iterations.
    expect(choice.clustering.iterations).toBeLessThanOrEqual(5);
  });
});

describe('segmentCustomers after a previous run', () => {
  it('GIVEN the same customers again with another seed THEN k is kept, k-means starts from the old centroids and every customer keeps segment and name', () => {
    const table = personaTable();
    const first = segmented(table, { seed: 42, restarts: 3 });
    const second = segmented(table, { seed: 99, restarts: 3, previous: previousOf(first, 1) });
    expect(second.k).toBe(first.k);
    expect(second.continuity).toMatchObject({ previousRunId: 1, previousK: first.k, kDecision: 'kept', warmStarted: true, unmatchedPrevious: [] });
    expect(second.continuity!.matches.every((match) => match.nameKept && match.previousLabel === match.label)).toBe(true);
    expect(labelsById(second)).toEqual(labelsById(first));
    second.segments.forEach((segment, cluster) => {
      segment.scaledCentroid.forEach((value, column) => expect(value).toBeCloseTo(first.segments[cluster]!.scaledCentroid[column]!, 9));
    });
  });

  it('GIVEN the same customers with 20 more champions THEN the scaling moves, yet k and every earlier customer\'s segment stay', () => {
    const first = segmented(personaTable(1), { seed: 42, restarts: 3 });
    const later = personaTable(1, 20);
    const second = segmented(later, { seed: 42, restarts: 3, previous: previousOf(first, 1) });
    expect(second.scaling!.means).not.toEqual(first.scaling!.means);
    expect(second.continuity?.kDecision).toBe('kept');
    const before = labelsById(first);
    const kept = second.customers.filter((row) => before.has(row.customerId) && before.get(row.customerId) === row.segment).length;
    expect(kept).toBe(before.size);
  });

  it('GIVEN a forced smaller k THEN it is used, every new cluster is matched and one previous segment disappears', () => {
    const table = personaTable();
    const first = segmented(table, { seed: 42, restarts: 3 });
    expect(first.k).toBe(4);
    const second = segmented(table, { seed: 42, restarts: 3, k: 3, previous: previousOf(first, 5) });
    expect(second.k).toBe(3);
    expect(second.continuity).toMatchObject({ previousK: 4, kDecision: 'forced', warmStarted: false });
    expect(second.continuity!.matches.every((match) => match.previousCluster !== null)).toBe(true);
    expect(second.continuity!.unmatchedPrevious).toHaveLength(1);
    const labels = second.segments.map((segment) => segment.label);
    expect(new Set(labels).size).toBe(3);
  });

  it('GIVEN a previous run forced to 3 clusters of four clear personas THEN k changes to 4, one segment appears and the others keep their names', () => {
    const table = personaTable();
    const forced = segmented(table, { seed: 42, restarts: 3, k: 3 });
    const free = segmented(table, { seed: 42, restarts: 3 });
    const silhouette = (result: SegmentationResult, k: number) => result.candidates.find((candidate) => candidate.k === k)!.silhouette;
    expect(silhouette(free, 4) - silhouette(free, 3)).toBeGreaterThan(KEEP_K_SILHOUETTE_MARGIN);
    const second = segmented(table, { seed: 42, restarts: 3, previous: previousOf(forced, 2) });
    expect(second.k).toBe(4);
    expect(second.continuity).toMatchObject({ previousK: 3, kDecision: 'changed', warmStarted: false, unmatchedPrevious: [] });
    const unmatched = second.continuity!.matches.filter((match) => match.previousCluster === null);
    expect(unmatched).toHaveLength(1);
    const matched = second.continuity!.matches.filter((match) => match.previousCluster !== null);
    expect(matched.filter((match) => match.nameKept).length).toBeGreaterThanOrEqual(2);
    expect(new Set(second.segments.map((segment) => segment.label)).size).toBe(4);
  });
});
