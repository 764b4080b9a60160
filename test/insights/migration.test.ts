import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GONE_SINCE, NEW_SINCE, runMigration, UNSEGMENTED, type RunMember } from '../../src/insights/migration.js';

const member = (customerId: string, segment: string | null, monetary: number): RunMember => ({ customerId, segment, monetary });

/** Two weeks of a small shop, worked out by hand. */
const before = [
  member('a', 'Champions', 1000),
  member('b', 'Champions', 800),
  member('c', 'Loyal Customers', 300),
  member('d', 'Hibernating', 20),
  member('e', 'Hibernating', 10),
];
const after = [
  member('a', 'Champions', 1100), // stayed
  member('b', 'At Risk', 800), // downgraded
  member('c', 'Champions', 450), // upgraded
  member('e', 'Hibernating', 10), // stayed
  member('f', 'New Customers', 40), // new since
  member('g', 'New Customers', 25), // new since
]; // d is gone (erased)

describe('runMigration', () => {
  it('GIVEN two hand-built runs THEN every (from, to) pair has the known customers and revenue', () => {
    const migration = runMigration(before, after);
    expect(migration.moves).toEqual([
      { from: NEW_SINCE, to: 'New Customers', customers: 2, revenue: 65 },
      { from: 'Champions', to: 'Champions', customers: 1, revenue: 1100 },
      { from: 'Champions', to: 'At Risk', customers: 1, revenue: 800 },
      { from: 'Loyal Customers', to: 'Champions', customers: 1, revenue: 450 },
      { from: 'Hibernating', to: GONE_SINCE, customers: 1, revenue: 20 },
      { from: 'Hibernating', to: 'Hibernating', customers: 1, revenue: 10 },
    ]);
    expect(migration.segments).toEqual([
      { name: 'Champions', before: { customers: 2, revenue: 1800 }, after: { customers: 2, revenue: 1550 } },
      { name: 'Loyal Customers', before: { customers: 1, revenue: 300 }, after: { customers: 0, revenue: 0 } },
      { name: 'Hibernating', before: { customers: 2, revenue: 30 }, after: { customers: 1, revenue: 10 } },
      { name: 'At Risk', before: { customers: 0, revenue: 0 }, after: { customers: 1, revenue: 800 } },
      { name: 'New Customers', before: { customers: 0, revenue: 0 }, after: { customers: 2, revenue: 65 } },
    ]);
  });

  it('GIVEN a grid-only run THEN its customers count under "(none)" and nothing is lost', () => {
    const migration = runMigration([member('a', null, 5)], [member('a', 'Champions', 9), member('b', null, 1)]);
    expect(migration.moves).toEqual([
      { from: UNSEGMENTED, to: 'Champions', customers: 1, revenue: 9 },
      { from: NEW_SINCE, to: UNSEGMENTED, customers: 1, revenue: 1 },
    ]);
  });

  it('GIVEN empty runs THEN the migration is empty', () => {
    expect(runMigration([], [])).toEqual({ segments: [], moves: [] });
  });

  it('GIVEN any two runs THEN rows add up to the earlier sizes, columns to the later sizes, and every customer is counted once', () => {
    const segment = fc.constantFrom<string | null>('Champions', 'Loyal Customers', 'At Risk', 'Hibernating', null);
    const run = fc.uniqueArray(fc.record({ customerId: fc.integer({ min: 0, max: 60 }).map(String), segment, monetary: fc.integer({ min: -50, max: 5000 }) }), {
      selector: (m) => m.customerId,
      maxLength: 40,
    });
    fc.assert(
      fc.property(run, run, (earlier, later) => {
        const migration = runMigration(earlier, later);
        const outOf = new Map<string, number>();
        const into = new Map<string, number>();
        for (const move of migration.moves) {
          expect(move.customers).toBeGreaterThan(0);
          outOf.set(move.from, (outOf.get(move.from) ?? 0) + move.customers);
          into.set(move.to, (into.get(move.to) ?? 0) + move.customers);
        }
        for (const change of migration.segments) {
          expect(outOf.get(change.name) ?? 0).toBe(change.before.customers);
          expect(into.get(change.name) ?? 0).toBe(change.after.customers);
        }
        const earlierIds = new Set(earlier.map((m) => m.customerId));
        const laterIds = new Set(later.map((m) => m.customerId));
        const everyone = new Set([...earlierIds, ...laterIds]);
        expect(migration.moves.reduce((sum, move) => sum + move.customers, 0)).toBe(everyone.size);
        expect(outOf.get(NEW_SINCE) ?? 0).toBe([...laterIds].filter((id) => !earlierIds.has(id)).length);
        expect(into.get(GONE_SINCE) ?? 0).toBe([...earlierIds].filter((id) => !laterIds.has(id)).length);
        // Revenue into each later segment is its revenue after; out of (gone) it is the earlier run's spend.
        for (const change of migration.segments) {
          const revenueIn = migration.moves.filter((move) => move.to === change.name).reduce((sum, move) => sum + move.revenue, 0);
          expect(revenueIn).toBeCloseTo(change.after.revenue, 6);
        }
      }),
    );
  });
});
