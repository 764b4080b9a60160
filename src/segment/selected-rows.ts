import type { FeatureMatrix } from './types.js';

/**
 * A new matrix holding only the given rows, in the order given. O(indices · d).
 *
 * @param matrix - customers × features (never mutated)
 * @param indices - row numbers to keep
 * @returns a matrix of `indices.length` rows
 * @example
 * selectedRows({ rows: 3, columns: 1, values: Float64Array.of(5, 6, 7) }, Int32Array.of(0, 2)).values; // [5, 7]
 */
export function selectedRows(matrix: FeatureMatrix, indices: ArrayLike<number>): FeatureMatrix {
  const { columns } = matrix;
  const values = new Float64Array(indices.length * columns);
  for (let position = 0; position < indices.length; position++) {
    const row = indices[position]!;
    values.set(matrix.values.subarray(row * columns, (row + 1) * columns), position * columns);
  }
  return { rows: indices.length, columns, values };
}
