import type { ColumnMapping, NamedCount, ParsedImport, SkipReason } from '../../ingest/types.js';
import { NO_TEXT, type LineColumns } from '../../store/transactions.js';

/** What an upload did, as `upload --json` prints it and every door words it. */
export interface ImportReport extends FileFigures {
  dataset: string;
  fileName: string;
  format: string;
  /** The platform whose export layout was recognised (`shopify`, `tiktok-shop`), null for a generic file. */
  platform: string | null;
  /** Its name as the reply says it: "Shopify orders export". */
  platformName?: string;
  /** How a line's amount was found, in the export's column names ("Lineitem quantity × Lineitem price"). */
  amountRule?: string;
  /** The currency of the amounts, when the export or the workspace says (ISO 4217). */
  currency: string | null;
  /** Orders left out as cancelled, voided, failed or unpaid. */
  cancelledOrders: number;
  /** Orders with a refund or a return, counted as returns. */
  refundedOrders: number;
  /** Orders stored by an earlier upload whose status this one changed (cancelled: taken out; refunded: offset). */
  statusChanges: number;
  /** An order-level export (Stripe, Magento): each order is one line and products are unknown. */
  productsUnknown: boolean;
  delimiter?: string;
  encoding?: string;
  container: string;
  sheets?: string[];
  rowsRead: number;
  rowsImported: number;
  duplicatesIgnored: number;
  /** Reason -> count. */
  rowsSkipped: Partial<Record<SkipReason, number>>;
  /** Reason -> up to five example line numbers. */
  skippedExamples: Partial<Record<SkipReason, number[]>>;
  /** The five names (description, else code) most often set aside as non-product lines, with their lines, most first. */
  topNonProductLines: NamedCount[];
  anonymousRows: number;
  returnRows: number;
  columns: ColumnMapping;
  warnings: string[];
  /** The same file (by SHA-256) had been uploaded to this dataset before. */
  alreadyUploaded: boolean;
  mode: 'append' | 'replace';
}

/** What the rows of the file add up to, as the import report shows them. */
export interface FileFigures {
  customers: number;
  /** Invoices with a purchase line (an invoice of returns only is not one). */
  invoices: number;
  /**
   * Orders as segmentation counts them: the invoices, plus one per customer per day of purchase lines without an
   * invoice. Equal to `invoices` when every line has one.
   */
  orders: number;
  /** No purchase line had an invoice (CDNOW: customer, date, quantity, amount), so every order is a purchase day. */
  ordersArePurchaseDays: boolean;
  firstDate: string | null;
  lastDate: string | null;
  revenue: number;
}

/**
 * Customers, orders (invoices with a purchase line, and customer days of purchase lines without one), date range and
 * revenue of the rows a file contributed, given a chunk at a time, its texts numbered as the upload numbers them:
 * distinct customers are distinct numbers. O(n).
 */
export class FileFiguresTally {
  private readonly customers = new DistinctIds();
  private readonly invoices = new DistinctIds();
  /** (customer, day) of purchase lines without an invoice, one number each: segmentation's orders of such lines. */
  private readonly purchaseDays = new Set<number>();
  private rows = 0;
  private first = Infinity;
  private last = -Infinity;
  private cents = 0;

  add(lines: LineColumns): void {
    const { customers, invoices, timestamps, amounts, returns } = lines;
    for (let i = 0; i < lines.rows; i++) {
      this.customers.add(customers[i]!);
      const timestamp = timestamps[i]!;
      // An invoice of returns only (Online Retail's C invoices, a Loyverse refund receipt) is not an order.
      if (returns[i] === 0) {
        if (invoices[i] !== NO_TEXT) this.invoices.add(invoices[i]!);
        else if (customers[i] !== NO_TEXT) this.purchaseDays.add(customerDay(customers[i]!, timestamp));
      }
      if (timestamp < this.first) this.first = timestamp;
      if (timestamp > this.last) this.last = timestamp;
      this.cents += Math.round(amounts[i]! * 100);
    }
    this.rows += lines.rows;
  }

  figures(): FileFigures {
    return {
      customers: this.customers.count,
      invoices: this.invoices.count,
      orders: this.invoices.count + this.purchaseDays.size,
      ordersArePurchaseDays: this.invoices.count === 0 && this.purchaseDays.size > 0,
      firstDate: this.rows ? isoWallClock(this.first) : null,
      lastDate: this.rows ? isoWallClock(this.last) : null,
      revenue: this.cents / 100,
    };
  }
}

const DAY_MS = 86_400_000;
/** Days either side of 1970 a customer day can be: 2^20, about 2,870 years. */
const DAY_SPAN = 2 ** 21;

/** A customer's text id (an Int32) and a UTC day as one safe integer: `rfmOfOrders` counts invoiceless orders so. */
function customerDay(customer: number, timestamp: number): number {
  return customer * DAY_SPAN + (Math.floor(timestamp / DAY_MS) + DAY_SPAN / 2);
}

/** How many distinct text ids were added, NO_TEXT aside. */
class DistinctIds {
  private seen = new Uint8Array(1024);
  count = 0;

  add(id: number): void {
    if (id === NO_TEXT) return;
    if (id >= this.seen.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.seen[id] === 0) {
      this.seen[id] = 1;
      this.count++;
    }
  }
}

/** Wall-clock time as written in the file, ISO 8601 without a zone (the file had none). */
export function isoWallClock(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

export function skippedCounts(parsed: ParsedImport): Pick<ImportReport, 'rowsSkipped' | 'skippedExamples' | 'topNonProductLines'> {
  const rowsSkipped: ImportReport['rowsSkipped'] = {};
  const skippedExamples: ImportReport['skippedExamples'] = {};
  for (const [reason, tally] of Object.entries(parsed.rowsSkipped) as [SkipReason, { count: number; lines: number[] }][]) {
    rowsSkipped[reason] = tally.count;
    skippedExamples[reason] = tally.lines;
  }
  return { rowsSkipped, skippedExamples, topNonProductLines: parsed.topNonProductLines };
}
