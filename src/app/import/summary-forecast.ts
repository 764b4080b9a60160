import { namedCounts } from '../../segment/customer-baskets.js';
import { compareCodePoints, compareStoredOrders, storedOrder, type CustomerSummaries } from '../../store/customer-summaries.js';
import type { LineColumns } from '../../store/transactions.js';
import { SummaryAdditionsTally, type SummaryAdditions } from './customer-summaries.js';

/**
 * The per-customer summaries an upload will leave in a dataset that held nothing before it, worked out on the
 * parsing thread while the writer is still storing the rows: so the segmentation that follows an upload can start
 * when the last row is parsed rather than when it is stored (the writer ends ~0.7 s later on Online Retail).
 *
 * It predicts that the writer stores every line: in a dataset with nothing stored, no line's key is taken, and
 * the lines of one file have keys of their own (a repeated line is numbered by its occurrence, see RowKeys).
 * Make one only for a dataset the writer found empty (an append to stored lines makes the forecast worthless:
 * then the summaries must be read from the store); `held(rowsStored)` tells, after the write, whether the writer
 * stored every line (two keys of one upload can only clash by a 64-bit hash collision).
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
    this.tally.add(lines);
    this.rows += lines.rows;
  }

  /** Whether the summaries are those the store now holds, given how many lines the writer stored: all of them. */
  held(rowsStored: number): boolean {
    return rowsStored === this.rows;
  }

  /** The summaries as the writer stores them (see UploadStart.summariesFromImport), worked out once. */
  additions(): SummaryAdditions {
    return (this.tallied ??= this.tally.additions());
  }

  /**
   * The summaries in the form and order `customerSummariesRepository` reads them back (compareStoredOrders,
   * storedOrder; baskets by customer). The order matters: RFM lists customers as first met, and k-means++ picks its
   * first centres by position.
   */
  summaries(): CustomerSummaries {
    const { orders, baskets } = this.additions();
    const nameOf = (id: number) => this.textOf(id);
    return {
      orders: orders.map(storedOrder).sort(compareStoredOrders),
      baskets: baskets
        .map((basket) => ({ customerId: basket.customerId, products: namedCounts(basket.products, nameOf), countries: namedCounts(basket.countries, nameOf) }))
        .sort((a, b) => compareCodePoints(a.customerId, b.customerId)),
    };
  }
}
