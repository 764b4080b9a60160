import { afterEach, describe, expect, it } from 'vitest';
import { discardPrestartedKRunsWorker, kRunsInWorker, prestartKRunsWorker } from '../../src/app/segments/run-k-runs.js';
import { kRuns } from '../../src/segment/choose-k.js';
import { blobs } from '../segment/helpers/blobs.js';

const matrix = blobs([[0, 0, 0], [4, 0, 1], [0, 4, 2]], 60, 1.5, 5);
const options = { seed: 11 };

describe('k-means runs on a worker', () => {
  afterEach(() => discardPrestartedKRunsWorker());

  it('GIVEN a worker started ahead THEN it takes the next job and answers what this thread would', async () => {
    prestartKRunsWorker();
    const [ahead, fresh] = await Promise.all([kRunsInWorker(matrix, [3, 4], options), kRunsInWorker(matrix, [5], options)]);
    const here = kRuns(matrix, [3, 4, 5], options);
    expect([...ahead, ...fresh].map((run) => run.clustering.inertia)).toEqual(here.map((run) => run.clustering.inertia));
    expect([...ahead, ...fresh].map((run) => run.silhouette.value)).toEqual(here.map((run) => run.silhouette.value));
    expect(Array.from(ahead[0]!.clustering.labels)).toEqual(Array.from(here[0]!.clustering.labels));
  });

  it('GIVEN a worker started ahead and never given a job THEN discarding it stops it, and a later job starts its own', async () => {
    prestartKRunsWorker();
    await discardPrestartedKRunsWorker();
    const [run] = await kRunsInWorker(matrix, [3], options);
    expect(run!.clustering.k).toBe(3);
  });

  it('GIVEN an abort THEN the worker started ahead is stopped and the call rejects', async () => {
    prestartKRunsWorker();
    const stop = new AbortController();
    const pending = kRunsInWorker(matrix, [3, 4, 5, 6], options, stop.signal);
    stop.abort();
    await expect(pending).rejects.toThrow(/aborted/);
  });
});
