import type { DayMonthOrder } from '../date-text.js';

/**
 * What a platform profile can point at in an export. The transaction fields, plus what an order export carries
 * around them: the order's status, a separate time column, the currency, refunds and returns.
 */
export type PlatformColumn =
  | 'invoice'
  | 'customer'
  | 'date'
  | 'time'
  | 'quantity'
  | 'unitPrice'
  | 'lineDiscount'
  | 'lineTotal'
  | 'orderSubtotal'
  | 'product'
  | 'description'
  | 'variant'
  | 'country'
  | 'category'
  | 'status'
  | 'cancelledAt'
  | 'lineKind'
  | 'returnedQuantity'
  | 'lineRefund'
  | 'orderRefund'
  | 'currency'
  | 'lineId'
  | 'packedItems';

/** What a status (or a line kind, like Square's Event Type) means for the order, by its value. */
export interface StatusMeanings {
  /** Left out and counted: cancelled, voided, declined. */
  cancelled: readonly string[];
  /** Left out and counted: never paid, payment failed. */
  unpaid: readonly string[];
  /** Kept, and every line also comes back as a return. */
  refunded: readonly string[];
}

/**
 * One platform's export layout, as data: the importer reads every layout with the same code.
 * Header names are compared without case, spaces or punctuation (`normaliseHeader`).
 */
export interface PlatformProfile {
  /** Stable id, as the JSON report gives it: `shopify`, `tiktok-shop`. */
  id: string;
  /** What the reply says was recognised: "Shopify orders export". */
  name: string;
  /**
   * Headers that together recognise the layout: every entry must be present; an entry with several names is met
   * by any of them (an English and an Indonesian UI).
   */
  signature: readonly (string | readonly string[])[];
  /** For each column the profile reads, its header names in this layout, best first. */
  columns: Partial<Record<PlatformColumn, readonly string[]>>;
  /**
   * Buyer identity, best first: the first of these columns that is filled on a row names its customer. Email,
   * then user name, then a person's name where nothing better exists.
   */
  customer: readonly string[];
  /** Customer columns that hold a person's name, which can merge two people: the report warns when one is used. */
  customerNames?: readonly string[];
  /**
   * How a line's value is written: `lineTotal` (a line subtotal after line discounts), `unitPrice` (quantity x unit
   * price, less `lineDiscount`), or `orderSubtotal` (an order-level export: one line per order, products unknown).
   */
  amount: 'lineTotal' | 'unitPrice' | 'orderSubtotal';
  /** Order fields are filled on the first line of each order only (Shopify): carried down by order id. */
  orderFieldsOnFirstLine?: boolean;
  /** The row under the header describes each column in words (TikTok Shop): it is passed over. */
  descriptionRow?: boolean;
  /** One row per unit sold, no quantity column (Lazada). */
  unitRows?: boolean;
  /** Values of `status` (and of `cancelledAt` being filled) and what they mean; compared without case. */
  statuses?: StatusMeanings;
  /** Values of `lineKind` that make the row itself a refund (Square's `Refund` event, Loyverse's `Refund` receipt). */
  refundLineKinds?: readonly string[];
  /** Currency when the export has no currency column (Shopee and Tokopedia sell in Rupiah). */
  currency?: string;
  /** Day-first or month-first when a date column's values fit both. */
  dateOrder?: DayMonthOrder;
  /** A short menu path: where to export it. */
  exportFrom: string;
}
