import type { TransactionRow } from '../ingest/types.js';
import { combinedBasket, CustomerBasketsTally, type CustomerBasket } from '../segment/customer-baskets.js';
import { CustomerOrdersTally, type CustomerOrder } from '../segment/customer-orders.js';
import type { CustomerSummariesRepository } from '../store/customer-summaries.js';

/** A stored line with a customer id: what the per-customer summaries are made of. */
export type CustomerLine = TransactionRow & { customerId: string };

/** What an upload adds to the dataset's per-customer summaries, before it is combined with what is stored. */
export interface SummaryAdditions {
  orders: CustomerOrder[];
  baskets: CustomerBasket[];
}

/**
 * An upload's orders and baskets, from its lines given one at a time. Add only the lines the upload stored, so a
 * line ignored as a duplicate is not counted twice.
 */
export class SummaryAdditionsTally {
  private readonly orders = new CustomerOrdersTally();
  private readonly baskets = new CustomerBasketsTally();

  add(line: CustomerLine): void {
    this.orders.add(line);
    this.baskets.add(line);
  }

  additions(): SummaryAdditions {
    return { orders: this.orders.orders, baskets: this.baskets.baskets() };
  }
}

/** Adds an upload's orders and baskets to the dataset's; call inside the import's transaction. */
export function writeSummaryAdditions(
  summaries: CustomerSummariesRepository,
  guildId: string,
  datasetId: number,
  { orders, baskets }: SummaryAdditions,
): void {
  summaries.addOrders(guildId, datasetId, orders);
  const stored = summaries.storedBaskets(guildId, datasetId, baskets.map((basket) => basket.customerId));
  summaries.writeBaskets(
    guildId,
    datasetId,
    baskets.map((basket) => {
      const before = stored.get(basket.customerId);
      return before ? combinedBasket(before, basket) : basket;
    }),
  );
}
