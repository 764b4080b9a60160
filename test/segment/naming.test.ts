import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLUSTER_SEGMENTS, namedSegments, timeYardstick, type ClusterCentroid, type ClusterSegmentName, type CustomerBase,
} from '../../src/segment/naming.js';
import type { PurchaseRhythm } from '../../src/segment/purchase-rhythm.js';
import type { RfmPoint } from '../../src/segment/types.js';

/** UCI Online Retail (gross): medians, log spreads and purchase rhythm. */
const base: CustomerBase = {
  medians: { recencyDays: 51, frequency: 2, monetary: 674 },
  logSpreads: { recencyDays: 1.34, frequency: 0.68, monetary: 1.26 },
  rhythm: { customers: 4338, repeatCustomers: 2790, medianRepeatGapDays: 58.9, historyDays: 374 },
};
const LAPSED_NAMES: readonly ClusterSegmentName[] = ["Can't Lose Them", 'At Risk', 'Hibernating'];

/** The centroid whose standings (spreads better than the median customer) are r, f, m. */
function atStanding(r: number, f: number, m: number): RfmPoint {
  return {
    recencyDays: Math.expm1(Math.log1p(base.medians.recencyDays) - r * base.logSpreads.recencyDays),
    frequency: Math.expm1(Math.log1p(base.medians.frequency) + f * base.logSpreads.frequency),
    monetary: Math.expm1(Math.log1p(base.medians.monetary) + m * base.logSpreads.monetary),
  };
}

/** Clusters of long-standing customers, except one-time buyers, whose first order is their last. */
const clusters = (...centroids: RfmPoint[]): ClusterCentroid[] =>
  centroids.map((centroid, cluster) => ({ cluster, size: 100 - cluster, centroid, tenureDays: centroid.frequency < 1.5 ? centroid.recencyDays : 300 }));

