import { describe, expect, it } from 'vitest';
import { summariseBox } from '../../src/charts/box-summary.js';
import { LOG_FLOOR } from '../../src/charts/log-scale.js';

// Quartiles match numpy.percentile(values, [25, 50, 75]) (linear interpolation).
describe('summariseBox', () => {
  it('GIVEN 1, 2, 3, 4, 100 on a linear scale THEN 100 lies beyond the upper whisker', () => {
    expect(summariseBox([100, 3, 1, 4, 2], 'linear')).toEqual({
      min: 1,
      q1: 2,
      median: 3,
      q3: 4,
      max: 100,
      whiskerMin: 1,
      whiskerMax: 4,
      outliers: [100],
    });
  });

  it('GIVEN 1..10 THEN quartiles are interpolated like numpy', () => {
    const box = summariseBox([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'linear');
    expect([box.q1, box.median, box.q3]).toEqual([3.25, 5.5, 7.75]);
  });

  it('GIVEN values a decade apart THEN a log scale sees no outliers where a linear scale does', () => {
    const values = [1, 10, 100, 1_000, 10_000];
    const log = summariseBox(values, 'log');
    expect(log.q1).toBeCloseTo(10, 9);
    expect(log.median).toBeCloseTo(100, 9);
    expect(log.q3).toBeCloseTo(1_000, 9);
    expect(log.outliers).toEqual([]);
    expect(summariseBox(values, 'linear').outliers).toEqual([10_000]);
  });

  it('GIVEN values of 0 or less on a log scale THEN they are placed at the log floor', () => {
    const box = summariseBox([-20, 0, 50, 60, 70], 'log');
    expect(box.min).toBe(LOG_FLOOR);
  });

  it('GIVEN thousands of outliers THEN 200 are kept, including both extremes', () => {
    const values = [...Array.from({ length: 4_000 }, () => 100), ...Array.from({ length: 1_000 }, (_, i) => 1_000 + i)];
    const box = summariseBox(values, 'linear');
    expect(box.outliers).toHaveLength(200);
    expect(box.outliers[0]).toBe(1_000);
    expect(box.outliers.at(-1)).toBe(1_999);
  });

  it('GIVEN no values THEN it refuses', () => {
    expect(() => summariseBox([], 'linear')).toThrow(/empty/);
  });

  it('GIVEN values THEN they are not modified', () => {
    const values = [3, 1, 2];
    summariseBox(values, 'log');
    expect(values).toEqual([3, 1, 2]);
  });
});
