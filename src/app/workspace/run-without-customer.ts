import { countryOfEachCustomer } from '../../segment/profile-counts.js';
import { segmentProfiles, type RankedShare, type SegmentProfile } from '../../segment/profile.js';
import { median } from '../../segment/median.js';
import { originalUnits, type ScalingParameters } from '../../segment/scaling.js';
import type { CustomerBasket } from '../../segment/customer-baskets.js';
import type { ClusterSegment } from '../../segment/segment-customers.js';
import type { RfmPoint } from '../../segment/types.js';
import type { RunCustomer, RunDetails, RunRecord } from '../../store/runs.js';

/**
 * A run's stored figures once one customer is erased from it, so that no figure counts them any more:
 * - the medians of all customers;
 * - in both lenses, each segment's size, shares, revenue, medians, means and average order value, worked out again
 *   from the customers left (a segment left without members is dropped), and their segment's top countries and
 *   products less their own;
 * - their cluster's size, here and on the elbow curve, and its centroid: the mean of the members left in the run's
 *   scaled space (a cluster left without members is dropped).
 * The rest stays as the run computed it: the other customers' scores, percentiles and segments, the scaling, the
 * inertias and silhouettes, and the purchase rhythm. O(n log n).
 *
 * @param remaining - the run's customers without the erased one
 * @param erased - the erased customer as the run kept them
 * @param basket - the erased customer's basket in the run's dataset, when they had one
 */
export function runDetailsWithout(run: RunRecord, remaining: readonly RunCustomer[], erased: RunCustomer, basket: CustomerBasket | undefined): RunDetails {
  const { details } = run;
  const share: ErasedShare = { country: basket && countryOfEachCustomer([basket]).get(erased.customerId), products: basket?.products };
  const lens = (stored: readonly SegmentProfile[], segmentOf: (customer: RunCustomer) => string | null) =>
    profilesWithout(stored, remaining, segmentOf, segmentOf(erased), share);
  return {
    ...details,
    ...clustersWithout(run, remaining, erased),
    medians: pointOf((measure) => median(remaining.map((customer) => customer[measure]))),
    clusterProfiles: lens(details.clusterProfiles, (customer) => customer.segment),
    gridProfiles: lens(details.gridProfiles, (customer) => customer.gridSegment),
  };
}

/** The run's clusters and elbow curve with the erased customer's cluster one member smaller. */
function clustersWithout(run: RunRecord, remaining: readonly RunCustomer[], erased: RunCustomer): Pick<RunDetails, 'segments' | 'candidates'> {
  const { segments, candidates, scaling } = run.details;
  const cluster = erased.cluster === null ? undefined : segments.find((segment) => segment.label === erased.segment);
  if (cluster === undefined || scaling === null) return { segments, candidates };
  const members = remaining.filter((customer) => customer.segment === cluster.label);
  return {
    segments: segments.flatMap((segment) => (segment === cluster ? clusterOf(segment, members, scaling) : [segment])),
    candidates: candidates.map((candidate) => (candidate.k === run.k ? { ...candidate, sizes: sizesWithout(candidate.sizes, cluster.size) } : candidate)),
  };
}

/** What the erased customer added to their segment's top lists. */
interface ErasedShare {
  country: string | undefined;
  products: ReadonlyMap<string, number> | undefined;
}

/** A lens's profiles from the customers left, in the stored order; the top lists of the erased customer's segment less theirs. */
function profilesWithout(
  stored: readonly SegmentProfile[],
  remaining: readonly RunCustomer[],
  segmentOf: (customer: RunCustomer) => string | null,
  erasedSegment: string | null,
  erased: ErasedShare,
): SegmentProfile[] {
  if (stored.length === 0) return [];
  const members = remaining.flatMap((customer) => {
    const segment = segmentOf(customer);
    // tenureDays is no figure of a profile; a run does not keep it.
    return segment === null ? [] : [{ segment, customer: { ...customer, tenureDays: 0 } }];
  });
  const figures = new Map(segmentProfiles(members).map((profile) => [profile.segment, profile]));
  return stored.flatMap((profile) => {
    const fresh = figures.get(profile.segment);
    if (fresh === undefined) return [];
    if (profile.segment !== erasedSegment) return [{ ...fresh, topCountries: profile.topCountries, topProducts: profile.topProducts }];
    return [{ ...fresh, topCountries: countriesWithout(profile.topCountries, erased.country, fresh.customers), topProducts: productsWithout(profile.topProducts, erased.products) }];
  });
}

/** Top countries (shares of the segment's customers) without one customer's country. */
function countriesWithout(top: readonly RankedShare[], country: string | undefined, customers: number): RankedShare[] {
  return ranked(top.map(({ name, count }) => {
    const left = name === country ? count - 1 : count;
    return { name, count: left, share: left / customers };
  }));
}

/** Top products (shares of the segment's purchase lines) without one customer's lines. */
function productsWithout(top: readonly RankedShare[], products: ReadonlyMap<string, number> | undefined): RankedShare[] {
  if (products === undefined || top.length === 0) return [...top];
  const listed = top.find((entry) => entry.share > 0);
  if (listed === undefined) return [...top];
  // The segment's line total is not stored; every entry gives it back as count ÷ share.
  const erasedLines = [...products.values()].reduce((sum, lines) => sum + lines, 0);
  const total = Math.round(listed.count / listed.share) - erasedLines;
  return ranked(top.map(({ name, count }) => {
    const left = count - (products.get(name) ?? 0);
    return { name, count: left, share: total > 0 ? left / total : 0 };
  }));
}

/** Entries still counted, most first, ties by name: the order segmentProfiles gives. */
function ranked(entries: RankedShare[]): RankedShare[] {
  return entries.filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A cluster with one member fewer: its size, and its centroid as the mean of the members left; none when it is left empty. */
function clusterOf(segment: ClusterSegment, members: readonly RunCustomer[], scaling: ScalingParameters): ClusterSegment[] {
  if (members.length === 0) return [];
  const scaledCentroid = scaling.measures.map(
    (measure, column) =>
      members.reduce((sum, member) => sum + (Math.log1p(Math.max(0, member[measure])) - scaling.means[column]!) / scaling.stds[column]!, 0) / members.length,
  );
  return [{ ...segment, size: members.length, scaledCentroid, centroid: originalUnits(scaledCentroid, scaling) }];
}

/** Cluster sizes (largest first) with one member fewer in a cluster of `size`; an emptied cluster leaves the list. */
function sizesWithout(sizes: readonly number[], size: number): number[] {
  const at = sizes.indexOf(size);
  if (at === -1) return [...sizes];
  return sizes.map((value, i) => (i === at ? value - 1 : value)).filter((value) => value > 0).sort((a, b) => b - a);
}

function pointOf(value: (measure: keyof RfmPoint) => number): RfmPoint {
  return { recencyDays: value('recencyDays'), frequency: value('frequency'), monetary: value('monetary') };
}
