import { seededUniform } from './seeded-random.js';

/**
 * A uniform random sample of `size` distinct indices out of `0 … population − 1`, the same for
 * the same seed: the first `size` steps of a seeded Fisher–Yates shuffle, returned in ascending
 * order so sampled rows keep their original order. O(population) time and memory (one Int32Array).
 *
 * @param population - number of items to draw from
 * @param size - number of items wanted; all of them when it is not smaller than the population
 * @param seed - seed of the shuffle
 * @returns ascending distinct indices
 * @example
 * seededSampleIndices(1_000_000, 10_000, 42).length; // 10000
 */
export function seededSampleIndices(population: number, size: number, seed: number): Int32Array {
  const indices = new Int32Array(population);
  for (let i = 0; i < population; i++) indices[i] = i;
  if (size >= population) return indices;
  const uniform = seededUniform(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(uniform() * (population - i));
    const swap = indices[i]!;
    indices[i] = indices[j]!;
    indices[j] = swap;
  }
  return indices.slice(0, size).sort();
}
