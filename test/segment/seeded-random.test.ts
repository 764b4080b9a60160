import { describe, expect, it } from 'vitest';
import { derivedSeed, seededUniform } from '../../src/segment/seeded-random.js';

describe('seededUniform', () => {
  it('GIVEN a seed THEN it replays the same numbers in [0, 1) with a mean near 1/2', () => {
    const first = seededUniform(42);
    const second = seededUniform(42);
    const draws = Array.from({ length: 10_000 }, () => first());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => second()));
    expect(draws.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(draws.reduce((a, b) => a + b) / draws.length).toBeCloseTo(0.5, 1);
  });
});

describe('derivedSeed', () => {
  it('GIVEN different paths THEN the child seeds differ and are stable', () => {
    const seeds = new Set<number>();
    for (let k = 2; k <= 8; k++) for (let restart = 0; restart < 10; restart++) seeds.add(derivedSeed(42, k, restart));
    expect(seeds.size).toBe(70);
    expect(derivedSeed(42, 5, 3)).toBe(derivedSeed(42, 5, 3));
    expect(derivedSeed(42, 5, 3)).not.toBe(derivedSeed(43, 5, 3));
  });
});
