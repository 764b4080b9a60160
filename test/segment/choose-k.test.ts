import { describe, expect, it } from 'vitest';
import { chooseK } from '../../src/segment/choose-k.js';
import type { FeatureMatrix } from '../../src/segment/types.js';
import { blobs } from './helpers/blobs.js';

const fourBlobs = blobs([[0, 0, 0], [6, 0, 0], [0, 6, 0], [0, 0, 6]], 25, 1, 2);

describe('chooseK', () => {
  it('GIVEN four separated blobs THEN it picks k = 4 and keeps the curves for k = 3…8', () => {
    const choice = chooseK(fourBlobs, { seed: 1, restarts: 3 });
    expect(choice.k).toBe(4);
    expect(choice.forced).toBe(false);
    expect(choice.silhouetteSampled).toBe(false);
    expect(choice.candidates.map((candidate) => candidate.k)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(choice.clustering.sizes).toEqual([25, 25, 25, 25]);
    const inertias = choice.candidates.map((candidate) => candidate.inertia);
    expect(inertias).toEqual([...inertias].sort((a, b) => b - a));
  });

  it('GIVEN a forced k THEN only that k is clustered, in or outside the range, and scored as the full curve scores it', () => {
    const forced = chooseK(fourBlobs, { seed: 1, restarts: 2, forcedK: 6 });
    expect(forced).toMatchObject({ k: 6, forced: true });
    const automatic = chooseK(fourBlobs, { seed: 1, restarts: 2 });
    expect(forced.candidates).toEqual(automatic.candidates.filter((candidate) => candidate.k === 6));
    expect(forced.candidates[0]!.silhouette).toBeGreaterThan(0);
    const outside = chooseK(fourBlobs, { seed: 1, restarts: 2, kMin: 3, kMax: 4, forcedK: 2 });
    expect(outside.k).toBe(2);
    expect(outside.candidates.map((candidate) => candidate.k)).toEqual([2]);
  });

  it('GIVEN only five distinct customers THEN k stops at 5 instead of making empty clusters', () => {
    const fewDistinct: FeatureMatrix = { rows: 50, columns: 1, values: Float64Array.from({ length: 50 }, (_, i) => i % 5) };
    const choice = chooseK(fewDistinct, { seed: 1, restarts: 2 });
    expect(choice.candidates.map((candidate) => candidate.k)).toEqual([3, 4, 5]);
    expect(choice.candidates.every((candidate) => candidate.sizes.every((size) => size > 0))).toBe(true);
    expect(() => chooseK(fewDistinct, { seed: 1, forcedK: 6 })).toThrow(RangeError);
  });

  it('GIVEN a silhouette limit below the customer count THEN the curve says it was sampled', () => {
    expect(chooseK(fourBlobs, { seed: 1, restarts: 1, kMax: 4, silhouetteLimit: 50 }).silhouetteSampled).toBe(true);
  });

  it('GIVEN an impossible range THEN it refuses', () => {
    expect(() => chooseK(fourBlobs, { seed: 1, kMin: 1 })).toThrow(RangeError);
    expect(() => chooseK(fourBlobs, { seed: 1, kMin: 5, kMax: 4 })).toThrow(RangeError);
  });
});
