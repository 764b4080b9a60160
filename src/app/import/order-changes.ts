import { NO_NAME, NumberedBasketsTally } from '../../segment/customer-baskets.js';
import { customerSummariesRepository } from '../../store/customer-summaries.js';
import type { Db } from '../../store/open-database.js';
import { orderChangesRepository, type OrderChangesRepository } from '../../store/order-changes.js';
import { NO_TEXT } from '../../store/transactions.js';
import { BasketProducts } from './basket-products.js';

/** Orders whose status a platform export gives: those it leaves out, and those it refunds. */
export interface OrderChanges {
  /** Cancelled or unpaid in this export: lines stored for them by an earlier export are taken out. */
  withdrawn: readonly string[];
  /** With a refund or a return in this export. */
  refunded: readonly string[];
}

/**
 * Brings the stored orders in line with a later export of the same platform, inside the upload's transaction and
 * after its lines and summaries are written: an order now cancelled loses its lines and its order summary, and its
 * customers' baskets are recounted from what is left; a refunded order's return lines were stored with the upload.
 * Returns how many stored orders changed status: taken out, or refunded after an earlier upload stored them.
 */
export function applyOrderChanges(
  db: Db,
  guildId: string,
  datasetId: number,
  uploadId: number,
  changes: OrderChanges,
  textOf: (id: number) => string,
): number {
  const repository = orderChangesRepository(db);
  const removed = repository.removeOrders(guildId, datasetId, changes.withdrawn);
  if (removed.customers.length > 0) recountBaskets(db, repository, guildId, datasetId, removed.customers, new BasketProducts(textOf));
  return removed.orders + repository.refundedAfterEarlierUpload(guildId, datasetId, uploadId, changes.refunded);
}

/** Replaces these customers' baskets with those of their stored lines; a customer with no line left has none. */
function recountBaskets(
  db: Db,
  repository: OrderChangesRepository,
  guildId: string,
  datasetId: number,
  customers: readonly string[],
  products: BasketProducts,
): void {
  const { byId, lines } = repository.customerLines(guildId, datasetId, customers);
  const tally = new NumberedBasketsTally();
  for (const [customer, product, description, country, isReturn] of lines) {
    tally.add(customer, products.nameOf(product ?? NO_TEXT, description ?? NO_TEXT), country ?? NO_NAME, isReturn === 1);
  }
  const baskets = tally.baskets().map((basket) => ({ ...basket, customerId: byId.get(basket.customerId)! }));
  customerSummariesRepository(db).writeBaskets(guildId, datasetId, baskets);
  const kept = new Set(baskets.map((basket) => basket.customerId));
  for (const customer of customers) if (!kept.has(customer)) repository.removeBasket(guildId, datasetId, customer);
}
