import { seededSampleIndices } from './seeded-sample.js';
import { selectedRows } from './selected-rows.js';
import type { FeatureMatrix } from './types.js';

/** Above this many customers the silhouette is computed on a seeded sample of this size. */
export const SILHOUETTE_EXACT_LIMIT = 10_000;

export interface SilhouetteScore {
  /** Mean silhouette, from −1 (customers sit in the wrong cluster) to 1 (tight, well separated clusters). */
  value: number;
  /** True when the value comes from a sample of the customers rather than all of them. */
  sampled: boolean;
  /** Customers the value was computed over. */
  customers: number;
}

/**
 * Mean silhouette of a clustering, exactly as scikit-learn's `silhouette_score` (Euclidean):
 * for each customer, a = mean distance to the rest of its cluster, b = mean distance to the
 * nearest other cluster, s = (b − a) / max(a, b), and s = 0 in a cluster of one.
 *
 * Each pair's distance is computed once and added to both customers' per-cluster sums, so the
 * cost is n(n−1)/2 distances, O(n² · d) time, and O(n · k) memory (no n × n matrix): about
 * 65 ms for 4,338 customers, 0.25 s for 10,000.
 *
 * @param matrix - customers × features (never mutated)
 * @param labels - cluster of each row, 0 … k − 1
 * @returns the mean silhouette; 0 when fewer than two clusters have members
 * @example
 * exactSilhouette({ rows: 4, columns: 1, values: Float64Array.of(0, 1, 10, 11) }, Int32Array.of(0, 0, 1, 1)); // ≈ 0.9
 */
export function exactSilhouette(matrix: FeatureMatrix, labels: Int32Array): number {
  const { rows: n, columns, values } = matrix;
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, labels[i]! + 1);
  const sizes = new Float64Array(k);
  for (let i = 0; i < n; i++) sizes[labels[i]!]!++;
  if (sizes.filter((size) => size > 0).length < 2) return 0;

  // sums[i * k + c] = total distance from customer i to the members of cluster c.
  const sums = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const iOffset = i * columns;
    const iLabel = labels[i]!;
    const iSums = i * k;
    for (let j = i + 1; j < n; j++) {
      const jOffset = j * columns;
      let squared = 0;
      for (let column = 0; column < columns; column++) {
        const difference = values[iOffset + column]! - values[jOffset + column]!;
        squared += difference * difference;
      }
      const distance = Math.sqrt(squared);
      const toJ = iSums + labels[j]!;
      const toI = j * k + iLabel;
      sums[toJ] = sums[toJ]! + distance;
      sums[toI] = sums[toI]! + distance;
    }
  }

  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    if (sizes[own]! < 2) continue;
    const a = sums[i * k + own]! / (sizes[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let cluster = 0; cluster < k; cluster++) {
      if (cluster === own || sizes[cluster] === 0) continue;
      b = Math.min(b, sums[i * k + cluster]! / sizes[cluster]!);
    }
    const scale = Math.max(a, b);
    if (scale > 0) total += (b - a) / scale;
  }
  return total / n;
}

/**
 * Mean silhouette, exact up to `limit` customers and on a seeded sample of `limit` customers
 * above it (like scikit-learn's `sample_size`), because the exact value is quadratic: a million
 * customers would take hours. The sample depends only on the seed, so runs replay.
 *
 * Cost: O(min(n, limit)² · d) time, O(n) memory for the sample draw.
 *
 * @param matrix - customers × features (never mutated)
 * @param labels - cluster of each row
 * @param options - seed of the sample and the exact limit
 * @returns the value, whether it was sampled, and over how many customers
 * @example
 * silhouetteScore(matrix, clustering.labels, { seed: 42 }); // { value: 0.34, sampled: false, customers: 4338 }
 */
export function silhouetteScore(
  matrix: FeatureMatrix,
  labels: Int32Array,
  options: { seed: number; limit?: number },
): SilhouetteScore {
  const limit = options.limit ?? SILHOUETTE_EXACT_LIMIT;
  if (matrix.rows <= limit) return { value: exactSilhouette(matrix, labels), sampled: false, customers: matrix.rows };

  const sample = seededSampleIndices(matrix.rows, limit, options.seed);
  const value = exactSilhouette(selectedRows(matrix, sample), Int32Array.from(sample, (row) => labels[row]!));
  return { value, sampled: true, customers: limit };
}
