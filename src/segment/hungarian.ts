/**
 * The assignment of rows to columns with the least total cost (Hungarian method, Kuhn–Munkres with potentials):
 * every row gets a distinct column when there are at least as many columns as rows, otherwise every column gets a
 * distinct row and the rows left over get none. Used to match a run's clusters to the previous run's by centroid
 * distance, so each new cluster inherits at most one old name and no old name is handed out twice.
 *
 * Cost: O(n² · m) time for n = min(rows, columns) and m = max(rows, columns); O(n · m) memory. Trivial for k ≤ 8.
 *
 * @param cost - rows × columns of finite costs (never mutated); rows may differ in count from columns
 * @returns for each row, its column, or -1 for a row left without one
 * @example
 * minimumCostAssignment([[4, 1], [2, 8]]); // [1, 0]: total 3
 * minimumCostAssignment([[1], [0], [5]]); // [-1, 0, -1]: one column, the cheapest row takes it
 */
export function minimumCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rows = cost.length;
  const columns = rows === 0 ? 0 : cost[0]!.length;
  for (const row of cost) {
    if (row.length !== columns) throw new RangeError('every row of a cost matrix needs the same number of columns');
    if (!row.every(Number.isFinite)) throw new RangeError('costs must be finite numbers');
  }
  if (rows === 0 || columns === 0) return new Array<number>(rows).fill(-1);
  if (rows <= columns) return assignedRows(cost, rows, columns);
  // More rows than columns: solve the transpose, where every column gets a row.
  const transposed = Array.from({ length: columns }, (_, column) => cost.map((row) => row[column]!));
  const rowOfColumn = assignedRows(transposed, columns, rows);
  const columnOfRow = new Array<number>(rows).fill(-1);
  rowOfColumn.forEach((row, column) => {
    columnOfRow[row] = column;
  });
  return columnOfRow;
}

/**
 * The classic shortest-augmenting-path form for n ≤ m: rows are added one at a time, each by a Dijkstra-like search
 * over reduced costs `cost − u[row] − v[column]`, which stay non-negative, so the matching stays optimal throughout.
 * Index 0 of the working arrays is a virtual column that holds the row being added.
 */
function assignedRows(cost: readonly (readonly number[])[], n: number, m: number): number[] {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfColumn = new Int32Array(m + 1); // 1-based rows; 0 = free
  const way = new Int32Array(m + 1);
  for (let row = 1; row <= n; row++) {
    rowOfColumn[0] = row;
    let column0 = 0;
    const minimum = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(m + 1);
    do {
      used[column0] = 1;
      const row0 = rowOfColumn[column0]!;
      let delta = Number.POSITIVE_INFINITY;
      let column1 = 0;
      for (let column = 1; column <= m; column++) {
        if (used[column]) continue;
        const reduced = cost[row0 - 1]![column - 1]! - u[row0]! - v[column]!;
        if (reduced < minimum[column]!) {
          minimum[column] = reduced;
          way[column] = column0;
        }
        if (minimum[column]! < delta) {
          delta = minimum[column]!;
          column1 = column;
        }
      }
      for (let column = 0; column <= m; column++) {
        if (used[column]) {
          const assigned = rowOfColumn[column]!;
          u[assigned] = u[assigned]! + delta;
          v[column] = v[column]! - delta;
        } else {
          minimum[column] = minimum[column]! - delta;
        }
      }
      column0 = column1;
    } while (rowOfColumn[column0] !== 0);
    do {
      const column1 = way[column0]!;
      rowOfColumn[column0] = rowOfColumn[column1]!;
      column0 = column1;
    } while (column0 !== 0);
  }
  const columnOfRow = new Array<number>(n).fill(-1);
  for (let column = 1; column <= m; column++) {
    if (rowOfColumn[column] !== 0) columnOfRow[rowOfColumn[column]! - 1] = column - 1;
  }
  return columnOfRow;
}
