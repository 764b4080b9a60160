import { describe, expect, it } from 'vitest';
import { segmentCustomers } from '../../src/segment/segment-customers.js';
import { seededUniform } from '../../src/segment/seeded-random.js';
import type { CustomerRfm, RfmTable } from '../../src/segment/types.js';
import { customer, DAY_MS, JAN_1 } from './helpers/sales.js';

const AS_OF = JAN_1 + 400 * DAY_MS;

/** Four personas a shop would recognise, most customers being one-time buyers. */
function personaTable(seed = 1): RfmTable {
  const uniform = seededUniform(seed);
  const between = (low: number, high: number) => low + Math.floor(uniform() * (high - low + 1));
  const personas = [
    { prefix: 'champion', count: 30, r: [1, 10], f: [8, 15], m: [2000, 5000] },
    { prefix: 'newcomer', count: 40, r: [1, 12], f: [1, 1], m: [20, 60] },
    { prefix: 'regular', count: 50, r: [20, 60], f: [3, 6], m: [600, 1500] },
    { prefix: 'sleeper', count: 80, r: [150, 350], f: [1, 1], m: [40, 200] },
  ];
  const customers: CustomerRfm[] = personas.flatMap((persona) =>
    Array.from({ length: persona.count }, (_, i) => {
      const row = customer(`${persona.prefix}-${String(i).padStart(2, '0')}`, between(persona.r[0]!, persona.r[1]!), between(persona.f[0]!, persona.f[1]!), between(persona.m[0]!, persona.m[1]!));
      return { ...row, lastPurchase: AS_OF - row.recencyDays * DAY_MS - DAY_MS / 2, firstPurchase: JAN_1 };
    }),
  );
  return { asOf: AS_OF, convention: 'gross', customers };
}

describe('segmentCustomers', () => {
  it('GIVEN four personas THEN k-means finds them and names them', () => {
    const table = personaTable();
    const result = segmentCustomers(table, { seed: 42, restarts: 3 });
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
    const result = segmentCustomers(table, { seed: 7, restarts: 2 });
    expect(table).toEqual(before);
    for (const row of result.customers) {
      const segment = result.segments[row.cluster!]!;
      expect(row.segment).toBe(segment.label);
      expect(row.rank).toBe(segment.rank);
      expect(row.gridSegment).toBeTypeOf('string');
    }
    expect(segmentCustomers(table, { seed: 7, restarts: 2 })).toEqual(result);
    for (const segment of result.segments) {
      expect(segment.centroid.recencyDays).toBeCloseTo(Math.expm1(segment.scaledCentroid[0]! * result.scaling!.stds[0]! + result.scaling!.means[0]!), 9);
    }
  });

  it('GIVEN a forced k THEN it is used and the curve is still there', () => {
    const result = segmentCustomers(personaTable(), { seed: 42, k: 6, restarts: 2 });
    expect(result).toMatchObject({ k: 6, forcedK: true });
    expect(new Set(result.segments.map((segment) => segment.label)).size).toBe(6);
    expect(result.candidates).toHaveLength(6);
  });

  it('GIVEN fewer than 10 × kMin customers THEN it falls back to the grid with a reason', () => {
    const table = personaTable();
    const small = { ...table, customers: table.customers.slice(0, 29) };
    const result = segmentCustomers(small, { seed: 1 });
    expect(result).toMatchObject({ method: 'grid', fallback: { reason: 'too_few_customers', details: { customers: 29, minimum: 30 } }, k: null, segments: [], scaling: null });
    expect(result.customers).toHaveLength(29);
    expect(result.customers.every((row) => row.cluster === null && row.segment === null && row.gridSegment.length > 0)).toBe(true);
    expect(segmentCustomers({ ...table, customers: [] }, { seed: 1 }).fallback?.reason).toBe('too_few_customers');
  });

  it('GIVEN every purchase on one day THEN it falls back to the grid', () => {
    const customers = Array.from({ length: 40 }, (_, i) => ({ ...customer(String(i), 0, 1 + (i % 4), 10 * (i + 1)), firstPurchase: JAN_1, lastPurchase: JAN_1 + 3_600_000 }));
    const result = segmentCustomers({ asOf: JAN_1 + DAY_MS, convention: 'net', customers }, { seed: 1 });
    expect(result.fallback).toEqual({ reason: 'single_purchase_date', details: { purchaseDays: 1 } });
  });

  it('GIVEN fewer distinct customers than clusters THEN it falls back to the grid', () => {
    const customers = Array.from({ length: 40 }, (_, i) => customer(String(i), i % 2 === 0 ? 5 : 50, 1, 100));
    const result = segmentCustomers({ asOf: AS_OF, convention: 'gross', customers }, { seed: 1 });
    expect(result.fallback).toEqual({ reason: 'too_few_distinct_customers', details: { distinctCustomers: 2, k: 3 } });
  });
});
