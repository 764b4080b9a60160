import type { Score } from './types.js';

/** The ten segments of the classic R × F grid, most valuable first. */
export const GRID_SEGMENTS = [
  'Champions',
  'Loyal Customers',
  'Potential Loyalists',
  'New Customers',
  'Promising',
  'Need Attention',
  'About To Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
] as const;
export type GridSegmentName = (typeof GRID_SEGMENTS)[number];

/**
 * Rows are R scores 1–5, columns F scores 1–5. This is the widely used regex map
 * (`[1-2][1-2]` Hibernating, `[1-2][3-4]` At Risk, `[1-2]5` Can't Lose Them, `3[1-2]` About To
 * Sleep, `33` Need Attention, `[3-4][4-5]` Loyal Customers, `41` Promising, `51` New Customers,
 * `[4-5][2-3]` Potential Loyalists, `5[4-5]` Champions) written out cell by cell, so that
 * covering all 25 cells exactly once is visible at a glance. Monetary is left out on purpose:
 * spend mostly follows frequency, and the cluster lens is where spend gets its own say.
 */
const GRID: readonly (readonly GridSegmentName[])[] = [
  /* R1 */ ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  /* R2 */ ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  /* R3 */ ['About To Sleep', 'About To Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
  /* R4 */ ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
  /* R5 */ ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
];

/**
 * The R × F grid segment of a customer. O(1).
 *
 * @param r - recency score, 5 = bought most recently
 * @param f - frequency score, 5 = most orders
 * @returns the segment name of that grid cell
 * @example
 * gridSegment(5, 1); // 'New Customers'
 * gridSegment(1, 5); // "Can't Lose Them"
 */
export function gridSegment(r: Score, f: Score): GridSegmentName {
  const segment = GRID[r - 1]?.[f - 1];
  if (segment === undefined) throw new RangeError(`scores must be 1-5, got r=${r} f=${f}`);
  return segment;
}
