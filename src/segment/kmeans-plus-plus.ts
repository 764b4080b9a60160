import { seededUniform } from './seeded-random.js';
import { squaredDistanceToRow } from './squared-distance.js';
import type { FeatureMatrix } from './types.js';

/**
 * Starting centres for k-means by greedy k-means++, the variant scikit-learn uses: the first
 * centre is a uniformly random customer; each next one is the best of `2 + floor(ln k)`
 * candidates drawn with probability proportional to their squared distance from the nearest
 * chosen centre, "best" meaning the candidate that most lowers the total squared distance.
 * Plain k-means++ (one candidate) lands in poor local minima often enough to miss the
 * scikit-learn reference inertia by more than 1 %; the greedy trials close that gap.
 *
 * Cost: O(n · d · k · trials) time; two Float64Arrays of n (16 bytes per customer) of memory.
 *
 * @param matrix - customers × features (never mutated)
 * @param k - number of centres, at most the number of distinct rows
 * @param seed - seed of the random draws
 * @returns k centres as arrays of d numbers, all at distinct positions
 * @example
 * kmeansPlusPlusCenters({ rows: 4, columns: 1, values: Float64Array.of(0, 0.1, 10, 10.1) }, 2, 7);
 * // one centre near 0 and one near 10, e.g. [[0.1], [10]]
 */
export function kmeansPlusPlusCenters(matrix: FeatureMatrix, k: number, seed: number): number[][] {
  const { rows, columns, values } = matrix;
  if (!Number.isInteger(k) || k < 1 || k > rows) throw new RangeError(`k must be an integer from 1 to ${rows}, got ${k}`);
  const uniform = seededUniform(seed);
  const trials = 2 + Math.floor(Math.log(k));

  const first = Math.min(rows - 1, Math.floor(uniform() * rows));
  const centers = [rowOf(matrix, first)];
  const closest = new Float64Array(rows);
  for (let row = 0; row < rows; row++) closest[row] = squaredDistanceToRow(values, row, columns, centers[0]!);
  const cumulative = new Float64Array(rows);

  while (centers.length < k) {
    let potential = 0;
    for (let row = 0; row < rows; row++) {
      potential += closest[row]!;
      cumulative[row] = potential;
    }
    if (!(potential > 0)) throw new RangeError(`k = ${k} exceeds the ${centers.length} distinct rows`);

    let bestRow = -1;
    let bestPotential = Number.POSITIVE_INFINITY;
    for (let trial = 0; trial < trials; trial++) {
      const candidate = firstAbove(cumulative, uniform() * potential);
      const candidatePoint = rowOf(matrix, candidate);
      let candidatePotential = 0;
      for (let row = 0; row < rows; row++) {
        candidatePotential += Math.min(closest[row]!, squaredDistanceToRow(values, row, columns, candidatePoint));
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestRow = candidate;
      }
    }
    const chosen = rowOf(matrix, bestRow);
    centers.push(chosen);
    for (let row = 0; row < rows; row++) {
      const distance = squaredDistanceToRow(values, row, columns, chosen);
      if (distance < closest[row]!) closest[row] = distance;
    }
  }
  return centers;
}

/**
 * First index whose running total exceeds `target`. Strictly greater, so a customer already
 * sitting on a centre (weight 0, total unchanged) is never drawn.
 */
function firstAbove(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

function rowOf(matrix: FeatureMatrix, row: number): number[] {
  return Array.from(matrix.values.subarray(row * matrix.columns, (row + 1) * matrix.columns));
}
