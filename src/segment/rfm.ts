import { roundedToCents } from './cents.js';
import { customerOrdersOfLines, type CustomerOrder } from './customer-orders.js';
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
 * shared/reference/README.md, from sale lines: `rfmOfOrders` of the lines summed per order.
 *
 * @param lines - sale lines of customers (never mutated)
 * @param options - convention and optional `asOf`
 * @returns as `rfmOfOrders`
 * @example
 * const day = Date.UTC(2011, 0, 1);
 * customerRfm([{ customerId: 'A', invoice: '1', timestamp: day, quantity: 2, unitPrice: 5, amount: 10, isReturn: false }], { convention: 'gross' })
 *   .customers[0]; // { customerId: 'A', recencyDays: 1, frequency: 1, monetary: 10, ... }
 */
export function customerRfm(lines: Iterable<SaleLine>, options: RfmOptions): RfmTable {
  return rfmOfOrders(customerOrdersOfLines(lines), options);
}

/**
 * Recency, frequency and monetary value per customer from their orders (lines summed per customer, invoice and
 * timestamp; see `lineRole` for what counts as a purchase and as a refund).
 *
 * Recency, frequency, tenure and the default `asOf` come from purchases only; customers without
 * one are left out under both conventions.
 * - gross: monetary = sum of purchase amounts (duplicate lines kept: the reference keeps them).
 * - net: refunds subtract their absolute amount from the purchases.
 *
 * Frequency counts distinct invoices; purchases without an invoice count one order per
 * customer per calendar day, which makes it "distinct purchase days" for files with no invoices.
 *
 * Cost: one pass over the orders with hash maps, O(orders + customers · log customers) for the
 * final sort by customer id; a few ms for the 22,190 orders of UCI Online Retail.
 *
 * @param orders - customer orders (never mutated)
 * @param options - convention and optional `asOf`
 * @returns one row per customer (ordered by id), the `asOf` used (null only when there is no purchase and none was given) and the convention
 */
export function rfmOfOrders(orders: Iterable<CustomerOrder>, options: RfmOptions): RfmTable {
  const cutoff = options.asOf ?? Number.POSITIVE_INFINITY;
  const tallies = new Map<string, CustomerTally>();
  let latestPurchase = Number.NEGATIVE_INFINITY;

  for (const order of orders) {
    if (!(order.timestamp < cutoff)) continue;
    if (order.purchaseLines === 0 && order.refunded === 0) continue;

    let tally = tallies.get(order.customerId);
    if (tally === undefined) {
      tally = {
        purchased: 0,
        returned: 0,
        first: Number.POSITIVE_INFINITY,
        last: Number.NEGATIVE_INFINITY,
        invoices: null,
        invoicelessDays: null,
      };
      tallies.set(order.customerId, tally);
    }
    tally.returned += order.refunded;
    if (order.purchaseLines === 0) continue;
    tally.purchased += order.purchased;
    if (order.timestamp < tally.first) tally.first = order.timestamp;
    if (order.timestamp > tally.last) tally.last = order.timestamp;
    if (order.timestamp > latestPurchase) latestPurchase = order.timestamp;
    if (order.invoice !== null) {
      (tally.invoices ??= new Set()).add(order.invoice);
    } else {
      (tally.invoicelessDays ??= new Set()).add(Math.floor(order.timestamp / DAY_MS));
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
