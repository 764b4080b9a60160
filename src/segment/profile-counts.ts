/** A sale line as the profile counts read it. */
export interface CountedLine {
  customerId: string;
  isReturn: boolean;
  product: string | null;
  country: string | null;
}

/**
 * Each customer's country: the one most of their lines carry (8 Online Retail customers order from two
 * countries); ties go to the alphabetically first. O(lines).
 *
 * @example
 * countryOfEachCustomer([{ customerId: 'A', isReturn: false, product: null, country: 'France' }]).get('A'); // 'France'
 */
export function countryOfEachCustomer(lines: Iterable<CountedLine>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const line of lines) {
    if (line.country === null) continue;
    let byCountry = counts.get(line.customerId);
    if (!byCountry) counts.set(line.customerId, (byCountry = new Map()));
    byCountry.set(line.country, (byCountry.get(line.country) ?? 0) + 1);
  }
  const countries = new Map<string, string>();
  for (const [customerId, byCountry] of counts) {
    let best: [string, number] | undefined;
    for (const entry of byCountry) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
    countries.set(customerId, best![0]);
  }
  return countries;
}

/**
 * Purchase lines per product within each segment (returns left out), for the profiles' top products.
 * Customers without a segment are skipped. O(lines).
 *
 * @param segmentOf - a customer's segment, or undefined
 * @example
 * productCountsBySegment(lines, (id) => segments.get(id)).get('Champions')?.get('JUMBO BAG RED RETROSPOT'); // 53
 */
export function productCountsBySegment(
  lines: Iterable<CountedLine>,
  segmentOf: (customerId: string) => string | null | undefined,
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const line of lines) {
    if (line.isReturn || line.product === null) continue;
    const segment = segmentOf(line.customerId);
    if (segment === null || segment === undefined) continue;
    let products = counts.get(segment);
    if (!products) counts.set(segment, (products = new Map()));
    products.set(line.product, (products.get(line.product) ?? 0) + 1);
  }
  return counts;
}
