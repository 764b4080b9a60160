import { CLUSTER_SEGMENTS, type ClusterSegmentName } from '../segment/naming.js';
import { RETURNED_EVERYTHING } from '../segment/returned-everything.js';
import type { RunMigration } from './migration.js';

/** Segments whose customers leaving for a less valuable segment is worth telling the team about. */
export const WATCHED_FOR_DOWNGRADES: readonly ClusterSegmentName[] = ['Champions', 'Loyal Customers', 'Big Spenders', "Can't Lose Them"];
/** Segments whose newcomers from a less valuable segment are worth celebrating. */
export const WATCHED_FOR_UPGRADES: readonly ClusterSegmentName[] = ['Champions', 'Loyal Customers'];

/** A move between two segment names that matters to a marketing team. */
export interface NamedMovement {
  kind: 'downgrade' | 'upgrade';
  /** Segment labels as the runs show them (e.g. "Champions 2"). */
  from: string;
  to: string;
  customers: number;
  /** Their spend as the later run saw it. */
  revenue: number;
}

/**
 * The segment name behind a run's label: "Champions 2" → Champions. Null for anything that is not a cluster name
 * (Returned everything, "(new)", "(gone)", "(none)"). O(names).
 */
export function clusterNameOfLabel(label: string): ClusterSegmentName | null {
  const name = label.replace(/ \d+$/, '');
  return (CLUSTER_SEGMENTS as readonly string[]).includes(name) ? (name as ClusterSegmentName) : null;
}

/**
 * Value order of a label: its name's place in `CLUSTER_SEGMENTS` (most valuable pattern first), customers who
 * returned everything last; null for "(new)", "(gone)" and "(none)", which are not a customer's standing.
 */
function valueOrder(label: string): number | null {
  if (label === RETURNED_EVERYTHING) return CLUSTER_SEGMENTS.length;
  const name = clusterNameOfLabel(label);
  return name === null ? null : CLUSTER_SEGMENTS.indexOf(name);
}

/**
 * The movements of a migration that matter: downgrades out of Champions, Loyal Customers, Big Spenders or Can't
 * Lose Them (to a name further down the value order of `CLUSTER_SEGMENTS`, or to Returned everything), and upgrades
 * into Champions or Loyal Customers (from a name further down). The value order is the catalogue's, not either
 * run's ranks, so the same move reads the same every week: Can't Lose Them → Need Attention is a customer coming
 * back, not a downgrade, while Can't Lose Them → Hibernating is one. Customers new since the earlier run, gone
 * from the later one, or moving between two clusters of one name ("Champions" → "Champions 2") are not movements
 * between names. Most customers first; ties by revenue, then labels. Pure; O(moves).
 *
 * @param migration - from `runMigration`
 * @returns one entry per (from, to) pair that matters
 * @example
 * namedMovements(runMigration(before, after));
 * // [{ kind: 'downgrade', from: 'Champions', to: 'At Risk', customers: 41, revenue: 98_310.5 }, …]
 */
export function namedMovements(migration: RunMigration): NamedMovement[] {
  const movements: NamedMovement[] = [];
  for (const move of migration.moves) {
    const from = valueOrder(move.from);
    const to = valueOrder(move.to);
    if (from === null || to === null || from === to) continue;
    const fromName = clusterNameOfLabel(move.from);
    const toName = clusterNameOfLabel(move.to);
    const entry = { from: move.from, to: move.to, customers: move.customers, revenue: move.revenue };
    if (to > from && fromName !== null && WATCHED_FOR_DOWNGRADES.includes(fromName)) movements.push({ kind: 'downgrade', ...entry });
    else if (to < from && toName !== null && WATCHED_FOR_UPGRADES.includes(toName)) movements.push({ kind: 'upgrade', ...entry });
  }
  return movements.sort(
    (a, b) => b.customers - a.customers || b.revenue - a.revenue || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
}
