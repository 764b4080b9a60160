import type { FeatureMatrix } from './types.js';

/**
 * How many distinct rows the matrix has, counting no further than `cap`: k-means cannot make
 * more non-empty clusters than there are distinct customers, and only "at least k" matters.
 * O(n · cap · d) worst case, usually far less as it stops once `cap` rows are found.
 *
 * @param matrix - customers × features (never mutated)
 * @param cap - stop counting here
 * @returns min(distinct rows, cap)
 * @example
 * distinctRowsUpTo({ rows: 3, columns: 1, values: Float64Array.of(1, 1, 2) }, 10); // 2
 */
export function distinctRowsUpTo(matrix: FeatureMatrix, cap: number): number {
  const { rows, columns, values } = matrix;
  const found: number[] = [];
  for (let row = 0; row < rows && found.length < cap; row++) {
    const isNew = found.every((other) => {
      for (let column = 0; column < columns; column++) {
        if (values[row * columns + column] !== values[other * columns + column]) return true;
      }
      return false;
    });
    if (isNew) found.push(row);
  }
  return found.length;
}
