/** A sale line as a basket counts it. */
export interface BasketLine {
  customerId: string;
  isReturn: boolean;
  product: string | null;
  description: string | null;
  country: string | null;
}

/**
 * What one customer bought and from where, as counts: the profiles' top products and each customer's country
 * need no more of the lines than this.
 */
export interface CustomerBasket {
  customerId: string;
  /** Purchase lines (returns left out) per product, named by its description, else its code. */
  products: Map<string, number>;
  /** Lines per country, returns included. */
  countries: Map<string, number>;
}

/**
 * Each customer's basket from their lines, in first-seen order. O(lines).
 *
 * @example
 * customerBasketsOfLines([{ customerId: 'A', isReturn: false, product: '22633', description: 'MUG', country: 'France' }])[0]!.products.get('MUG'); // 1
 */
export function customerBasketsOfLines(lines: Iterable<BasketLine>): CustomerBasket[] {
  const tally = new CustomerBasketsTally();
  for (const line of lines) tally.add(line);
  return tally.baskets();
}

/** customerBasketsOfLines of lines given one at a time. */
export class CustomerBasketsTally {
  private readonly byCustomer = new Map<string, CustomerBasket>();

  add(line: BasketLine): void {
    let basket = this.byCustomer.get(line.customerId);
    if (basket === undefined) this.byCustomer.set(line.customerId, (basket = { customerId: line.customerId, products: new Map(), countries: new Map() }));
    const product = line.description ?? line.product;
    if (!line.isReturn && product !== null) basket.products.set(product, (basket.products.get(product) ?? 0) + 1);
    if (line.country !== null) basket.countries.set(line.country, (basket.countries.get(line.country) ?? 0) + 1);
  }

  /** The baskets of the lines added so far, in first-seen order. */
  baskets(): CustomerBasket[] {
    return [...this.byCustomer.values()];
  }
}

/**
 * The counts of two baskets of the same customer added up, for an upload that adds lines to a stored customer.
 * O(products + countries).
 */
export function combinedBasket(stored: CustomerBasket, added: CustomerBasket): CustomerBasket {
  const sum = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => {
    const total = new Map(a);
    for (const [key, count] of b) total.set(key, (total.get(key) ?? 0) + count);
    return total;
  };
  return { customerId: stored.customerId, products: sum(stored.products, added.products), countries: sum(stored.countries, added.countries) };
}
