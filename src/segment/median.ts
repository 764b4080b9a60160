/**
 * The median (mean of the two middle values for an even count). O(n log n) on a sorted copy.
 *
 * @param values - numbers (never mutated)
 * @returns the median, or NaN for no values
 * @example
 * median([5, 1, 3, 2]); // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
