import type { CustomerBasket } from './customer-baskets.js';

/**
 * Each customer's country: the one most of their lines carry (8 Online Retail customers order from two
 * countries); ties go to the alphabetically first. O(customers · countries).
 *
 * @example
 * countryOfEachCustomer([{ customerId: 'A', products: new Map(), countries: new Map([['France', 3]]) }]).get('A'); // 'France'
 */
export function countryOfEachCustomer(baskets: Iterable<CustomerBasket>): Map<string, string> {
  const countries = new Map<string, string>();
  for (const { customerId, countries: byCountry } of baskets) {
    let best: [string, number] | undefined;
    for (const entry of byCountry) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
    if (best) countries.set(customerId, best[0]);
  }
  return countries;
}

/**
 * Purchase lines per product within each segment (returns left out), for the profiles' top products.
 * Customers without a segment are skipped. O(customers · products bought).
 *
 * @param segmentOf - a customer's segment, or undefined
 * @example
 * productCountsBySegment(baskets, (id) => segments.get(id)).get('Champions')?.get('JUMBO BAG RED RETROSPOT'); // 53
 */
export function productCountsBySegment(
  baskets: Iterable<CustomerBasket>,
  segmentOf: (customerId: string) => string | null | undefined,
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const basket of baskets) {
    const segment = segmentOf(basket.customerId);
    if (segment === null || segment === undefined) continue;
    let products = counts.get(segment);
    if (!products) counts.set(segment, (products = new Map()));
    for (const [product, lines] of basket.products) products.set(product, (products.get(product) ?? 0) + lines);
  }
  return counts;
}
