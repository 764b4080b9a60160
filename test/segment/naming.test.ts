import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLUSTER_SEGMENTS, namedSegments, type ClusterCentroid, type ClusterSegmentName, type CustomerBase } from '../../src/segment/naming.js';
import type { RfmPoint } from '../../src/segment/types.js';

const base: CustomerBase = {
  medians: { recencyDays: 51, frequency: 2, monetary: 674 },
  logSpreads: { recencyDays: 1.34, frequency: 0.68, monetary: 1.26 },
};

/** The centroid whose standings (spreads better than the median customer) are r, f, m. */
function atStanding(r: number, f: number, m: number): RfmPoint {
  return {
    recencyDays: Math.expm1(Math.log1p(base.medians.recencyDays) - r * base.logSpreads.recencyDays),
    frequency: Math.expm1(Math.log1p(base.medians.frequency) + f * base.logSpreads.frequency),
    monetary: Math.expm1(Math.log1p(base.medians.monetary) + m * base.logSpreads.monetary),
  };
}

const clusters = (...centroids: RfmPoint[]): ClusterCentroid[] => centroids.map((centroid, cluster) => ({ cluster, size: 100 - cluster, centroid }));

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
    const oneTimers: CustomerBase = { medians: { recencyDays: 60, frequency: 1, monetary: 80 }, logSpreads: { recencyDays: 1.5, frequency: 0.5, monetary: 1 } };
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
});
