import { describe, expect, it } from 'vitest';
import { ReadAhead } from '../../src/ingest/read-ahead.js';

function* counted(items: number[], pulls: { count: number }): Generator<number> {
  for (const item of items) {
    pulls.count++;
    yield item;
  }
}

describe('ReadAhead', () => {
  it('GIVEN two samples of different lengths THEN each starts from the first item and the source is read once', () => {
    const pulls = { count: 0 };
    const ahead = new ReadAhead(counted([1, 2, 3, 4, 5], pulls));
    const sample = (n: number) => {
      const seen: number[] = [];
      for (const item of ahead) {
        seen.push(item);
        if (seen.length === n) break;
      }
      return seen;
    };
    expect(sample(2)).toEqual([1, 2]);
    expect(sample(3)).toEqual([1, 2, 3]);
    expect(pulls.count).toBe(3);
    expect([...ahead.rest()]).toEqual([1, 2, 3, 4, 5]);
    expect(pulls.count).toBe(5);
  });

  it('GIVEN a sample that reads past the end THEN rest still gives every item once', () => {
    const ahead = new ReadAhead([7, 8]);
    expect([...ahead]).toEqual([7, 8]);
    expect([...ahead.rest()]).toEqual([7, 8]);
  });
});
