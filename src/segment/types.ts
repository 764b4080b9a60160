/**
 * Shapes shared by the segmentation engine. Everything in src/segment is pure: these are the
 * values that flow between its functions, and the parts of a run the store keeps.
 */

/**
 * One sale line as the engine needs it. `src/ingest` produces a superset of this
 * (`TransactionRow`); rows without a customer id never reach segmentation.
 */
export interface SaleLine {
  customerId: string;
  invoice: string | null;
  /** Epoch milliseconds of the naive wall-clock time in the file, encoded as if UTC. */
  timestamp: number;
  quantity: number | null;
  unitPrice: number | null;
  /** Line total in the file's currency: quantity × unit price, or the file's amount column. Negative for returns. */
  amount: number;
  /** Cancellation (invoice prefixed C) or negative quantity. */
  isReturn: boolean;
}

/**
 * How returns count, as defined in shared/reference/README.md:
 * - `gross`: cancellations and lines with quantity ≤ 0 or unit price ≤ 0 are dropped.
 * - `net`: returns subtract from spend; recency and frequency still come from purchases only.
 */
export type RfmConvention = 'net' | 'gross';

/** Recency, frequency and monetary value of one customer, plus what a customer card shows. */
export interface CustomerRfm {
  customerId: string;
  /** Whole days between the last purchase and `asOf`, rounded down. */
  recencyDays: number;
  /** Distinct invoices among purchases (distinct purchase days when the file has no invoices). */
  frequency: number;
  /** Spend in the file's currency, rounded to cents. Can be ≤ 0 under the net convention. */
  monetary: number;
  /** Epoch ms (naive wall-clock as UTC) of the first and last purchase. */
  firstPurchase: number;
  lastPurchase: number;
  /** Whole days between the first purchase and `asOf`, rounded down. */
  tenureDays: number;
  /** `monetary / frequency`, rounded to cents. */
  averageOrderValue: number;
  /**
   * Returned value ÷ purchased value (both positive sums, lines with unit price ≤ 0 ignored).
   * Can exceed 1 when the customer returns goods bought before the file starts.
   */
  returnRate: number;
}

/** Output of `customerRfm`: the rows plus the facts needed to reproduce them. */
export interface RfmTable {
  /** Epoch ms (naive wall-clock as UTC) recency is measured from; null only for a file without purchases and no `asOf` given. */
  asOf: number | null;
  convention: RfmConvention;
  /** One row per customer with at least one purchase, ordered by customer id. */
  customers: CustomerRfm[];
}

/** A quintile score: 1 (worst fifth) to 5 (best fifth). */
export type Score = 1 | 2 | 3 | 4 | 5;

export interface RfmScores {
  r: Score;
  f: Score;
  m: Score;
}

/** The three measures in the order every matrix and centroid in this folder uses. */
export const RFM_MEASURES = ['recencyDays', 'frequency', 'monetary'] as const;
export type RfmMeasure = (typeof RFM_MEASURES)[number];

/** A point in original units: days, orders, currency. */
export type RfmPoint = Record<RfmMeasure, number>;

/**
 * A dense row-major matrix of customers × features. Flat storage keeps a million customers
 * in one allocation instead of a million small arrays.
 */
export interface FeatureMatrix {
  rows: number;
  columns: number;
  /** `values[row * columns + column]`. */
  values: Float64Array;
}
