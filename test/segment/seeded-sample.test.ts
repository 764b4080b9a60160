import { describe, expect, it } from 'vitest';
import { seededSampleIndices } from '../../src/segment/seeded-sample.js';

describe('seededSampleIndices', () => {
  it('GIVEN a seed THEN it returns the same ascending distinct indices every time', () => {
    const sample = seededSampleIndices(1000, 50, 3);
    expect(new Set(sample).size).toBe(50);
    expect(Array.from(sample)).toEqual(Array.from(sample).sort((a, b) => a - b));
    expect(seededSampleIndices(1000, 50, 3)).toEqual(sample);
    expect(seededSampleIndices(1000, 50, 4)).not.toEqual(sample);
  });

  it('GIVEN a sample as large as the population THEN it is everyone', () => {
    expect(Array.from(seededSampleIndices(4, 10, 1))).toEqual([0, 1, 2, 3]);
  });
});
