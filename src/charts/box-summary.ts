import { logSafe } from './log-scale.js';

/** The numbers a box plot draws, in the shape @sgratzl/chartjs-chart-boxplot accepts as-is. */
export interface BoxSummary {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  whiskerMin: number;
  whiskerMax: number;
  outliers: number[];
}

/** A few hundred dots already show where outliers lie; thousands only make the config heavy. */
const MAX_OUTLIERS = 200;
const WHISKER_COEF = 1.5;

/**
 * Quartiles (linear interpolation, like NumPy's default and R type 7), Tukey whiskers at
 * 1.5 × IQR and the points beyond them. On a 'log' scale the quartiles and fences are computed
 * on log10 of the values (values ≤ 0 first become `LOG_FLOOR`), so whiskers look symmetric on a
 * log axis and skewed data is not all "outliers". `values` must not be empty and is not modified.
 * O(n log n).
 *
 * @example summariseBox([1, 2, 3, 4, 100], 'linear') // { q1: 2, median: 3, q3: 4, whiskerMax: 4, outliers: [100], ... }
 */
export function summariseBox(values: readonly number[], scale: 'linear' | 'log'): BoxSummary {
  if (values.length === 0) throw new RangeError('cannot summarise an empty list of values');
  const toAxis = scale === 'log' ? (value: number) => Math.log10(logSafe(value)) : (value: number) => value;
  const fromAxis = scale === 'log' ? (value: number) => 10 ** value : (value: number) => value;
  const sorted = values.map((value) => (scale === 'log' ? logSafe(value) : value)).sort((a, b) => a - b);
  const onAxis = sorted.map(toAxis);

  const q1 = quantileSorted(onAxis, 0.25);
  const q3 = quantileSorted(onAxis, 0.75);
  const lowFence = q1 - WHISKER_COEF * (q3 - q1);
  const highFence = q3 + WHISKER_COEF * (q3 - q1);
  const inside = sorted.filter((_, index) => onAxis[index]! >= lowFence && onAxis[index]! <= highFence);
  const outliers = sorted.filter((_, index) => onAxis[index]! < lowFence || onAxis[index]! > highFence);

  return {
    min: sorted[0]!,
    q1: fromAxis(q1),
    median: fromAxis(quantileSorted(onAxis, 0.5)),
    q3: fromAxis(q3),
    max: sorted[sorted.length - 1]!,
    whiskerMin: inside[0] ?? fromAxis(q1),
    whiskerMax: inside[inside.length - 1] ?? fromAxis(q3),
    outliers: thinOut(outliers, MAX_OUTLIERS),
  };
}

function quantileSorted(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below]!;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return lower + (upper - lower) * (position - below);
}

/** At most `limit` values at even steps through a sorted list, always keeping both ends. */
function thinOut(sorted: readonly number[], limit: number): number[] {
  if (sorted.length <= limit) return [...sorted];
  return Array.from({ length: limit }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (limit - 1))]!);
}
