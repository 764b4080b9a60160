import { describe, expect, it } from 'vitest';
import { originalUnits, scaledRfm, segmentMeans } from '../../src/segment/scaling.js';
import { customer } from './helpers/sales.js';

describe('scaledRfm', () => {
  const customers = [customer('a', 0, 1, 100), customer('b', 9, 3, 1000), customer('c', 99, 7, -40)];

  it('GIVEN three customers THEN each column is log1p, centred, and divided by the population std', () => {
    const { matrix, parameters } = scaledRfm(customers);
    expect(matrix).toMatchObject({ rows: 3, columns: 3 });
    const recency = [0, 9, 99].map(Math.log1p);
    const mean = recency.reduce((a, b) => a + b) / 3;
    const std = Math.sqrt(recency.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 3);
    expect(parameters.means[0]).toBeCloseTo(mean, 12);
    expect(parameters.stds[0]).toBeCloseTo(std, 12);
    expect(matrix.values[3]).toBeCloseTo((Math.log1p(9) - mean) / std, 12);
    for (let column = 0; column < 3; column++) {
      const values = [0, 1, 2].map((row) => matrix.values[row * 3 + column]!);
      expect(values.reduce((a, b) => a + b)).toBeCloseTo(0, 12);
      expect(values.reduce((sum, value) => sum + value ** 2, 0) / 3).toBeCloseTo(1, 12);
    }
  });

  it('GIVEN negative net spend THEN it is treated as zero spend', () => {
    const { matrix, parameters } = scaledRfm(customers);
    expect(matrix.values[2 * 3 + 2]! * parameters.stds[2]! + parameters.means[2]!).toBeCloseTo(0, 12);
  });

  it('GIVEN a scaled point THEN originalUnits inverts the transform', () => {
    const { matrix, parameters } = scaledRfm(customers);
    expect(originalUnits(matrix.values.subarray(3, 6), parameters)).toEqual({
      recencyDays: expect.closeTo(9, 9),
      frequency: expect.closeTo(3, 9),
      monetary: expect.closeTo(1000, 9),
    });
  });

  it('GIVEN a constant column THEN it scales to zeros instead of dividing by zero', () => {
    const { matrix, parameters } = scaledRfm([customer('a', 5, 1, 10), customer('b', 5, 2, 20)]);
    expect(parameters.stds[0]).toBe(1);
    expect([matrix.values[0], matrix.values[3]]).toEqual([0, 0]);
  });
});

describe('segmentMeans', () => {
  it('GIVEN rows in two segments THEN each segment gets the mean of its rows per column', () => {
    const matrix = { rows: 3, columns: 2, values: Float64Array.of(1, 2, 3, 4, 10, 20) };
    expect(segmentMeans(matrix, ['A', 'B', 'A'])).toEqual(new Map([['A', [5.5, 11]], ['B', [3, 4]]]));
  });

  it('GIVEN k-means labels THEN the means are the centroids', () => {
    const { matrix } = scaledRfm([
      { recencyDays: 1, frequency: 9, monetary: 900 },
      { recencyDays: 2, frequency: 8, monetary: 800 },
      { recencyDays: 300, frequency: 1, monetary: 10 },
      { recencyDays: 250, frequency: 1, monetary: 20 },
    ]);
    const means = segmentMeans(matrix, ['hot', 'hot', 'cold', 'cold']);
    const hot = means.get('hot')!;
    expect(hot[0]).toBeCloseTo((matrix.values[0]! + matrix.values[3]!) / 2, 12);
    expect(means.get('cold')![2]).toBeLessThan(0);
  });
});
