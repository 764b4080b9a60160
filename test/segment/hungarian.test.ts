import { describe, expect, it } from 'vitest';
import { minimumCostAssignment } from '../../src/segment/hungarian.js';
import { seededUniform } from '../../src/segment/seeded-random.js';

/** Least total cost over every assignment, by trying them all: the known answer for small matrices. */
function bruteForceMinimum(cost: number[][]): number {
  const rows = cost.length;
  const columns = cost[0]!.length;
  const pairs = Math.min(rows, columns);
  let best = Number.POSITIVE_INFINITY;
  const usedRows = new Array<boolean>(rows).fill(false);
  const usedColumns = new Array<boolean>(columns).fill(false);
  const search = (made: number, total: number, fromRow: number) => {
    if (made === pairs) {
      best = Math.min(best, total);
      return;
    }
    for (let row = fromRow; row < rows; row++) {
      if (usedRows[row]) continue;
      usedRows[row] = true;
      for (let column = 0; column < columns; column++) {
        if (usedColumns[column]) continue;
        usedColumns[column] = true;
        search(made + 1, total + cost[row]![column]!, row + 1);
        usedColumns[column] = false;
      }
      usedRows[row] = false;
    }
  };
  search(0, 0, 0);
  return best;
}

const totalOf = (cost: number[][], assignment: number[]) =>
  assignment.reduce((sum, column, row) => sum + (column < 0 ? 0 : cost[row]![column]!), 0);

describe('minimumCostAssignment', () => {
  it('GIVEN a square matrix where the greedy cheapest pair is wrong THEN it finds the least total', () => {
    // Greedy takes (0,0) = 1 and is then forced into (1,1) = 100; the optimum is 2 + 3.
    const cost = [
      [1, 2],
      [3, 100],
    ];
    expect(minimumCostAssignment(cost)).toEqual([1, 0]);
  });

  it('GIVEN more columns than rows (a cluster disappeared) THEN every row gets a distinct column and one column is left', () => {
    const cost = [
      [9, 0.1, 7],
      [0.2, 8, 6],
    ];
    expect(minimumCostAssignment(cost)).toEqual([1, 0]);
  });

  it('GIVEN more rows than columns (a cluster appeared) THEN the extra row gets -1', () => {
    const cost = [[5, 1], [0.5, 9], [4, 4]];
    expect(minimumCostAssignment(cost)).toEqual([1, 0, -1]);
    expect(minimumCostAssignment([[1], [0], [5]])).toEqual([-1, 0, -1]);
  });

  it('GIVEN empty or one-cell matrices THEN the answers are trivial', () => {
    expect(minimumCostAssignment([])).toEqual([]);
    expect(minimumCostAssignment([[], []])).toEqual([-1, -1]);
    expect(minimumCostAssignment([[3]])).toEqual([0]);
  });

  it('GIVEN ragged rows or a NaN cost THEN it refuses', () => {
    expect(() => minimumCostAssignment([[1, 2], [3]])).toThrow(RangeError);
    expect(() => minimumCostAssignment([[1, Number.NaN]])).toThrow(RangeError);
  });

  it('GIVEN 300 random matrices up to 7 × 7, square and rectangular THEN the total equals the brute-force minimum and no column is used twice', () => {
    const uniform = seededUniform(7);
    for (let trial = 0; trial < 300; trial++) {
      const rows = 1 + Math.floor(uniform() * 7);
      const columns = 1 + Math.floor(uniform() * 7);
      // Integers with ties in half the trials: ties are where a wrong update shows.
      const cost = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => (trial % 2 === 0 ? Math.floor(uniform() * 4) : uniform() * 10 - 2)),
      );
      const assignment = minimumCostAssignment(cost);
      expect(assignment).toHaveLength(rows);
      const columnsUsed = assignment.filter((column) => column >= 0);
      expect(columnsUsed).toHaveLength(Math.min(rows, columns));
      expect(new Set(columnsUsed).size).toBe(columnsUsed.length);
      expect(totalOf(cost, assignment)).toBeCloseTo(bruteForceMinimum(cost), 9);
    }
  });
});
