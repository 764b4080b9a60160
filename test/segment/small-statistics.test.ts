import { describe, expect, it } from 'vitest';
import { roundedToCents } from '../../src/segment/cents.js';
import { distinctRowsUpTo } from '../../src/segment/distinct-rows.js';
import { median } from '../../src/segment/median.js';
import { selectedRows } from '../../src/segment/selected-rows.js';
import { squaredDistanceToRow } from '../../src/segment/squared-distance.js';

describe('median', () => {
  it('GIVEN odd, even and empty inputs THEN it returns the middle, the mean of the two middles, and NaN', () => {
    const values = [5, 1, 3, 2];
    expect(median([3, 1, 2])).toBe(2);
    expect(median(values)).toBe(2.5);
    expect(values).toEqual([5, 1, 3, 2]);
    expect(median([])).toBeNaN();
  });
});

describe('roundedToCents', () => {
  it('GIVEN float noise and tiny negatives THEN it returns clean cents and never -0', () => {
    expect(roundedToCents(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(roundedToCents(-0.001), 0)).toBe(true);
    expect(roundedToCents(-12.345678)).toBe(-12.35);
  });
});

describe('distinctRowsUpTo', () => {
  it('GIVEN duplicates THEN it counts distinct rows and stops at the cap', () => {
    const matrix = { rows: 5, columns: 2, values: Float64Array.of(1, 2, 1, 2, 3, 4, 1, 2, 5, 6) };
    expect(distinctRowsUpTo(matrix, 10)).toBe(3);
    expect(distinctRowsUpTo(matrix, 2)).toBe(2);
  });
});

describe('selectedRows and squaredDistanceToRow', () => {
  it('GIVEN row indices THEN it copies those rows in order', () => {
    const matrix = { rows: 3, columns: 2, values: Float64Array.of(0, 0, 3, 4, 6, 8) };
    const picked = selectedRows(matrix, [2, 0]);
    expect(picked).toEqual({ rows: 2, columns: 2, values: Float64Array.of(6, 8, 0, 0) });
    expect(squaredDistanceToRow(matrix.values, 1, 2, [0, 0])).toBe(25);
  });
});
