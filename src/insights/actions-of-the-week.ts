import { CLUSTER_SEGMENTS, type ClusterSegmentName } from '../segment/naming.js';
import type { PlaybookAction } from '../segment/playbook.js';
import { RETURNED_EVERYTHING } from '../segment/returned-everything.js';
import type { RunMigration } from './migration.js';
import { clusterNameOfLabel } from './named-movements.js';

/** Segments whose whole revenue is at stake: customers who still buy a little, or bought a lot, and are fading. */
export const SLIPPING_SEGMENTS: readonly ClusterSegmentName[] = ['Need Attention', "Can't Lose Them", 'At Risk', 'About To Sleep'];

/** Why a segment's action is among the week's. */
export type ActionReason =
  /** Customers came down into it from a more valuable segment since the previous run: revenue moving out. */
  | 'moved_down'
  /** It is a slipping segment: its revenue is at stake. */
  | 'at_stake'
  /** Nothing moved out and nothing is at stake: the largest segments by revenue, to keep them. */
  | 'largest';

export interface WeeklyAction {
  /** The segment label in this run, as `/segment list` takes it. */
  segment: string;
  /** Customers the action applies to: the segment's size in this run. */
  customers: number;
  /** Of them, those who came down into it since the previous run. */
  movedDown: number;
  /** Revenue moving out (of the customers who came down) or at stake (the whole slipping segment), whichever is more. */
  revenue: number;
  reason: ActionReason;
  action: PlaybookAction;
}

/** A team can run about three campaigns a week; more is a list nobody finishes. */
export const ACTIONS_PER_WEEK = 3;

/**
 * The week's actions: the first playbook action of each of the segments with the most revenue moving out or at
 * stake, then of the largest segments by revenue when fewer segments qualify. Revenue moving out of a segment is
 * attributed to the segment its customers came down into (Champions → At Risk counts for At Risk), because that is
 * where they can be reached now and whose playbook fits them; the value order is the catalogue's
 * (`CLUSTER_SEGMENTS`, "Returned everything" last), as for named movements. A slipping segment (Need Attention,
 * Can't Lose Them, At Risk, About To Sleep) has its whole revenue at stake. With fewer segments than actions, the
 * top segments' next actions fill in. Ties by label. Pure; O(moves + segments log segments).
 *
 * @param migration - from `runMigration` (with no previous run: every move comes from "(new)")
 * @param actionsOf - a segment label's playbook actions (the server's own, else the bundled ones); none for "(none)"
 * @example
 * actionsOfTheWeek(migration, (label) => actionsFor(segmentName(label), playbook))[0];
 * // { segment: 'At Risk', customers: 412, movedDown: 41, revenue: 310_500, reason: 'at_stake', action: { channel: 'email', … } }
 */
export function actionsOfTheWeek(
  migration: RunMigration,
  actionsOf: (segment: string) => readonly PlaybookAction[],
  count: number = ACTIONS_PER_WEEK,
): WeeklyAction[] {
  const movedDown = new Map<string, { customers: number; revenue: number }>();
  for (const move of migration.moves) {
    const from = valueOrder(move.from);
    const to = valueOrder(move.to);
    if (from === null || to === null || to <= from) continue;
    const found = movedDown.get(move.to) ?? { customers: 0, revenue: 0 };
    movedDown.set(move.to, { customers: found.customers + move.customers, revenue: found.revenue + move.revenue });
  }
  const candidates = migration.segments
    .filter((segment) => segment.after.customers > 0 && actionsOf(segment.name).length > 0)
    .map((segment) => {
      const down = movedDown.get(segment.name) ?? { customers: 0, revenue: 0 };
      const name = clusterNameOfLabel(segment.name);
      const atStake = name !== null && SLIPPING_SEGMENTS.includes(name) ? segment.after.revenue : 0;
      const reason: ActionReason = atStake >= down.revenue && atStake > 0 ? 'at_stake' : down.revenue > 0 ? 'moved_down' : 'largest';
      return {
        segment: segment.name,
        customers: segment.after.customers,
        movedDown: down.customers,
        revenue: reason === 'largest' ? segment.after.revenue : Math.max(atStake, down.revenue),
        reason,
      };
    })
    .sort((a, b) => Number(a.reason === 'largest') - Number(b.reason === 'largest') || b.revenue - a.revenue || a.segment.localeCompare(b.segment));
  const top = candidates.slice(0, count);
  const chosen: WeeklyAction[] = [];
  // Each top segment's first action; with fewer segments than actions, their second ones, and so on.
  for (let round = 0; chosen.length < count && top.some((candidate) => actionsOf(candidate.segment).length > round); round++) {
    for (const candidate of top) {
      const action = actionsOf(candidate.segment)[round];
      if (action !== undefined && chosen.length < count) chosen.push({ ...candidate, action });
    }
  }
  return chosen;
}

/** A label's place in the catalogue's value order, "Returned everything" last; null for "(new)", "(gone)", "(none)". */
function valueOrder(label: string): number | null {
  if (label === RETURNED_EVERYTHING) return CLUSTER_SEGMENTS.length;
  const name = clusterNameOfLabel(label);
  return name === null ? null : CLUSTER_SEGMENTS.indexOf(name);
}
