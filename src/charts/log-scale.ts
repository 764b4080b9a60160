/** Log axes cannot show 0 or less (a purchase today, a fully refunded customer), so such values sit here. */
export const LOG_FLOOR = 0.5;

/** `value` itself when positive, otherwise `LOG_FLOOR`, so it can be placed on a log axis. */
export function logSafe(value: number): number {
  return value > 0 ? value : LOG_FLOOR;
}

/**
 * Whether values from `min` to `max` span at least two orders of magnitude, where a linear axis
 * would squash most of them against zero.
 *
 * @example spansOrdersOfMagnitude(10, 250_000) // true
 */
export function spansOrdersOfMagnitude(min: number, max: number): boolean {
  return max > 0 && max / logSafe(min) >= 100;
}

const NICE_STEPS = [1, 2, 5, 10] as const;

/**
 * Log-axis bounds on the 1-2-5 steps just outside the data, so both ends carry a round label.
 * Chart.js would otherwise widen an axis by a whole decade when the data starts at a power of ten.
 *
 * @example logAxisBounds(12, 110_000) // { min: 10, max: 200_000 }
 */
export function logAxisBounds(min: number, max: number): { min: number; max: number } {
  const low = niceStep(logSafe(min), 'below');
  const high = niceStep(Math.max(logSafe(max), low), 'above');
  return { min: low, max: high > low ? high : niceStep(low * 1.5, 'above') };
}

function niceStep(value: number, direction: 'below' | 'above'): number {
  const exponent = Math.floor(Math.log10(value));
  const significand = value / 10 ** exponent;
  const tolerance = 1e-9;
  const step =
    direction === 'below'
      ? [...NICE_STEPS].reverse().find((candidate) => candidate <= significand + tolerance)!
      : NICE_STEPS.find((candidate) => candidate >= significand - tolerance)!;
  return Number((step * 10 ** exponent).toPrecision(12));
}
