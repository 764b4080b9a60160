import { describe, expect, it } from 'vitest';
import { seededUniform } from '../../src/segment/seeded-random.js';
import { exactSilhouette, exactSilhouettes, silhouetteScore, silhouetteScores } from '../../src/segment/silhouette.js';
import type { FeatureMatrix } from '../../src/segment/types.js';
import { blobs } from './helpers/blobs.js';

const line = (...values: number[]): FeatureMatrix => ({ rows: values.length, columns: 1, values: Float64Array.from(values) });

/** Textbook O(n²) silhouette with a full distance matrix, to check the fast one against. */
function naiveSilhouette(matrix: FeatureMatrix, labels: Int32Array): number {
  const point = (i: number) => Array.from(matrix.values.subarray(i * matrix.columns, (i + 1) * matrix.columns));
  const distance = (i: number, j: number) => Math.hypot(...point(i).map((value, c) => value - point(j)[c]!));
  const clusters = [...new Set(labels)];
  let total = 0;
  for (let i = 0; i < matrix.rows; i++) {
    const meanTo = (cluster: number) => {
      const members = [...labels.keys()].filter((j) => labels[j] === cluster && j !== i);
      return members.reduce((sum, j) => sum + distance(i, j), 0) / members.length;
    };
    const own = labels[i]!;
    if (labels.filter((label) => label === own).length === 1) continue;
    const a = meanTo(own);
    const b = Math.min(...clusters.filter((cluster) => cluster !== own).map(meanTo));
    total += (b - a) / Math.max(a, b);
  }
  return total / matrix.rows;
}

describe('exactSilhouette', () => {
  it('GIVEN two pairs on a line THEN it matches the hand computation', () => {
    // 0 and 11: a = 1, b = 10.5; 1 and 10: a = 1, b = 9.5.
    const expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
    expect(exactSilhouette(line(0, 1, 10, 11), Int32Array.of(0, 0, 1, 1))).toBeCloseTo(expected, 12);
  });

  it('GIVEN a cluster of one THEN that customer scores 0, as in scikit-learn', () => {
    const expected = ((1 - 1 / 10) + (1 - 1 / 9)) / 3;
    expect(exactSilhouette(line(0, 1, 10), Int32Array.of(0, 0, 1))).toBeCloseTo(expected, 12);
  });

  it('GIVEN random blobs THEN it agrees with the textbook version', () => {
    const matrix = blobs([[0, 0, 0], [2, 1, 0], [0, 2, 2]], 25, 1.5, 5);
    const labels = Int32Array.from({ length: matrix.rows }, (_, i) => (i * 7) % 3);
    expect(exactSilhouette(matrix, labels)).toBeCloseTo(naiveSilhouette(matrix, labels), 12);
  });

  it('GIVEN a single cluster THEN it is 0', () => {
    expect(exactSilhouette(line(1, 2, 3), Int32Array.of(0, 0, 0))).toBe(0);
  });
});

describe('exactSilhouettes', () => {
  const uniform = seededUniform(17);
  const matrix: FeatureMatrix = { rows: 90, columns: 3, values: Float64Array.from({ length: 270 }, () => 4 * uniform() - 2) };
  // k = 2…6 plus one with an unused cluster number; five labelings, so the odd one out is scored alone.
  const labelings = [
    ...[2, 3, 4, 5, 6].map((k) => Int32Array.from({ length: matrix.rows }, () => Math.floor(uniform() * k))),
    Int32Array.from({ length: matrix.rows }, () => (uniform() < 0.5 ? 0 : 3)),
  ];

  it('GIVEN several random labelings THEN each value is the one a pass over that labeling alone gives', () => {
    const together = exactSilhouettes(matrix, labelings);
    labelings.forEach((labels, l) => {
      expect(Math.abs(together[l]! - exactSilhouette(matrix, labels))).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(together[l]! - naiveSilhouette(matrix, labels))).toBeLessThanOrEqual(1e-12);
    });
    expect(exactSilhouettes(matrix, labelings.slice(1, 5))).toEqual(together.slice(1, 5));
  });

  it('GIVEN two or four columns instead of three THEN the values still match the textbook version', () => {
    for (const columns of [2, 4]) {
      const other: FeatureMatrix = { rows: 60, columns, values: Float64Array.from({ length: 60 * columns }, () => uniform()) };
      const threeLabelings = labelings.slice(0, 3).map((labels) => labels.subarray(0, 60));
      exactSilhouettes(other, threeLabelings).forEach((value, l) => {
        expect(Math.abs(value - naiveSilhouette(other, threeLabelings[l]!))).toBeLessThanOrEqual(1e-12);
      });
    }
  });

  it('GIVEN no labelings THEN there is nothing to score', () => {
    expect(exactSilhouettes(matrix, [])).toEqual([]);
  });

  it('GIVEN a labeling of the wrong length THEN it refuses', () => {
    expect(() => exactSilhouettes(matrix, [labelings[0]!, Int32Array.of(0, 1)])).toThrow(RangeError);
  });
});

describe('silhouetteScore', () => {
  const matrix = blobs([[0, 0], [4, 0], [0, 4]], 40, 1, 9);
  const labels = Int32Array.from({ length: matrix.rows }, (_, i) => Math.floor(i / 40));

  it('GIVEN no more customers than the limit THEN it is exact and says so', () => {
    expect(silhouetteScore(matrix, labels, { seed: 1 })).toEqual({ value: exactSilhouette(matrix, labels), sampled: false, customers: 120 });
  });

  it('GIVEN more customers than the limit THEN it samples deterministically and flags it', () => {
    const sampled = silhouetteScore(matrix, labels, { seed: 1, limit: 60 });
    expect(sampled).toMatchObject({ sampled: true, customers: 60 });
    expect(silhouetteScore(matrix, labels, { seed: 1, limit: 60 })).toEqual(sampled);
    expect(Math.abs(sampled.value - exactSilhouette(matrix, labels))).toBeLessThan(0.1);
  });
});

describe('silhouetteScores', () => {
  const matrix = blobs([[0, 0], [4, 0], [0, 4]], 40, 1, 9);
  const byBlob = Int32Array.from({ length: matrix.rows }, (_, i) => Math.floor(i / 40));
  const byStripe = Int32Array.from({ length: matrix.rows }, (_, i) => i % 4);

  it('GIVEN no more customers than the limit THEN each labeling scores as it would alone', () => {
    expect(silhouetteScores(matrix, [byBlob, byStripe], { seed: 1 })).toEqual([
      silhouetteScore(matrix, byBlob, { seed: 1 }),
      silhouetteScore(matrix, byStripe, { seed: 1 }),
    ]);
  });

  it('GIVEN more customers than the limit THEN every labeling is scored on the same seeded sample', () => {
    const scores = silhouetteScores(matrix, [byBlob, byStripe], { seed: 1, limit: 60 });
    expect(scores).toEqual([silhouetteScore(matrix, byBlob, { seed: 1, limit: 60 }), silhouetteScore(matrix, byStripe, { seed: 1, limit: 60 })]);
    expect(scores.every((score) => score.sampled && score.customers === 60)).toBe(true);
  });
});
