/**
 * Seeded pseudo-random numbers, so a segmentation run can be replayed from its stored seed.
 * Math.random cannot be seeded, and ml-random's seeding is an ml-kmeans internal we do not own.
 */

/**
 * A uniform generator on [0, 1) from a 32-bit seed (mulberry32: tiny, fast, passes gjrand's
 * tests at the sizes we draw). Each call costs O(1).
 *
 * @param seed - any integer; only its low 32 bits are used
 * @returns a function returning the next number in [0, 1)
 * @example
 * const next = seededUniform(42);
 * next(); // same value on every machine for seed 42
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A child seed from a base seed and a path of small integers (for example k and the restart
 * number), so every restart has its own independent, reproducible stream. O(path length).
 *
 * @param seed - the run's base seed
 * @param path - integers that name the child stream
 * @returns an unsigned 32-bit seed
 * @example
 * derivedSeed(42, 5, 0) !== derivedSeed(42, 5, 1); // true
 */
export function derivedSeed(seed: number, ...path: number[]): number {
  let hash = mix32(seed >>> 0);
  for (const part of path) {
    hash = mix32((hash ^ (part >>> 0)) + 0x9e3779b9);
  }
  return hash;
}

/** The murmur3 finaliser: spreads every input bit over the whole word, so nearby paths diverge. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