describe('namedSegments', () => {
  it('GIVEN one centroid on each prototype THEN each gets its own name', () => {
    const prototypes: Record<ClusterSegmentName, [number, number, number]> = {
      Champions: [1.2, 1.5, 1.4],
      'Loyal Customers': [0, 1, 1],
      'Big Spenders': [0, 0, 1.3],
      'Potential Loyalists': [1, 0.5, 0.5],
      Promising: [1, -0.5, 0],
      'New Customers': [1.1, -1, -1],
      'Need Attention': [0, 0, 0],
      "Can't Lose Them": [-1, 1, 1],
      'At Risk': [-1, 0.5, 0.5],
      'About To Sleep': [0, -1, -1],
      Hibernating: [-1.5, -1, -1.2],
    };
    const names = Object.keys(prototypes) as ClusterSegmentName[];
    const named = namedSegments(clusters(...names.map((name) => atStanding(...prototypes[name]))), base);
    expect(named.map((segment) => segment.name)).toEqual(names);
    expect(named.map((segment) => segment.label)).toEqual(names);
    expect(new Set(names)).toEqual(new Set(CLUSTER_SEGMENTS));
    expect(named.find((segment) => segment.name === 'Champions')?.rank).toBe(1);
    expect(named.find((segment) => segment.name === 'Hibernating')?.rank).toBe(11);
  });

  it('GIVEN a typical marketing base THEN names, ranks and explanations read as expected', () => {
    const named = namedSegments(
      clusters(
        { recencyDays: 128, frequency: 1.3, monetary: 274 },
        { recencyDays: 28, frequency: 3.1, monetary: 962 },
        { recencyDays: 9, frequency: 10.7, monetary: 4282 },
      ),
      base,
    );
    expect(named.map(({ name, rank }) => [name, rank])).toEqual([
      ['Hibernating', 3],
      ['Potential Loyalists', 2],
      ['Champions', 1],
    ]);
    expect(named[2]!.explanation).toEqual({
      en: 'last bought 9 days ago vs 51 days for the typical customer; 11 orders vs 2; spends 4,282 vs 674 (6.4×)',
      id: 'terakhir belanja 9 hari lalu vs 51 hari untuk pelanggan pada umumnya; 11 pesanan vs 2; belanja 4.282 vs 674 (6,4×)',
    });
    expect(named[0]!.explanation.en).toBe('last bought 128 days ago vs 51 days for the typical customer; 1.3 orders vs 2; spends 274 vs 674 (0.4×)');
  });

  it('GIVEN two champion-like clusters THEN the more extreme keeps the name and the other gets the nearest good fit', () => {
    const named = namedSegments(clusters(atStanding(1.5, 3, 2.2), atStanding(1.2, 1.4, 0.9), atStanding(-1, -1, -1)), base);
    expect(named.map((segment) => segment.label)).toEqual(['Champions', 'Potential Loyalists', 'Hibernating']);
    expect(named.map((segment) => segment.rank)).toEqual([1, 2, 3]);
  });

  it('GIVEN four clusters that all look like champions THEN the one no free name fits shares the nearest name with a number', () => {
    const named = namedSegments(clusters(atStanding(1.5, 3, 2.2), atStanding(1.4, 2, 1.5), atStanding(1.2, 1.4, 1.2), atStanding(1.1, 1.1, 1.3)), base);
    expect(named.map((segment) => segment.label)).toEqual(['Champions', 'Potential Loyalists', 'Loyal Customers', 'Champions 2']);
    expect(named[3]!.name).toBe('Champions');
    expect(named[3]!.rank).toBe(4);
  });

  it('GIVEN a shop where most customers bought once THEN recent one-time buyers are still New Customers', () => {
    const oneTimers: CustomerBase = {
      medians: { recencyDays: 60, frequency: 1, monetary: 80 }, logSpreads: { recencyDays: 1.5, frequency: 0.5, monetary: 1 },
      rhythm: { customers: 1000, repeatCustomers: 400, medianRepeatGapDays: 45, historyDays: 400 },
    };
    const named = namedSegments(
      clusters({ recencyDays: 5, frequency: 1, monetary: 30 }, { recencyDays: 20, frequency: 4, monetary: 400 }, { recencyDays: 300, frequency: 1, monetary: 25 }),
      oneTimers,
    );
    expect(named.map((segment) => segment.name)).toEqual(['New Customers', 'Champions', 'Hibernating']);
  });

  it('GIVEN net spend at or below zero THEN the explanation shows it without a misleading ratio', () => {
    const [segment] = namedSegments(clusters({ recencyDays: 100, frequency: 1, monetary: -12.5 }), base);
    expect(segment!.explanation.en).toBe('last bought 100 days ago vs 51 days for the typical customer; 1 order vs 2; spends -12.5 vs 674');
    const [tiny] = namedSegments(clusters({ recencyDays: 1, frequency: 1, monetary: 0.82 }), base);
    expect(tiny!.explanation.en).toContain('spends 0.82 vs 674 (<0.1×)');
    expect(tiny!.explanation.en).toContain('last bought 1 day ago');
  });

  it('PROPERTY: labels are unique, ranks are 1…k, and input order does not change any cluster\'s name', () => {
    const standing = fc.double({ min: -2, max: 3, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(standing, standing, standing), { minLength: 1, maxLength: 14 }), (points) => {
        const input = clusters(...points.map(([r, f, m]) => atStanding(r, f, m)));
        const named = namedSegments(input, base);
        expect(new Set(named.map((segment) => segment.label)).size).toBe(input.length);
        expect(named.map((segment) => segment.rank).sort((a, b) => a - b)).toEqual(input.map((_, i) => i + 1));
        expect(named.every((segment) => CLUSTER_SEGMENTS.includes(segment.name))).toBe(true);
        const reversed = namedSegments([...input].reverse(), base);
        expect([...reversed].reverse()).toEqual(named);
      }),
    );
  });

  it('PROPERTY: lapsed clusters only take lapsed names, current ones never do, and New Customers are new', () => {
    const { gapDays, lapsedAfterDays } = timeYardstick(base.rhythm);
    const standing = fc.double({ min: -2, max: 3, noNaN: true });
    const tenure = fc.integer({ min: 0, max: 374 });
    fc.assert(
      fc.property(fc.array(fc.tuple(standing, standing, standing, tenure), { minLength: 1, maxLength: 14 }), (points) => {
        const input = points.map(([r, f, m, days], cluster) => {
          const centroid = atStanding(r, f, m);
          return { cluster, size: 50, centroid, tenureDays: Math.max(days, centroid.recencyDays) };
        });
        namedSegments(input, base).forEach((segment, i) => {
          const { centroid, tenureDays } = input[i]!;
          if (centroid.recencyDays > lapsedAfterDays) expect(LAPSED_NAMES).toContain(segment.name);
          if (centroid.recencyDays <= gapDays) expect(LAPSED_NAMES).not.toContain(segment.name);
          if (segment.name === 'New Customers') expect(tenureDays).toBeLessThanOrEqual(gapDays);
        });
      }),
    );
  });
});

