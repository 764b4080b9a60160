import { minRanks } from './min-ranks.js';
import type { CustomerRfm, RfmScores, Score } from './types.js';

/** Where a customer stands on each measure, "better" being higher on all three. */
export interface RfmPercentiles {
  /** Share of customers (0–100) who bought longer ago than this one. */
  r: number;
  /** Share of customers (0–100) with fewer orders. */
  f: number;
  /** Share of customers (0–100) who spent less. */
  m: number;
}

/**
 * R, F and M quintile scores (1–5, 5 best) exactly as shared/reference/README.md defines them:
 * `1 + floor(5 · (r − 1) / n)` where r is the 1-based "min" rank, ascending by frequency and
 * monetary, and for recency ranked so the most recent customers get the highest rank. Equal
 * values always share a score, so a quintile can hold more or fewer than n / 5 customers.
 * O(n log n).
 *
 * @param customers - RFM rows (never mutated)
 * @returns scores in the same order as `customers`
 * @example
 * quintileScores(rows)[0]; // { r: 5, f: 5, m: 5 } for the most recent, most frequent, biggest spender
 */
export function quintileScores(customers: readonly CustomerRfm[]): RfmScores[] {
  const n = customers.length;
  const ranks = measureRanks(customers);
  const score = (rank: number) => (1 + Math.floor((5 * (rank - 1)) / n)) as Score;
  return customers.map((_, i) => ({ r: score(ranks.r[i]!), f: score(ranks.f[i]!), m: score(ranks.m[i]!) }));
}

/**
 * Percentile of each customer on each measure for the customer card: the share of customers
 * this one beats, `100 · (r − 1) / n` with the same ranks as `quintileScores`, so a score is
 * always `1 + floor(percentile / 20)`. O(n log n).
 *
 * @param customers - RFM rows (never mutated)
 * @returns percentiles (0 to under 100) in the same order as `customers`
 * @example
 * percentileRanks(rows)[0]; // { r: 97.2, f: 88.1, m: 93.4 }: more recent than 97.2 % of customers, ...
 */
export function percentileRanks(customers: readonly CustomerRfm[]): RfmPercentiles[] {
  const n = customers.length;
  const ranks = measureRanks(customers);
  const percentile = (rank: number) => (100 * (rank - 1)) / n;
  return customers.map((_, i) => ({ r: percentile(ranks.r[i]!), f: percentile(ranks.f[i]!), m: percentile(ranks.m[i]!) }));
}

function measureRanks(customers: readonly CustomerRfm[]): { r: Int32Array; f: Int32Array; m: Int32Array } {
  return {
    // Fewer days since the last purchase is better, so rank the negated recency.
    r: minRanks(customers.map((customer) => -customer.recencyDays)),
    f: minRanks(customers.map((customer) => customer.frequency)),
    m: minRanks(customers.map((customer) => customer.monetary)),
  };
}
