import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { clusteringFromCenters, kmeansClustering } from '../../src/segment/kmeans.js';
import { kmeansPlusPlusCenters } from '../../src/segment/kmeans-plus-plus.js';
import type { FeatureMatrix } from '../../src/segment/types.js';
import { blobs } from './helpers/blobs.js';

const threeBlobs = blobs([[0, 0], [10, 0], [0, 10]], 30, 1);
const sixPoints: FeatureMatrix = { rows: 6, columns: 2, values: Float64Array.of(0, 0, 0.1, 0, 0, 0.1, 10, 10, 10.1, 10, 10, 10.1) };

describe('kmeansClustering', () => {
  it('GIVEN three separated blobs THEN it finds them, largest cluster first', () => {
    const clustering = kmeansClustering(threeBlobs, 3, { seed: 7 });
    expect(clustering.sizes).toEqual([30, 30, 30]);
    for (let blob = 0; blob < 3; blob++) {
      const labels = new Set(clustering.labels.subarray(blob * 30, blob * 30 + 30));
      expect(labels.size).toBe(1);
    }
    expect(clustering.inertia).toBeLessThan(90 * 2);
  });

  it('GIVEN the same seed THEN the result is identical; another seed still converges to the same partition', () => {
    const a = kmeansClustering(threeBlobs, 3, { seed: 7 });
    expect(kmeansClustering(threeBlobs, 3, { seed: 7 })).toEqual(a);
    expect(kmeansClustering(threeBlobs, 3, { seed: 8 }).inertia).toBeCloseTo(a.inertia, 9);
  });

  it('never mutates the matrix', () => {
    const before = Float64Array.from(threeBlobs.values);
    kmeansClustering(threeBlobs, 4, { seed: 1 });
    expect(threeBlobs.values).toEqual(before);
  });

  it('GIVEN more rows than the restart sample THEN restarts run on the sample and every row is clustered', () => {
    const big = blobs([[0, 0, 0], [5, 5, 5], [-5, 5, 0]], 400, 1, 3);
    const clustering = kmeansClustering(big, 3, { seed: 3, restartSampleLimit: 200 });
    expect(clustering.sizes).toEqual([400, 400, 400]);
  });
});

describe('clusteringFromCenters', () => {
  it('GIVEN three columns THEN the written-out distance gives ml-kmeans its default result bit for bit', () => {
    const matrix = blobs([[0, 0, 0], [3, 0, 0], [0, 3, 1]], 40, 2, 4);
    const start = kmeansPlusPlusCenters(matrix, 3, 5);
    const rows = Array.from({ length: matrix.rows }, (_, row) => Array.from(matrix.values.subarray(row * 3, row * 3 + 3)));
    const reference = mlKmeans(rows, 3, { initialization: start.map((center) => [...center]), maxIterations: 300, tolerance: 1e-6 });
    const clustering = clusteringFromCenters(matrix, start);
    const byCoordinates = (centers: number[][]) => centers.map((center) => center.join(' ')).sort();
    expect(clustering.iterations).toBe(reference.iterations);
    expect(byCoordinates(clustering.centroids)).toEqual(byCoordinates(reference.centroids));
  });
});

describe('clusteringFromCenters (empty clusters)', () => {
  it('GIVEN a start centre far from everyone THEN ml-kmeans alone leaves that cluster empty', () => {
    const rows = [[0, 0], [0.1, 0], [0, 0.1], [10, 10], [10.1, 10], [10, 10.1]];
    const result = mlKmeans(rows, 3, { initialization: [[0, 0], [10, 10], [100, 100]] });
    expect(result.clusters.filter((cluster) => cluster === 2)).toHaveLength(0);
  });

  it('GIVEN the same start THEN the empty cluster is re-seeded and every cluster has members', () => {
    const clustering = clusteringFromCenters(sixPoints, [[0, 0], [10, 10], [100, 100]]);
    expect(clustering.sizes.every((size) => size > 0)).toBe(true);
    expect(clustering.sizes.reduce((a, b) => a + b)).toBe(6);
    expect(new Set(clustering.labels).size).toBe(3);
  });

  it('GIVEN two identical start centres THEN one is moved and no cluster is empty', () => {
    const clustering = clusteringFromCenters(threeBlobs, [[0, 0], [0, 0], [0, 0]]);
    expect(clustering.sizes.every((size) => size > 0)).toBe(true);
  });
});

describe('kmeansPlusPlusCenters', () => {
  it('GIVEN k equal to the number of distinct rows THEN it picks each distinct row once', () => {
    const duplicates: FeatureMatrix = { rows: 6, columns: 1, values: Float64Array.of(1, 1, 1, 5, 5, 9) };
    const centers = kmeansPlusPlusCenters(duplicates, 3, 11).map((center) => center[0]);
    expect(centers.sort()).toEqual([1, 5, 9]);
  });

  it('GIVEN k above the number of distinct rows THEN it refuses rather than return an empty cluster', () => {
    const duplicates: FeatureMatrix = { rows: 4, columns: 1, values: Float64Array.of(1, 1, 5, 5) };
    expect(() => kmeansPlusPlusCenters(duplicates, 3, 1)).toThrow(RangeError);
    expect(() => kmeansClustering(duplicates, 3, { seed: 1 })).toThrow(RangeError);
  });
});
