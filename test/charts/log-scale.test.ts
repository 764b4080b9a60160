import { describe, expect, it } from 'vitest';
import { LOG_FLOOR, logAxisBounds, logSafe, spansOrdersOfMagnitude } from '../../src/charts/log-scale.js';

describe('logAxisBounds', () => {
  it.each([
    [12, 110_000, { min: 10, max: 200_000 }],
    [1, 370, { min: 1, max: 500 }],
    [10, 100, { min: 10, max: 100 }],
    [0, 40, { min: LOG_FLOOR, max: 50 }],
    [0.03, 0.7, { min: 0.02, max: 1 }],
  ])('GIVEN data from %s to %s THEN the axis runs over the 1-2-5 steps around it', (min, max, bounds) => {
    expect(logAxisBounds(min, max)).toEqual(bounds);
  });

  it('GIVEN a single value on a step THEN the axis still has a range', () => {
    expect(logAxisBounds(100, 100)).toEqual({ min: 100, max: 200 });
  });
});

describe('logSafe', () => {
  it('GIVEN 0, a negative number or NaN THEN it returns the floor, otherwise the value', () => {
    expect([0, -5, Number.NaN, 0.2, 7].map(logSafe)).toEqual([LOG_FLOOR, LOG_FLOOR, LOG_FLOOR, 0.2, 7]);
  });
});

describe('spansOrdersOfMagnitude', () => {
  it('GIVEN spend from 10 to 250,000 THEN it is skewed enough for a log axis; 50 to 500 is not', () => {
    expect(spansOrdersOfMagnitude(10, 250_000)).toBe(true);
    expect(spansOrdersOfMagnitude(50, 500)).toBe(false);
  });
});
