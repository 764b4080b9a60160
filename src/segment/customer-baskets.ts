import { PairCounts } from './pair-counts.js';

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
 * A basket whose products and countries are numbers (as a dataset numbers its texts): (number, count) pairs one
 * after the other, in the order each was first counted. This is how the store keeps baskets.
 */
export interface NumberedBasket<Customer = number> {
  customerId: Customer;
  products: Int32Array;
  countries: Int32Array;
}

/** A product or country that is not there. */
export const NO_NAME = -1;

/**
 * Each customer's basket from their lines, in first-seen order. O(lines).
 *
 * @example
 * customerBasketsOfLines([{ customerId: 'A', isReturn: false, product: '22633', description: 'MUG', country: 'France' }])[0]!.products.get('MUG'); // 1
 */
export function customerBasketsOfLines(lines: Iterable<BasketLine>): CustomerBasket[] {
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const numberOf = (name: string | null) => {
    if (name === null) return NO_NAME;
    let number = numbers.get(name);
    if (number === undefined) {
      numbers.set(name, (number = names.length));
      names.push(name);
    }
    return number;
  };
  const tally = new NumberedBasketsTally();
  for (const line of lines) tally.add(numberOf(line.customerId), numberOf(line.description ?? line.product), numberOf(line.country), line.isReturn);
  const nameOf = (number: number) => names[number]!;
  return tally.baskets().map((b) => ({ customerId: names[b.customerId]!, products: namedCounts(b.products, nameOf), countries: namedCounts(b.countries, nameOf) }));
}

/** A numbered basket's (number, count) pairs as counts by name, in the pairs' order. */
export function namedCounts(pairs: Int32Array, nameOf: (number: number) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let at = 0; at < pairs.length; at += 2) counts.set(nameOf(pairs[at]!), pairs[at + 1]!);
  return counts;
}

/**
 * customerBasketsOfLines of lines given one at a time, their customer, product (its description, else its code)
 * and country as numbers, NO_NAME for none. Counted in typed arrays, with a customer's lines from one country
 * (nearly all of them) counted as one run.
 */
export class NumberedBasketsTally {
  private readonly products = new PairCounts();
  private readonly countries = new PairCounts();
  /** Customers in first-seen order, and their position in it. */
  private readonly customers: number[] = [];
  private readonly positions = new Map<number, number>();
  private lastCustomer = NO_NAME;
  private runCountry = NO_NAME;
  private runLines = 0;

  add(customer: number, product: number, country: number, isReturn: boolean): void {
    if (customer !== this.lastCustomer) {
      this.endRun();
      this.lastCustomer = customer;
      if (!this.positions.has(customer)) {
        this.positions.set(customer, this.customers.length);
        this.customers.push(customer);
      }
    }
    if (!isReturn && product !== NO_NAME) this.products.add(customer, product);
    if (country !== this.runCountry) {
      this.endRun();
      this.runCountry = country;
    }
    if (country !== NO_NAME) this.runLines++;
  }

  /** The baskets of the lines added so far, in first-seen order, every customer with a line having one. */
  baskets(): NumberedBasket[] {
    this.endRun();
    const products = pairsByCustomer(this.products, this.positions, this.customers.length);
    const countries = pairsByCustomer(this.countries, this.positions, this.customers.length);
    return this.customers.map((customerId, position) => ({ customerId, products: products[position]!, countries: countries[position]! }));
  }

  private endRun(): void {
    if (this.runLines > 0) this.countries.add(this.lastCustomer, this.runCountry, this.runLines);
    this.runLines = 0;
  }
}

/** Each customer's (name, count) pairs, by the customer's position, in first-counted order: a counting sort. */
function pairsByCustomer(counts: PairCounts, positions: ReadonlyMap<number, number>, customers: number): Int32Array[] {
  const entryPositions = new Int32Array(counts.size);
  const starts = new Int32Array(customers + 1);
  for (let entry = 0; entry < counts.size; entry++) {
    const position = positions.get(counts.first(entry))!;
    entryPositions[entry] = position;
    starts[position + 1]! += 2;
  }
  for (let position = 0; position < customers; position++) starts[position + 1]! += starts[position]!;
  const all = new Int32Array(counts.size * 2);
  const next = starts.slice(0, customers);
  for (let entry = 0; entry < counts.size; entry++) {
    const at = next[entryPositions[entry]!]!;
    all[at] = counts.second(entry);
    all[at + 1] = counts.count(entry);
    next[entryPositions[entry]!] = at + 2;
  }
  return Array.from({ length: customers }, (_, position) => all.subarray(starts[position]!, starts[position + 1]!));
}

/**
 * The counts of two baskets of the same customer added up, for an upload that adds lines to a stored customer:
 * the stored names first, then those new to it. O(products + countries).
 */
export function combinedBaskets<Customer>(stored: NumberedBasket<Customer>, added: NumberedBasket<Customer>): NumberedBasket<Customer> {
  const sum = (a: Int32Array, b: Int32Array) => {
    const counts = new Map<number, number>();
    for (const pairs of [a, b]) for (let at = 0; at < pairs.length; at += 2) counts.set(pairs[at]!, (counts.get(pairs[at]!) ?? 0) + pairs[at + 1]!);
    return Int32Array.from([...counts].flat());
  };
  return { customerId: stored.customerId, products: sum(stored.products, added.products), countries: sum(stored.countries, added.countries) };
}
