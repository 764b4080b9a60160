import { median } from '../segment/median.js';
import type { ClusterSegmentName } from '../segment/naming.js';
import type { RunMember } from './migration.js';
import { clusterNameOfLabel } from './named-movements.js';

/** Segments of customers who have stopped buying: a customer moving into one of them is slipping away. */
export const LAPSED_SEGMENTS: readonly ClusterSegmentName[] = ['At Risk', "Can't Lose Them", 'Hibernating'];

/** A run's customer with the day of their last purchase, as the digest's lists need it. */
export interface DigestMember extends RunMember {
  /** Epoch ms of the last purchase (wall clock read as UTC). */
  lastPurchase: number;
}

/** A valuable customer who moved into a lapsed segment since the previous run. */
export interface SlippingCustomer {
  customerId: string;
  /** Segment labels in the previous run and in this one. */
  from: string;
  to: string;
  lastPurchase: number;
  /** Spend as this run saw it. */
  monetary: number;
}

/** How many slipping customers a digest names: a list a team can call through in an afternoon. */
export const SLIPPING_LIST_LIMIT = 10;

/**
 * Valuable customers who moved into At Risk, Can't Lose Them or Hibernating since the previous run, most spend
 * first (ties by id). Valuable means spending at least the median customer of this run, so the list is about
 * revenue worth a personal message, not the long tail of one-off buyers. Moving means being in both runs, in a
 * segment with a name (not "Returned everything" nor a grid-less "(none)") that is not lapsed before, and in a
 * lapsed one now: a customer going from At Risk to Hibernating was already slipping. Labels such as "At Risk 2" count
 * by their name. With `activeSince`, a customer whose last purchase is older than that is left out too: their cluster
 * had an active name, but they themselves were already silent for longer than the shop's lapse threshold at the
 * previous run, so they did not slip since then (Online Retail: Loyal Customers last seen in January, moved to
 * Hibernating only because the cluster boundaries moved in December). O(customers log customers).
 *
 * @param before - the previous run's customers
 * @param after - this run's customers
 * @param activeSince - epoch ms: the previous run's as-of minus its lapse threshold (`timeYardstick`); none: no cut
 * @example
 * slippingCustomers([{ customerId: 'A', segment: 'Champions', monetary: 900 }], [{ customerId: 'A', segment: 'At Risk', monetary: 950, lastPurchase: 0 }]);
 * // [{ customerId: 'A', from: 'Champions', to: 'At Risk', lastPurchase: 0, monetary: 950 }]
 */
export function slippingCustomers(
  before: readonly RunMember[],
  after: readonly DigestMember[],
  limit: number = SLIPPING_LIST_LIMIT,
  activeSince: number = Number.NEGATIVE_INFINITY,
): SlippingCustomer[] {
  const lapsed = (label: string | null) => {
    const name = label === null ? null : clusterNameOfLabel(label);
    return name === null ? null : LAPSED_SEGMENTS.includes(name);
  };
  const valuable = after.length === 0 ? 0 : median(after.map((member) => member.monetary));
  const earlier = new Map(before.map((member) => [member.customerId, member.segment]));
  const slipping: SlippingCustomer[] = [];
  for (const member of after) {
    if (member.monetary < valuable || member.monetary <= 0 || member.lastPurchase < activeSince || lapsed(member.segment) !== true) continue;
    const from = earlier.get(member.customerId);
    if (from === undefined || lapsed(from) !== false) continue;
    slipping.push({ customerId: member.customerId, from: from!, to: member.segment!, lastPurchase: member.lastPurchase, monetary: member.monetary });
  }
  return slipping
    .sort((a, b) => b.monetary - a.monetary || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))
    .slice(0, limit);
}
