import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SCATTER_POINTS, sampleBySegment } from '../../src/charts/sample-by-segment.js';
import { SEVEN_SEGMENTS, syntheticCustomers } from './synthetic-customers.js';

const countBySegment = (items: readonly { segment: string }[]) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.segment, (counts.get(item.segment) ?? 0) + 1);
  return counts;
};

const isSubsequence = <T>(part: readonly T[], whole: readonly T[]) => {
  let next = 0;
  for (const item of whole) if (item === part[next]) next += 1;
  return next === part.length;
};

describe('sampleBySegment', () => {
  const customers = syntheticCustomers(SEVEN_SEGMENTS, 7);

  it('GIVEN no more items than the limit THEN it returns them all, as a new array', () => {
    const few = customers.slice(0, 10);
    const sample = sampleBySegment(few);
    expect(sample).toEqual(few);
    expect(sample).not.toBe(few);
  });

  it('GIVEN 12,924 customers THEN it keeps exactly 5,000, every segment, in input order', () => {
    const sample = sampleBySegment(customers);
    expect(customers.length).toBe(12_924);
    expect(sample).toHaveLength(MAX_SCATTER_POINTS);
    expect([...countBySegment(sample).keys()].sort()).toEqual([...countBySegment(customers).keys()].sort());
    expect(isSubsequence(sample, customers)).toBe(true);
  });

  it('GIVEN a segment of 24 customers THEN all 24 are kept', () => {
    expect(countBySegment(sampleBySegment(customers)).get("Can't Lose Them")).toBe(24);
  });

  it('GIVEN large segments THEN they keep their share of the sample within a percentage point', () => {
    const sample = countBySegment(sampleBySegment(customers));
    const all = countBySegment(customers);
    for (const name of ['Champions', 'Potential Loyalists', 'Hibernating']) {
      expect(Math.abs(sample.get(name)! / MAX_SCATTER_POINTS - all.get(name)! / customers.length)).toBeLessThan(0.01);
    }
  });

  it('GIVEN the same input twice THEN the sample is the same and the input unchanged', () => {
    const copy = [...customers];
    expect(sampleBySegment(customers)).toEqual(sampleBySegment(customers));
    expect(customers).toEqual(copy);
  });

  it('GIVEN a limit below the number of segments THEN it refuses', () => {
    expect(() => sampleBySegment(customers, 3)).toThrow(RangeError);
  });

  it('GIVEN any segments and limit THEN it keeps min(n, limit) items, every segment, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ segment: fc.constantFrom('A', 'B', 'C', 'D', 'E') }), { maxLength: 400 }),
        fc.integer({ min: 5, max: 300 }),
        (items, limit) => {
          const sample = sampleBySegment(items, limit);
          expect(sample).toHaveLength(Math.min(items.length, limit));
          expect(countBySegment(sample).size).toBe(countBySegment(items).size);
          expect(isSubsequence(sample, items)).toBe(true);
        },
      ),
    );
  });
});
