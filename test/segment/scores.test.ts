import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minRanks } from '../../src/segment/min-ranks.js';
import { percentileRanks, quintileScores } from '../../src/segment/scores.js';
import { customer } from './helpers/sales.js';

describe('minRanks', () => {
  it('GIVEN ties THEN they share the lowest rank, like pandas rank(method="min")', () => {
    expect(Array.from(minRanks([30, 10, 20, 10, 30]))).toEqual([4, 1, 3, 1, 4]);
  });
});

describe('quintileScores', () => {
  it('GIVEN ten distinct customers THEN each fifth gets one score, recency reversed', () => {
    const customers = Array.from({ length: 10 }, (_, i) => customer(String(i), 100 - i, i + 1, (i + 1) * 10));
    const scores = quintileScores(customers);
    expect(scores.map((score) => score.r)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((score) => score.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(scores.map((score) => score.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('GIVEN most customers bought once THEN they all share the lowest frequency score', () => {
    const frequencies = [1, 1, 1, 1, 1, 1, 2, 2, 3, 9];
    const scores = quintileScores(frequencies.map((f, i) => customer(String(i), 5, f, 10)));
    // r = 1 for all six one-timers: 1 + floor(5 · 0 / 10) = 1; r = 7 → 1 + floor(30/10) = 4.
    expect(scores.map((score) => score.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // Everyone bought on the same day: all share rank 1, score 1.
    expect(new Set(scores.map((score) => score.r))).toEqual(new Set([1]));
  });

  it('PROPERTY: equal values get equal scores and better values never get lower ones', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(400), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -50, max: 5000 })), { minLength: 1, maxLength: 60 }), (rows) => {
        const customers = rows.map(([r, f, m], i) => customer(String(i), r, f, m));
        const scores = quintileScores(customers);
        const percentiles = percentileRanks(customers);
        customers.forEach((a, i) => {
          customers.forEach((b, j) => {
            if (a.recencyDays <= b.recencyDays) expect(scores[i]!.r).toBeGreaterThanOrEqual(scores[j]!.r);
            if (a.frequency >= b.frequency) expect(scores[i]!.f).toBeGreaterThanOrEqual(scores[j]!.f);
            if (a.monetary >= b.monetary) expect(scores[i]!.m).toBeGreaterThanOrEqual(scores[j]!.m);
          });
          expect(scores[i]!.r).toBe(1 + Math.floor(percentiles[i]!.r / 20 + 1e-9));
          expect(scores[i]!.m).toBe(1 + Math.floor(percentiles[i]!.m / 20 + 1e-9));
        });
      }),
    );
  });
});

describe('percentileRanks', () => {
  it('GIVEN four customers THEN each percentile is the share of customers beaten', () => {
    const customers = [customer('a', 10, 1, 50), customer('b', 5, 2, 100), customer('c', 5, 3, 25), customer('d', 40, 1, 75)];
    expect(percentileRanks(customers)).toEqual([
      { r: 25, f: 0, m: 25 },
      { r: 50, f: 50, m: 75 },
      { r: 50, f: 75, m: 0 },
      { r: 0, f: 0, m: 50 },
    ]);
  });
});
