import { roundedToCents } from './cents.js';
import type { CustomerRfm, RfmConvention, RfmTable, SaleLine } from './types.js';

const DAY_MS = 86_400_000;

export interface RfmOptions {
  /**
   * Epoch ms (naive wall-clock as UTC) to measure recency from. Lines at or after it are left
   * out, so an earlier date replays the past. Default: the latest purchase + 24 hours.
   */
  asOf?: number;
  convention: RfmConvention;
}

/** Running totals for one customer while the lines stream past. */
interface CustomerTally {
  purchased: number;
  returned: number;
  first: number;
  last: number;
  invoices: Set<string> | null;
  /** Days of purchase lines that carry no invoice: each such day counts as one order. */
  invoicelessDays: Set<number> | null;
}

/**
 * Recency, frequency and monetary value per customer, under either convention of
 * shared/reference/README.md.
 *
 * A purchase is a line that is not a return, with quantity > 0 and unit price > 0 (a missing
 * quantity or price counts as positive, for files that only carry an amount) and amount > 0.
 * Recency, frequency, tenure and the default `asOf` come from purchases only; customers without
 * one are left out under both conventions.
 * - gross: monetary = sum of purchase amounts (duplicate lines kept: the reference keeps them).
 * - net: lines with unit price ≤ 0 are ignored, and returns (or negative amounts) subtract
 *   their absolute amount from the purchases.
 *
 * Frequency counts distinct invoices; purchase lines without an invoice count one order per
 * customer per calendar day, which makes it "distinct purchase days" for files with no invoices.
 *
 * Cost: one pass over the lines with hash maps, O(lines + customers · log customers) for the
 * final sort by customer id; 30–60 ms for the 406k lines of UCI Online Retail.
 *
 * @param lines - sale lines of customers (never mutated)
 * @param options - convention and optional `asOf`
 * @returns one row per customer (ordered by id), the `asOf` used (null only when there is no purchase and none was given) and the convention
 * @example
 * const day = Date.UTC(2011, 0, 1);
 * customerRfm([{ customerId: 'A', invoice: '1', timestamp: day, quantity: 2, unitPrice: 5, amount: 10, isReturn: false }], { convention: 'gross' })
 *   .customers[0]; // { customerId: 'A', recencyDays: 1, frequency: 1, monetary: 10, ... }
 */
export function customerRfm(lines: Iterable<SaleLine>, options: RfmOptions): RfmTable {
  const cutoff = options.asOf ?? Number.POSITIVE_INFINITY;
  const tallies = new Map<string, CustomerTally>();
  let latestPurchase = Number.NEGATIVE_INFINITY;

  for (const line of lines) {
    if (!(line.timestamp < cutoff)) continue;
    const priced = line.unitPrice === null || line.unitPrice > 0;
    const purchase = isPurchase(line, priced);
    const refund = priced && !purchase && (line.isReturn || line.amount < 0);
    if (!purchase && !refund) continue;

    let tally = tallies.get(line.customerId);
    if (tally === undefined) {
      tally = {
        purchased: 0,
        returned: 0,
        first: Number.POSITIVE_INFINITY,
        last: Number.NEGATIVE_INFINITY,
        invoices: null,
        invoicelessDays: null,
      };
      tallies.set(line.customerId, tally);
    }
    if (refund) {
      tally.returned += Math.abs(line.amount);
      continue;
    }
    tally.purchased += line.amount;
    if (line.timestamp < tally.first) tally.first = line.timestamp;
    if (line.timestamp > tally.last) tally.last = line.timestamp;
    if (line.timestamp > latestPurchase) latestPurchase = line.timestamp;
    if (line.invoice !== null) {
      (tally.invoices ??= new Set()).add(line.invoice);
    } else {
      (tally.invoicelessDays ??= new Set()).add(Math.floor(line.timestamp / DAY_MS));
    }
  }

  const asOf = options.asOf ?? (latestPurchase === Number.NEGATIVE_INFINITY ? null : latestPurchase + DAY_MS);
  const customers: CustomerRfm[] = [];
  for (const [customerId, tally] of tallies) {
    // Returns-only customers were tallied for their refunds but have nothing to rank.
    if (tally.last === Number.NEGATIVE_INFINITY || asOf === null) continue;
    customers.push(rowFromTally(customerId, tally, asOf, options.convention));
  }
  customers.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return { asOf, convention: options.convention, customers };
}

function isPurchase(line: SaleLine, priced: boolean): boolean {
  return !line.isReturn && priced && (line.quantity === null || line.quantity > 0) && line.amount > 0;
}

function rowFromTally(customerId: string, tally: CustomerTally, asOf: number, convention: RfmConvention): CustomerRfm {
  const frequency = (tally.invoices?.size ?? 0) + (tally.invoicelessDays?.size ?? 0);
  const monetary = roundedToCents(convention === 'gross' ? tally.purchased : tally.purchased - tally.returned);
  return {
    customerId,
    recencyDays: Math.floor((asOf - tally.last) / DAY_MS),
    frequency,
    monetary,
    firstPurchase: tally.first,
    lastPurchase: tally.last,
    tenureDays: Math.floor((asOf - tally.first) / DAY_MS),
    averageOrderValue: roundedToCents(monetary / frequency),
    returnRate: tally.returned / tally.purchased,
  };
}
