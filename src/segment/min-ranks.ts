/**
 * 1-based ranks in ascending order where ties share the lowest rank (pandas' `method="min"`):
 * [10, 20, 20, 30] ranks as [1, 2, 2, 4]. O(n log n) time, O(n) extra memory.
 *
 * @param values - numbers to rank (never mutated); NaN is not expected
 * @returns ranks in input order
 * @example
 * minRanks([30, 10, 20, 10]); // Int32Array [4, 1, 3, 1]
 */
export function minRanks(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);

  const ranks = new Int32Array(n);
  let rank = 1;
  for (let position = 0; position < n; position++) {
    const index = order[position]!;
    if (position > 0 && values[index] !== values[order[position - 1]!]) rank = position + 1;
    ranks[index] = rank;
  }
  return ranks;
}
