import { seededUniform } from './seeded-random.js';
import type { FeatureMatrix } from './types.js';

/**
 * Starting centres for k-means by greedy k-means++, the variant scikit-learn uses: the first
 * centre is a uniformly random customer; each next one is the best of `2 + floor(ln k)`
 * candidates drawn with probability proportional to their squared distance from the nearest
 * chosen centre, "best" meaning the candidate that most lowers the total squared distance.
 * Plain k-means++ (one candidate) lands in poor local minima often enough to miss the
 * scikit-learn reference inertia by more than 1 %; the greedy trials close that gap.
 *
 * Cost: O(n · d · k · trials) time, about 0.4 ms per start for 4,338 customers (k = 3…8
 * averaged); four Float64Arrays of n (32 bytes per customer) of memory.
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
  const { rows } = matrix;
  if (!Number.isInteger(k) || k < 1 || k > rows) throw new RangeError(`k must be an integer from 1 to ${rows}, got ${k}`);
  const uniform = seededUniform(seed);
  const trials = 2 + Math.floor(Math.log(k));

  const first = Math.min(rows - 1, Math.floor(uniform() * rows));
  const centers = [rowOf(matrix, first)];
  // closest[row] = squared distance from row to its nearest chosen centre. Each trial's
  // distances are kept, so the chosen candidate's need no second pass over the rows.
  let closest = new Float64Array(rows);
  let trialClosest = new Float64Array(rows).fill(Number.POSITIVE_INFINITY);
  let bestClosest = new Float64Array(rows);
  const cumulative = new Float64Array(rows);
  closestWithCandidate(matrix, first, trialClosest, closest);

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
      const candidatePotential = closestWithCandidate(matrix, candidate, closest, trialClosest);
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestRow = candidate;
        [bestClosest, trialClosest] = [trialClosest, bestClosest];
      }
    }
    centers.push(rowOf(matrix, bestRow));
    [closest, bestClosest] = [bestClosest, closest];
  }
  return centers;
}

/**
 * Writes into `into` each row's squared distance to the nearer of `closest` and the candidate
 * row, and returns their total (the potential with the candidate added). Written out for the
 * three columns of RFM, as well: about a third faster, the same sums bit for bit.
 */
function closestWithCandidate(matrix: FeatureMatrix, candidate: number, closest: Float64Array, into: Float64Array): number {
  const { rows, columns, values } = matrix;
  const candidateOffset = candidate * columns;
  let potential = 0;
  if (columns === 3) {
    const x = values[candidateOffset]!;
    const y = values[candidateOffset + 1]!;
    const z = values[candidateOffset + 2]!;
    for (let row = 0; row < rows; row++) {
      const a = values[3 * row]! - x;
      const b = values[3 * row + 1]! - y;
      const c = values[3 * row + 2]! - z;
      const nearer = Math.min(closest[row]!, a * a + b * b + c * c);
      into[row] = nearer;
      potential += nearer;
    }
    return potential;
  }
  for (let row = 0; row < rows; row++) {
    const offset = row * columns;
    let squared = 0;
    for (let column = 0; column < columns; column++) {
      const difference = values[offset + column]! - values[candidateOffset + column]!;
      squared += difference * difference;
    }
    const nearer = Math.min(closest[row]!, squared);
    into[row] = nearer;
    potential += nearer;
  }
  return potential;
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
