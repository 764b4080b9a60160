import { describe, expect, it } from 'vitest';
import { RETURNED_EVERYTHING } from '../../src/segment/returned-everything.js';
import { PERSONAS_AS_OF, personaTable, segmented } from './helpers/personas.js';
import { customer, DAY_MS, JAN_1 } from './helpers/sales.js';

const AS_OF = PERSONAS_AS_OF;

describe('segmentCustomers', () => {
  it('GIVEN four personas THEN k-means finds them and names them', () => {
    const table = personaTable();
    const result = segmented(table, { seed: 42, restarts: 3 });
    expect(result).toMatchObject({ method: 'kmeans', fallback: null, k: 4, forcedK: false, asOf: AS_OF, convention: 'gross', seed: 42, silhouetteSampled: false });
    expect(result.candidates.map((candidate) => candidate.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(result.scaling?.measures).toEqual(['recencyDays', 'frequency', 'monetary']);
    expect(result.segments.map((segment) => segment.size)).toEqual([80, 50, 40, 30]);

    const segmentOf = (prefix: string) => new Set(result.customers.filter((row) => row.customerId.startsWith(prefix)).map((row) => row.segment));
    expect(segmentOf('champion')).toEqual(new Set(['Champions']));
    expect(segmentOf('sleeper')).toEqual(new Set(['Hibernating']));
    expect(segmentOf('newcomer')).toEqual(new Set(['New Customers']));
    expect(segmentOf('regular')).toEqual(new Set(['Loyal Customers']));
    expect(result.segments.find((segment) => segment.name === 'Champions')?.rank).toBe(1);
  });

  it('THEN every customer row agrees with its cluster, and the run replays from its seed', () => {
    const table = personaTable();
    const before = structuredClone(table);
    const result = segmented(table, { seed: 7, restarts: 2 });
    expect(table).toEqual(before);
    for (const row of result.customers) {
      const segment = result.segments[row.cluster!]!;
      expect(row.segment).toBe(segment.label);
      expect(row.rank).toBe(segment.rank);
      expect(row.gridSegment).toBeTypeOf('string');
    }
    expect(segmented(table, { seed: 7, restarts: 2 })).toEqual(result);
    for (const segment of result.segments) {
      expect(segment.centroid.recencyDays).toBeCloseTo(Math.expm1(segment.scaledCentroid[0]! * result.scaling!.stds[0]! + result.scaling!.means[0]!), 9);
    }
  });

  it('GIVEN a forced k THEN it is used, and it is the one candidate: no other k is clustered', () => {
    const result = segmented(personaTable(), { seed: 42, k: 6, restarts: 2 });
    expect(result).toMatchObject({ k: 6, forcedK: true });
    expect(new Set(result.segments.map((segment) => segment.label)).size).toBe(6);
    expect(result.candidates.map((candidate) => candidate.k)).toEqual([6]);
    const automatic = segmented(personaTable(), { seed: 42, restarts: 2 });
    expect(result.candidates).toEqual(automatic.candidates.filter((candidate) => candidate.k === 6));
  });

  it('GIVEN customers whose net spend is at or below zero THEN k-means leaves them out and they form a group of their own', () => {
    const table = personaTable();
    // Bought and returned it all (Online Retail's 12346), or returned more than the file shows them buying.
    const returners = [
      { ...customer('returner-0', 326, 1, 0), lastPurchase: AS_OF - 326 * DAY_MS, firstPurchase: AS_OF - 326 * DAY_MS, tenureDays: 326 },
      { ...customer('returner-1', 3, 1, 0), lastPurchase: AS_OF - 3 * DAY_MS, firstPurchase: AS_OF - 3 * DAY_MS, tenureDays: 3 },
      { ...customer('returner-2', 40, 2, -35.5), lastPurchase: AS_OF - 40 * DAY_MS, firstPurchase: JAN_1, tenureDays: 400 },
    ];
    const withReturners = { ...table, convention: 'net' as const, customers: [...table.customers, ...returners] };
    const result = segmented(withReturners, { seed: 42, restarts: 3 });
    const without = segmented({ ...table, convention: 'net' }, { seed: 42, restarts: 3 });

    expect(result.scaling).toEqual(without.scaling);
    expect(result.segments.map(({ size, centroid }) => ({ size, centroid }))).toEqual(without.segments.map(({ size, centroid }) => ({ size, centroid })));
    expect(result.segments.reduce((sum, segment) => sum + segment.size, 0)).toBe(table.customers.length);
    const rows = result.customers.filter((row) => row.customerId.startsWith('returner'));
    expect(rows.map(({ cluster, segment, rank }) => ({ cluster, segment, rank }))).toEqual(Array(3).fill({ cluster: null, segment: RETURNED_EVERYTHING, rank: null }));
    // The grid lens keeps them where their R and F put them.
    expect(rows.map((row) => row.gridSegment)).toEqual(['Hibernating', 'New Customers', 'Loyal Customers']);
    expect(result.customers.filter((row) => row.segment !== RETURNED_EVERYTHING).every((row) => row.cluster !== null)).toBe(true);
  });

  it('GIVEN fewer than 10 × kMin customers THEN it falls back to the grid with a reason', () => {
    const table = personaTable();
    const small = { ...table, customers: table.customers.slice(0, 29) };
    const result = segmented(small, { seed: 1 });
    expect(result).toMatchObject({ method: 'grid', fallback: { reason: 'too_few_customers', details: { customers: 29, minimum: 30 } }, k: null, segments: [], scaling: null });
    expect(result.customers).toHaveLength(29);
    expect(result.customers.every((row) => row.cluster === null && row.segment === null && row.gridSegment.length > 0)).toBe(true);
    expect(segmented({ ...table, customers: [] }, { seed: 1 }).fallback?.reason).toBe('too_few_customers');
  });

  it('GIVEN every purchase on one day THEN it falls back to the grid', () => {
    const customers = Array.from({ length: 40 }, (_, i) => ({ ...customer(String(i), 0, 1 + (i % 4), 10 * (i + 1)), firstPurchase: JAN_1, lastPurchase: JAN_1 + 3_600_000 }));
    const result = segmented({ asOf: JAN_1 + DAY_MS, convention: 'net', customers }, { seed: 1 });
    expect(result.fallback).toEqual({ reason: 'single_purchase_date', details: { purchaseDays: 1 } });
  });

  it('GIVEN fewer distinct customers than clusters THEN it falls back to the grid', () => {
    const customers = Array.from({ length: 40 }, (_, i) => customer(String(i), i % 2 === 0 ? 5 : 50, 1, 100));
    const result = segmented({ asOf: AS_OF, convention: 'gross', customers }, { seed: 1 });
    expect(result.fallback).toEqual({ reason: 'too_few_distinct_customers', details: { distinctCustomers: 2, k: 3 } });
  });
});
