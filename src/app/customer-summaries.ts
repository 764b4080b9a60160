import type { TransactionRow } from '../ingest/types.js';
import { combinedBasket, customerBasketsOfLines } from '../segment/customer-baskets.js';
import { customerOrdersOfLines } from '../segment/customer-orders.js';
import type { CustomerSummariesRepository } from '../store/customer-summaries.js';

/** A stored line with a customer id: what the per-customer summaries are made of. */
export type CustomerLine = TransactionRow & { customerId: string };

/**
 * Adds an upload's customer lines to the dataset's orders and baskets. Pass only the lines the upload stored, so
 * a line ignored as a duplicate is not counted twice; call inside the import's transaction.
 */
export function addToCustomerSummaries(
  summaries: CustomerSummariesRepository,
  guildId: string,
  datasetId: number,
  lines: readonly CustomerLine[],
): void {
  summaries.addOrders(guildId, datasetId, customerOrdersOfLines(lines));
  const added = customerBasketsOfLines(lines);
  const stored = summaries.storedBaskets(guildId, datasetId, added.map((basket) => basket.customerId));
  summaries.writeBaskets(
    guildId,
    datasetId,
    added.map((basket) => {
      const before = stored.get(basket.customerId);
      return before ? combinedBasket(before, basket) : basket;
    }),
  );
}
