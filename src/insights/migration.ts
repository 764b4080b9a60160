/**
 * Who moved between the segments of two runs of one dataset: the matrix the weekly digest, `/segment compare`
 * and the migration chart are drawn from. Pure.
 */

/** A customer as one run saw them: their segment (null in a grid-only run) and what they spent. */
export interface RunMember {
  customerId: string;
  segment: string | null;
  monetary: number;
}

/** `from` of customers absent from the earlier run: new since then. */
export const NEW_SINCE = '(new)';
/** `to` of customers absent from the later run: erased, or their data replaced. */
export const GONE_SINCE = '(gone)';
/** Segment of a customer a run did not cluster (grid-only run). */
export const UNSEGMENTED = '(none)';

export interface SegmentTotals {
  customers: number;
  revenue: number;
}

/** A segment's customers and revenue in the earlier run and in the later one (zero where it did not exist). */
export interface SegmentChange {
  name: string;
  before: SegmentTotals;
  after: SegmentTotals;
}

/**
 * The customers who were in `from` in the earlier run and are in `to` in the later one. Revenue is their spend as
 * the later run saw it (as the earlier run saw it for `to` = `GONE_SINCE`). Pairs with `from === to` are the
 * customers who stayed.
 */
export interface SegmentMove {
  from: string;
  to: string;
  customers: number;
  revenue: number;
}

export interface RunMigration {
  /** Every segment of either run, earlier run's order first, then segments only the later run has. */
  segments: SegmentChange[];
  /** Every non-empty (from, to) pair, most customers first; ties by revenue, then names. */
  moves: SegmentMove[];
}

/**
 * The migration matrix between two runs. Every customer of either run is counted in exactly one move, so the moves
 * out of a segment add up to its size before, and the moves into a segment to its size after. O(customers).
 *
 * @param before - the earlier run's customers
 * @param after - the later run's customers
 */
export function runMigration(before: readonly RunMember[], after: readonly RunMember[]): RunMigration {
  const earlier = new Map(before.map((member) => [member.customerId, member]));
  const seen = new Set<string>();
  const segments = new Map<string, SegmentChange>();
  const change = (name: string) => {
    let found = segments.get(name);
    if (!found) {
      found = { name, before: { customers: 0, revenue: 0 }, after: { customers: 0, revenue: 0 } };
      segments.set(name, found);
    }
    return found;
  };
  for (const member of before) {
    const totals = change(member.segment ?? UNSEGMENTED).before;
    totals.customers += 1;
    totals.revenue += member.monetary;
  }
  const moves = new Map<string, SegmentMove>();
  const move = (from: string, to: string, revenue: number) => {
    const key = `${from}\u0000${to}`;
    const found = moves.get(key) ?? { from, to, customers: 0, revenue: 0 };
    found.customers += 1;
    found.revenue += revenue;
    moves.set(key, found);
  };
  for (const member of after) {
    const to = member.segment ?? UNSEGMENTED;
    const totals = change(to).after;
    totals.customers += 1;
    totals.revenue += member.monetary;
    const was = earlier.get(member.customerId);
    seen.add(member.customerId);
    move(was ? (was.segment ?? UNSEGMENTED) : NEW_SINCE, to, member.monetary);
  }
  for (const member of before) {
    if (!seen.has(member.customerId)) move(member.segment ?? UNSEGMENTED, GONE_SINCE, member.monetary);
  }
  return {
    segments: [...segments.values()],
    moves: [...moves.values()].sort(
      (a, b) => b.customers - a.customers || b.revenue - a.revenue || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    ),
  };
}
