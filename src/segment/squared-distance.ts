/**
 * Squared Euclidean distance between one row of a flat row-major matrix and a point. O(d),
 * no allocation: it runs n · k times per k-means iteration.
 *
 * @param values - row-major matrix values
 * @param row - row index
 * @param columns - number of columns (d)
 * @param point - d coordinates
 * @returns the squared distance
 * @example
 * squaredDistanceToRow(Float64Array.of(0, 0, 3, 4), 1, 2, [0, 0]); // 25
 */
export function squaredDistanceToRow(values: Float64Array, row: number, columns: number, point: ArrayLike<number>): number {
  let sum = 0;
  const offset = row * columns;
  for (let column = 0; column < columns; column++) {
    const difference = values[offset + column]! - point[column]!;
    sum += difference * difference;
  }
  return sum;
}