describe('namedSegments in absolute time', () => {
  /** The CDNOW sample (k = 3, net): half the customers bought once in early 1997 and never came back. */
  const cdnow: CustomerBase = {
    medians: { recencyDays: 474, frequency: 1, monetary: 43.11 },
    logSpreads: { recencyDays: 0.9946, frequency: 0.5777, monetary: 1.1029 },
    rhythm: { customers: 2349, repeatCustomers: 1139, medianRepeatGapDays: 79, historyDays: 546 },
  };
  const cdnowClusters: ClusterCentroid[] = [
    { cluster: 0, size: 1365, centroid: { recencyDays: 487.5, frequency: 1.108, monetary: 23.75 }, tenureDays: 503 },
    { cluster: 1, size: 677, centroid: { recencyDays: 234.3, frequency: 3.114, monetary: 103.12 }, tenureDays: 505 },
    { cluster: 2, size: 307, centroid: { recencyDays: 34.7, frequency: 7.815, monetary: 265.4 }, tenureDays: 510 },
  ];

  it('GIVEN a base whose median customer is lapsed (CDNOW) THEN the cluster silent for 6 gaps is Hibernating, not About To Sleep', () => {
    const named = namedSegments(cdnowClusters, cdnow);
    expect(named.map((segment) => segment.label)).toEqual(['Hibernating', 'Potential Loyalists', 'Champions']);
    expect(named.map((segment) => segment.rank)).toEqual([3, 2, 1]);
    expect(named[0]!.explanation).toEqual({
      en: "last bought 488 days ago vs 474 days for the typical customer; 1.1 orders vs 1; spends 23.75 vs 43.11 (0.6×); silent 6.2× the usual 79 days between a repeat customer's orders",
      id: 'terakhir belanja 488 hari lalu vs 474 hari untuk pelanggan pada umumnya; 1,1 pesanan vs 1; belanja 23,75 vs 43,11 (0,6×); tidak belanja selama 6,2× jeda biasa 79 hari antar pesanan pelanggan yang kembali',
    });
    expect(named[1]!.explanation.en).not.toContain('silent');
  });

  it('GIVEN lapsed clusters of different value THEN they take At Risk, Can\'t Lose Them or Hibernating by frequency and spend', () => {
    const named = namedSegments(
      [
        { cluster: 0, size: 900, centroid: { recencyDays: 480, frequency: 1, monetary: 20 }, tenureDays: 480 },
        { cluster: 1, size: 300, centroid: { recencyDays: 470, frequency: 2.2, monetary: 90 }, tenureDays: 520 },
        { cluster: 2, size: 100, centroid: { recencyDays: 460, frequency: 6, monetary: 400 }, tenureDays: 530 },
        { cluster: 3, size: 300, centroid: { recencyDays: 30, frequency: 5, monetary: 250 }, tenureDays: 520 },
      ],
      cdnow,
    );
    expect(named.map((segment) => segment.label)).toEqual(['Hibernating', 'At Risk', "Can't Lose Them", 'Champions']);
  });

  it('GIVEN few customers who ever came back THEN lapsed means silent for more than a year', () => {
    const rhythm: PurchaseRhythm = { customers: 1000, repeatCustomers: 40, medianRepeatGapDays: 20, historyDays: 700 };
    expect(timeYardstick(rhythm)).toEqual({ gapDays: 365 / 3, measured: false, lapsedAfterDays: 365 });
    const oneTimers: CustomerBase = { medians: { recencyDays: 380, frequency: 1, monetary: 50 }, logSpreads: { recencyDays: 0.8, frequency: 0.2, monetary: 1 }, rhythm };
    const named = namedSegments(
      [
        { cluster: 0, size: 500, centroid: { recencyDays: 400, frequency: 1, monetary: 30 }, tenureDays: 400 },
        { cluster: 1, size: 300, centroid: { recencyDays: 200, frequency: 1, monetary: 30 }, tenureDays: 200 },
        { cluster: 2, size: 200, centroid: { recencyDays: 20, frequency: 1.4, monetary: 120 }, tenureDays: 300 },
      ],
      oneTimers,
    );
    expect(named[0]!.name).toBe('Hibernating');
    expect(named[0]!.explanation.en).toMatch(/; silent for over a year, and few customers ever order twice$/);
    expect(LAPSED_NAMES).not.toContain(named[2]!.name);
    expect(named[2]!.name).not.toBe('New Customers');
  });

  it('GIVEN a base where almost everyone bought recently THEN the least recent cluster, still within one gap, is About To Sleep, not Hibernating', () => {
    const fresh: CustomerBase = {
      medians: { recencyDays: 6, frequency: 2, monetary: 80 }, logSpreads: { recencyDays: 0.9, frequency: 0.5, monetary: 1 },
      rhythm: { customers: 500, repeatCustomers: 300, medianRepeatGapDays: 20, historyDays: 60 },
    };
    const named = namedSegments(
      [
        { cluster: 0, size: 200, centroid: { recencyDays: 2, frequency: 5, monetary: 300 }, tenureDays: 55 },
        { cluster: 1, size: 150, centroid: { recencyDays: 1, frequency: 1, monetary: 40 }, tenureDays: 1 },
        { cluster: 2, size: 150, centroid: { recencyDays: 18, frequency: 1.2, monetary: 35 }, tenureDays: 50 },
      ],
      fresh,
    );
    expect(named.map((segment) => segment.label)).toEqual(['Champions', 'New Customers', 'About To Sleep']);
    expect(named.every((segment) => !segment.explanation.en.includes('silent'))).toBe(true);
  });

  it('GIVEN recent, low-spending customers whose first order was long ago THEN they are not New Customers', () => {
    const named = namedSegments(
      [
        { cluster: 0, size: 300, centroid: { recencyDays: 5, frequency: 1.3, monetary: 60 }, tenureDays: 300 },
        { cluster: 1, size: 200, centroid: { recencyDays: 5, frequency: 1, monetary: 60 }, tenureDays: 5 },
      ],
      base,
    );
    expect(named[0]!.name).not.toBe('New Customers');
    expect(named[1]!.name).toBe('New Customers');
  });
});
