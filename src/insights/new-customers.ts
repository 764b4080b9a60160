import { NEW_SINCE, type RunMigration } from './migration.js';

/** Customers who are in this run and were not in the previous one, and where they landed. */
export interface NewCustomers {
  customers: number;
  /** Their spend as this run saw it. */
  revenue: number;
  /** Per segment of this run, most new customers first (ties by revenue, then label). */
  segments: { segment: string; customers: number; revenue: number }[];
}

/**
 * The customers new since the previous run: the migration's moves from "(new)", summed and by segment. O(moves).
 *
 * @param migration - from `runMigration`
 * @example
 * newCustomersOf(runMigration([], [{ customerId: 'A', segment: 'Promising', monetary: 20 }]));
 * // { customers: 1, revenue: 20, segments: [{ segment: 'Promising', customers: 1, revenue: 20 }] }
 */
export function newCustomersOf(migration: RunMigration): NewCustomers {
  const segments = migration.moves
    .filter((move) => move.from === NEW_SINCE)
    .map((move) => ({ segment: move.to, customers: move.customers, revenue: move.revenue }))
    .sort((a, b) => b.customers - a.customers || b.revenue - a.revenue || a.segment.localeCompare(b.segment));
  return {
    customers: segments.reduce((sum, segment) => sum + segment.customers, 0),
    revenue: segments.reduce((sum, segment) => sum + segment.revenue, 0),
    segments,
  };
}
