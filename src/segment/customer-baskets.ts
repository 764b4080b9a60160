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
 * need no more of the lines than this. Named by texts, or by their numbers in a dataset while an upload is stored.
 */
export interface BasketCounts<Name, Customer = Name> {
  customerId: Customer;
  /** Purchase lines (returns left out) per product, named by its description, else its code. */
  products: Map<Name, number>;
  /** Lines per country, returns included. */
  countries: Map<Name, number>;
}

export type CustomerBasket = BasketCounts<string>;

/**
 * Each customer's basket from their lines, in first-seen order. O(lines).
 *
 * @example
 * customerBasketsOfLines([{ customerId: 'A', isReturn: false, product: '22633', description: 'MUG', country: 'France' }])[0]!.products.get('MUG'); // 1
 */
export function customerBasketsOfLines(lines: Iterable<BasketLine>): CustomerBasket[] {
  const tally = new BasketsTally<string>();
  for (const line of lines) tally.add(line.customerId, line.description ?? line.product, line.country, line.isReturn);
  return tally.baskets();
}

/** customerBasketsOfLines of lines given one at a time, as their names: texts, or numbers standing for them. */
export class BasketsTally<Name> {
  private readonly byCustomer = new Map<Name, BasketCounts<Name>>();

  /** Counts a line; `product` is its description, else its code (null when it has neither). */
  add(customerId: Name, product: Name | null, country: Name | null, isReturn: boolean): void {
    let basket = this.byCustomer.get(customerId);
    if (basket === undefined) this.byCustomer.set(customerId, (basket = { customerId, products: new Map(), countries: new Map() }));
    if (!isReturn && product !== null) basket.products.set(product, (basket.products.get(product) ?? 0) + 1);
    if (country !== null) basket.countries.set(country, (basket.countries.get(country) ?? 0) + 1);
  }

  /** The baskets of the lines added so far, in first-seen order. */
  baskets(): BasketCounts<Name>[] {
    return [...this.byCustomer.values()];
  }
}

/**
 * The counts of two baskets of the same customer added up, for an upload that adds lines to a stored customer.
 * O(products + countries).
 */
export function combinedBasket<Name, Customer>(
  stored: BasketCounts<Name, Customer>,
  added: BasketCounts<Name, Customer>,
): BasketCounts<Name, Customer> {
  const sum = (a: ReadonlyMap<Name, number>, b: ReadonlyMap<Name, number>) => {
    const total = new Map(a);
    for (const [key, count] of b) total.set(key, (total.get(key) ?? 0) + count);
    return total;
  };
  return { customerId: stored.customerId, products: sum(stored.products, added.products), countries: sum(stored.countries, added.countries) };
}
