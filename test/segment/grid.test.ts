import { describe, expect, it } from 'vitest';
import { GRID_SEGMENTS, gridSegment } from '../../src/segment/grid.js';
import type { Score } from '../../src/segment/types.js';

/** The widely used regex map, as published, to check the table against. */
const REGEX_MAP: [RegExp, string][] = [
  [/^[1-2][1-2]$/, 'Hibernating'],
  [/^[1-2][3-4]$/, 'At Risk'],
  [/^[1-2]5$/, "Can't Lose Them"],
  [/^3[1-2]$/, 'About To Sleep'],
  [/^33$/, 'Need Attention'],
  [/^[3-4][4-5]$/, 'Loyal Customers'],
  [/^41$/, 'Promising'],
  [/^51$/, 'New Customers'],
  [/^[4-5][2-3]$/, 'Potential Loyalists'],
  [/^5[4-5]$/, 'Champions'],
];
const SCORES: Score[] = [1, 2, 3, 4, 5];
const cells = SCORES.flatMap((r) => SCORES.map((f) => ({ r, f, key: `${r}${f}` })));

describe('gridSegment', () => {
  it('GIVEN each of the 25 R × F cells THEN exactly one regex matches it and the table agrees', () => {
    for (const { r, f, key } of cells) {
      const matches = REGEX_MAP.filter(([pattern]) => pattern.test(key));
      expect(matches, `cell ${key}`).toHaveLength(1);
      expect(gridSegment(r, f), `cell ${key}`).toBe(matches[0]![1]);
    }
  });

  it('THEN every one of the ten segments is reachable', () => {
    const reached = new Set(cells.map(({ r, f }) => gridSegment(r, f)));
    expect([...reached].sort()).toEqual([...GRID_SEGMENTS].sort());
    expect(GRID_SEGMENTS).toHaveLength(10);
  });

  it('GIVEN a score outside 1–5 THEN it refuses', () => {
    expect(() => gridSegment(6 as Score, 1)).toThrow(RangeError);
  });
});
