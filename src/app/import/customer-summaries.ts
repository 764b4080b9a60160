import { combinedBaskets, NO_NAME, NumberedBasketsTally } from '../../segment/customer-baskets.js';
import { CustomerOrdersTally, type CustomerOrder, type OrderLine } from '../../segment/customer-orders.js';
import type { CustomerSummariesRepository, StoredBasket } from '../../store/customer-summaries.js';
import { NO_TEXT, numberOrNull, textIdOrNull, type LineColumns } from '../../store/transactions.js';
import { BasketProducts } from './basket-products.js';

/** What an upload adds to the dataset's per-customer summaries, before it is combined with what is stored. */
export interface SummaryAdditions {
  orders: CustomerOrder[];
  baskets: StoredBasket[];
}

/**
 * An upload's orders and baskets, from its lines a chunk at a time, in columns with their texts as the dataset
 * numbers them: no row object and no text per line (a row object per line for this took a seventh of the writer's CPU).
 * Add only the lines the upload stored, so a line ignored as a duplicate is not counted twice.
 */
export class SummaryAdditionsTally {
  private readonly orders: CustomerOrdersTally<number>;
  private readonly baskets = new NumberedBasketsTally();
  private readonly basketProducts: BasketProducts;
  /** The line being added, one object reused: the tallies read it and keep none of it. */
  private readonly line: OrderLine = { timestamp: 0, quantity: null, unitPrice: null, amount: 0, isReturn: false };

  constructor(private readonly textOf: (id: number) => string) {
    this.orders = new CustomerOrdersTally(textOf);
    this.basketProducts = new BasketProducts(textOf);
  }

  /** Adds the lines flagged 1 in `stored` (every line when none is given) that have a customer. */
  add(lines: LineColumns, stored?: Uint8Array): void {
    const { customers, invoices, products, descriptions, countries, returns } = lines;
    const line = this.line;
    for (let i = 0; i < lines.rows; i++) {
      const customer = customers[i]!;
      if ((stored !== undefined && stored[i] !== 1) || customer === NO_TEXT) continue;
      line.timestamp = lines.timestamps[i]!;
      line.quantity = numberOrNull(lines.quantities[i]!);
      line.unitPrice = numberOrNull(lines.unitPrices[i]!);
      line.amount = lines.amounts[i]!;
      line.isReturn = returns[i] === 1;
      this.orders.add(customer, textIdOrNull(invoices[i]!), line);
      this.baskets.add(customer, this.basketProducts.nameOf(products[i]!, descriptions[i]!), nameOf(countries[i]!), line.isReturn);
    }
  }

  additions(): SummaryAdditions {
    return {
      orders: this.orders.orders,
      baskets: this.baskets.baskets().map((basket) => ({ ...basket, customerId: this.textOf(basket.customerId) })),
    };
  }
}

const nameOf = (textId: number): number => (textId === NO_TEXT ? NO_NAME : textId);

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
      return before ? combinedBaskets(before, basket) : basket;
    }),
  );
}
