/**
 * Money rounded to cents, the precision marketing reports and the reference files use. O(1).
 * Half-cents round up (towards +∞); negative zero becomes zero so "-0.00" never shows.
 *
 * @param amount - currency units
 * @returns the amount rounded to two decimals
 * @example
 * roundedToCents(10.004); // 10
 * roundedToCents(-0.001); // 0
 */
export function roundedToCents(amount: number): number {
  return Math.round(amount * 100) / 100 + 0;
}
