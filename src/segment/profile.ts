import { roundedToCents } from './cents.js';
import { median } from './median.js';
import type { CustomerRfm, RfmPoint } from './types.js';

/** A customer and the segment (cluster label or grid name) it was put in. */
export interface SegmentMember {
  segment: string;
  customer: CustomerRfm;
}

export interface ProfileOptions {
  /** Country of each customer, when the file has one. */
  countryByCustomer?: ReadonlyMap<string, string>;
  /** Units (or lines) sold per product within each segment, when the caller has counted them. */
  productCountsBySegment?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface RankedShare {
  name: string;
  count: number;
  /** count ÷ the segment's total (customers for countries, product count for products), 0–1. */
  share: number;
}

export interface SegmentProfile {
  segment: string;
  customers: number;
  /** Share of all customers, 0–1. */
  customerShare: number;
  /** Sum of monetary, rounded to cents. */
  revenue: number;
  /** Share of total revenue, 0–1 (0 when total revenue is not positive). */
  revenueShare: number;
  median: RfmPoint;
  mean: RfmPoint;
  /** Revenue ÷ orders of the segment, rounded to cents. */
  averageOrderValue: number;
  /** Up to three countries by customers (empty without countries). */
  topCountries: RankedShare[];
  /** Up to three products by count (empty without product counts). */
  topProducts: RankedShare[];
}

const TOP = 3;

/**
 * Who is in each segment and what they are worth: size, revenue, typical and average R, F, M,
 * average order value, and the top three countries and products when given. Segments appear in
 * order of their first member; ties in the top lists go to the alphabetically first name.
 *
 * Cost: O(n log n) for the medians; O(n + products) otherwise.
 *
 * @param members - customers with their segment (never mutated)
 * @param options - optional countries per customer and product counts per segment
 * @returns one profile per segment
 * @example
 * segmentProfiles(customers.map((customer, i) => ({ segment: labels[i], customer })))[0];
 * // { segment: 'Champions', customers: 719, customerShare: 0.166, revenue: 5_400_000, ... }
 */
export function segmentProfiles(members: readonly SegmentMember[], options: ProfileOptions = {}): SegmentProfile[] {
  const bySegment = new Map<string, CustomerRfm[]>();
  let totalRevenue = 0;
  for (const { segment, customer } of members) {
    let group = bySegment.get(segment);
    if (group === undefined) bySegment.set(segment, (group = []));
    group.push(customer);
    totalRevenue += customer.monetary;
  }

  return [...bySegment].map(([segment, customers]) => {
    const revenue = customers.reduce((sum, customer) => sum + customer.monetary, 0);
    const orders = customers.reduce((sum, customer) => sum + customer.frequency, 0);
    return {
      segment,
      customers: customers.length,
      customerShare: customers.length / members.length,
      revenue: roundedToCents(revenue),
      revenueShare: totalRevenue > 0 ? revenue / totalRevenue : 0,
      median: pointOf((measure) => median(customers.map((customer) => customer[measure]))),
      mean: pointOf((measure) => customers.reduce((sum, customer) => sum + customer[measure], 0) / customers.length),
      averageOrderValue: roundedToCents(revenue / orders),
      topCountries: topCountries(customers, options.countryByCustomer),
      topProducts: topOf(options.productCountsBySegment?.get(segment) ?? new Map()),
    };
  });
}

function pointOf(value: (measure: keyof RfmPoint) => number): RfmPoint {
  return { recencyDays: value('recencyDays'), frequency: value('frequency'), monetary: value('monetary') };
}

function topCountries(customers: readonly CustomerRfm[], countryByCustomer: ReadonlyMap<string, string> | undefined): RankedShare[] {
  if (countryByCustomer === undefined) return [];
  const counts = new Map<string, number>();
  for (const customer of customers) {
    const country = countryByCustomer.get(customer.customerId);
    if (country !== undefined) counts.set(country, (counts.get(country) ?? 0) + 1);
  }
  return topOf(counts, customers.length);
}

function topOf(counts: ReadonlyMap<string, number>, total = [...counts.values()].reduce((sum, count) => sum + count, 0)): RankedShare[] {
  return [...counts]
    .sort(([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .slice(0, TOP)
    .map(([name, count]) => ({ name, count, share: total > 0 ? count / total : 0 }));
}
