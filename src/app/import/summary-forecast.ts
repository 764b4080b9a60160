import type { CustomerBasket } from '../../segment/customer-baskets.js';
import type { CustomerOrder } from '../../segment/customer-orders.js';
import type { LineColumns } from '../../store/transactions.js';
import { SummaryAdditionsTally, type SummaryAdditions } from './customer-summaries.js';

/** A dataset's per-customer summaries as the store returns them: orders and baskets, in primary-key order. */
export interface CustomerSummaries {
  orders: CustomerOrder[];
  baskets: CustomerBasket[];
}

/**
 * The per-customer summaries an upload will leave in a dataset that held nothing before it, worked out on the
 * parsing thread while the writer is still storing the rows: so the segmentation that follows an upload can start
 * when the last row is parsed rather than when it is stored (the writer ends ~0.7 s later on Online Retail).
 *
 * It predicts that the writer stores every line: in a dataset with nothing stored, no line's key is taken, and
 * the lines of one file have keys of their own (a repeated line is numbered by its occurrence, see RowKeys).
 * `held(rowsStored, emptyBefore)` tells, after the write, whether that was so: the dataset had no lines or summaries
 * before (an append to stored lines, or a stored order changed by the upload, makes the forecast worthless, and
 * then the summaries must be read from the store) and the writer stored every line (two keys of one upload can
 * only clash by a 64-bit hash collision).
 */
export class SummaryForecast {
  private readonly tally: SummaryAdditionsTally;
  private tallied: SummaryAdditions | undefined;
  private rows = 0;

  constructor(private readonly textOf: (id: number) => string) {
    this.tally = new SummaryAdditionsTally(textOf);
  }

  /** Adds a chunk of the upload's lines, texts numbered as the upload numbers them. Call before the chunk is sent. */
  add(lines: LineColumns): void {
    this.tally.add(lines, new Uint8Array(lines.rows).fill(1));
    this.rows += lines.rows;
  }

  /** Whether the summaries are those the store now holds: every line stored, and nothing stored before. */
  held(rowsStored: number, emptyBefore: boolean): boolean {
    return emptyBefore && rowsStored === this.rows;
  }

  /** The summaries as the writer stores them (see UploadStart.summariesFromImport), worked out once. */
  additions(): SummaryAdditions {
    return (this.tallied ??= this.tally.additions());
  }

  /**
   * The summaries in the form and order `customerSummariesRepository` reads them back: orders by (customer,
   * invoice, timestamp), baskets by customer, texts compared as SQLite compares them (UTF-8 bytes, that is code
   * points), timestamps rounded and a missing invoice as the store keeps it. The order matters: RFM lists customers
   * as first met, and k-means++ picks its first centres by position.
   */
  summaries(): CustomerSummaries {
    const { orders, baskets } = this.additions();
    const storedOrders = orders
      .map((order) => ({ ...order, invoice: order.invoice === '' ? null : order.invoice, timestamp: Math.round(order.timestamp) }))
      .sort(
        (a, b) =>
          compareCodePoints(a.customerId, b.customerId) || compareCodePoints(a.invoice ?? '', b.invoice ?? '') || a.timestamp - b.timestamp,
      );
    const named = (pairs: Int32Array) => {
      const counts = new Map<string, number>();
      for (let at = 0; at < pairs.length; at += 2) counts.set(this.textOf(pairs[at]!), pairs[at + 1]!);
      return counts;
    };
    const storedBaskets = baskets
      .map((basket) => ({ customerId: basket.customerId, products: named(basket.products), countries: named(basket.countries) }))
      .sort((a, b) => compareCodePoints(a.customerId, b.customerId));
    return { orders: storedOrders, baskets: storedBaskets };
  }
}

/**
 * Orders strings by code point, as SQLite's BINARY collation orders their UTF-8 bytes. JavaScript's `<` compares
 * UTF-16 units, which puts a character above U+FFFF (a surrogate pair) before one in U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
