import { distinctRowsUpTo } from './distinct-rows.js';
import { clusteringFromCenters, kmeansClustering, type Clustering } from './kmeans.js';
import { derivedSeed } from './seeded-random.js';
import { silhouetteScores, SILHOUETTE_EXACT_LIMIT, type SilhouetteScore } from './silhouette.js';
import type { FeatureMatrix } from './types.js';

export interface ChooseKOptions {
  /** Smallest k tried (default 3: two segments tell a marketing team little). */
  kMin?: number;
  /** Largest k tried (default 8: more segments than a team can run campaigns for). */
  kMax?: number;
  seed: number;
  /** k-means++ starts per k (default 10). */
  restarts?: number;
  /**
   * Use this k whatever the silhouettes say. Only this k is clustered (its silhouette is still computed for the
   * report): the curve over the range would cost five more k-means runs for a chart of a choice the user already made.
   */
  forcedK?: number;
  /** Silhouette is exact up to this many customers, sampled above (default 10,000). */
  silhouetteLimit?: number;
  /** Runs of some k already computed (elsewhere, e.g. on another thread) with the same matrix and options. */
  precomputed?: readonly KRun[];
  /**
   * The previous run's k and centroids, in this matrix's scaled space (see `previousCentroidsIn`): k-means at that k
   * starts from them rather than from k-means++, and that k is kept unless another beats its silhouette by more
   * than `KEEP_K_SILHOUETTE_MARGIN`.
   */
  previous?: PreviousClusters;
}

/** The previous run's clusters as choosing k uses them. */
export interface PreviousClusters {
  k: number;
  centroids: readonly (readonly number[])[];
}

/** One k's clustering and its silhouette: what chooseK compares. */
export interface KRun {
  clustering: Clustering;
  silhouette: SilhouetteScore;
}

/** One point of the elbow and silhouette curves. */
export interface KCandidate {
  k: number;
  inertia: number;
  silhouette: number;
  /** Cluster sizes, largest first. */
  sizes: number[];
}

export interface KChoice {
  k: number;
  /** True when `forcedK` decided k rather than the silhouette. */
  forced: boolean;
  /** Every k tried, ascending: the elbow curve (inertia) and the silhouette curve; the forced k alone when k was forced. */
  candidates: KCandidate[];
  /** True when silhouettes were computed on a sample of customers. */
  silhouetteSampled: boolean;
  /** The clustering at the chosen k. */
  clustering: Clustering;
  /** What became of the previous run's k; null without one. */
  previous: { k: number; decision: 'kept' | 'changed' | 'forced'; warmStarted: boolean } | null;
}

/**
 * How much higher another k's mean silhouette must be before a run gives up the previous run's k. Names only mean
 * something week to week if the clusters behind them persist, and silhouettes of neighbouring k values sit close
 * together. Online Retail, re-segmented monthly (issue #13): the gap between k = 4 and k = 3 went −0.003, +0.019,
 * +0.020, +0.018, +0.026, +0.023, +0.010 from June to December, and moving as-of by half a day on the full year
 * flips it between −0.004 and +0.0005, so a run from scratch swaps k = 4 for k = 3 and half the customers change
 * segment name. Another seed moves a k's silhouette by about 0.001. 0.02 absorbs a month's drift; a k better by
 * more than that is a different shape of customer base and is taken. A forced k is never second-guessed.
 */
export const KEEP_K_SILHOUETTE_MARGIN = 0.02;

export const DEFAULT_K_RANGE = { kMin: 3, kMax: 8 } as const;

/** Seed path of the silhouette sample: one sample for every k, so their scores compare. */
const SILHOUETTE_SAMPLE_STREAM = 0;

/**
 * Clusters the customers for every k from kMin to kMax and picks the k with the highest mean
 * silhouette (ties go to the smaller k, the simpler story), unless `forcedK` is given: then that k
 * alone is clustered, warm-started when it is the previous run's k, and scored. With a
 * `previous` run, its k starts from its centroids and is kept unless another k in range scores
 * more than `KEEP_K_SILHOUETTE_MARGIN` higher (a previous k out of range or infeasible is not kept). k above
 * the number of distinct customers is skipped: those clusters would have to be empty. Runs given
 * in `precomputed` (see `kRuns`) are used as they are, so a caller can compute some k elsewhere.
 *
 * Cost: (kMax − kMin + 1) × `kmeansClustering`, then one `silhouetteScores` pass for every k;
 * about 0.65 s for 4,338 customers and k = 3…8 with 10 restarts (k-means 0.45 s, silhouettes
 * 0.2 s, where a silhouette pass per k took 0.4 s). A forced k costs one k-means and one silhouette.
 *
 * @param matrix - customers × features (never mutated)
 * @param options - k range, seed, restarts, optional forced k
 * @returns the chosen k and its clustering, with the curves over every k tried (one point for a forced k)
 * @example
 * const choice = chooseK(scaledRfm(customers).matrix, { seed: 42 });
 * choice.k; // 3 for UCI Online Retail (gross) with seed 42: k = 3 and 4 score within 0.001
 * choice.candidates.map((c) => c.inertia); // the elbow curve
 */
export function chooseK(matrix: FeatureMatrix, options: ChooseKOptions): KChoice {
  const kMin = options.kMin ?? DEFAULT_K_RANGE.kMin;
  const kMax = options.kMax ?? DEFAULT_K_RANGE.kMax;
  const forcedK = options.forcedK;
  const ks = candidateKs(matrix, options);
  const given = new Map((options.precomputed ?? []).map((run) => [run.clustering.k, run]));
  const computed = kRuns(matrix, ks.filter((k) => !given.has(k)), options);
  const runs = ks.map((k) => given.get(k) ?? computed.find((run) => run.clustering.k === k)!);

  const inRange = runs.filter((run) => run.clustering.k >= kMin && run.clustering.k <= kMax);
  const best = inRange.reduce<(typeof runs)[number] | undefined>(
    (winner, run) => (winner === undefined || run.silhouette.value > winner.silhouette.value ? run : winner),
    undefined,
  );
  const previousK = options.previous?.k;
  const previousRun = inRange.find((run) => run.clustering.k === previousK);
  const keepPrevious =
    previousRun !== undefined && best !== undefined && best.silhouette.value <= previousRun.silhouette.value + KEEP_K_SILHOUETTE_MARGIN;
  const chosen = forcedK !== undefined ? runs.find((run) => run.clustering.k === forcedK) : keepPrevious ? previousRun : best;
  if (chosen === undefined) throw new Error('unreachable: no k was clustered');
  return {
    k: chosen.clustering.k,
    forced: forcedK !== undefined,
    previous:
      previousK === undefined
        ? null
        : {
            k: previousK,
            decision: forcedK !== undefined ? 'forced' : keepPrevious ? 'kept' : 'changed',
            warmStarted: chosen.clustering.k === previousK && ks.includes(previousK),
          },
    candidates: runs.map(({ clustering, silhouette }) => ({
      k: clustering.k,
      inertia: clustering.inertia,
      silhouette: silhouette.value,
      sizes: clustering.sizes,
    })),
    silhouetteSampled: runs.some((run) => run.silhouette.sampled),
    clustering: chosen.clustering,
  };
}

/**
 * The k values chooseK tries: kMin to kMax, without those above the number of distinct customers (their clusters
 * would have to be empty) or above n − 1 (a silhouette needs a customer outside every cluster); a forced k alone.
 * Ascending. Throws RangeError for an invalid range or forced k, or when no k is possible.
 */
export function candidateKs(matrix: FeatureMatrix, options: Pick<ChooseKOptions, 'kMin' | 'kMax' | 'forcedK'>): number[] {
  const kMin = options.kMin ?? DEFAULT_K_RANGE.kMin;
  const kMax = options.kMax ?? DEFAULT_K_RANGE.kMax;
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 2 || kMax < kMin) {
    throw new RangeError(`need integers 2 <= kMin <= kMax, got kMin=${kMin} kMax=${kMax}`);
  }
  const largestK = options.forcedK ?? kMax;
  const feasibleK = Math.min(distinctRowsUpTo(matrix, largestK), matrix.rows - 1);
  const forcedK = options.forcedK;
  if (forcedK !== undefined && (!Number.isInteger(forcedK) || forcedK < 2 || forcedK > feasibleK)) {
    throw new RangeError(`forcedK must be an integer from 2 to ${feasibleK}, got ${forcedK}`);
  }
  if (forcedK !== undefined) return [forcedK];
  const ks: number[] = [];
  for (let k = kMin; k <= Math.min(kMax, feasibleK); k++) ks.push(k);
  if (ks.length === 0) throw new RangeError(`only ${feasibleK} distinct customers: cannot make ${kMin} clusters`);
  return ks.sort((a, b) => a - b);
}

/**
 * k-means and the silhouette of each given k, exactly as chooseK computes them: a run depends only on the matrix,
 * its k, the seed, the restarts, the silhouette limit and the previous run's centroids (which replace k-means++ at
 * the previous k), so runs computed in separate calls (or threads) are the same as runs computed together. The
 * silhouettes of all the given k share one pass over the customer pairs.
 *
 * @param ks - the k values to run, each feasible for the matrix (see `candidateKs`)
 * @returns one run per k, in the order of `ks`
 */
export function kRuns(
  matrix: FeatureMatrix,
  ks: readonly number[],
  options: Pick<ChooseKOptions, 'seed' | 'restarts' | 'silhouetteLimit' | 'previous'>,
): KRun[] {
  if (ks.length === 0) return [];
  const previous = options.previous;
  // One Lloyd descent from the previous centroids, not the best of restarts: the point is to land in the basin the
  // previous run was in, so customers whose figures barely moved keep their cluster.
  const clusterings = ks.map((k) =>
    k === previous?.k ? clusteringFromCenters(matrix, previous.centroids) : kmeansClustering(matrix, k, { seed: options.seed, restarts: options.restarts }),
  );
  // All k in one silhouette pass: the pairwise distances are the same for every k.
  const silhouettes = silhouetteScores(
    matrix,
    clusterings.map((clustering) => clustering.labels),
    { seed: derivedSeed(options.seed, SILHOUETTE_SAMPLE_STREAM), limit: options.silhouetteLimit ?? SILHOUETTE_EXACT_LIMIT },
  );
  return clusterings.map((clustering, i) => ({ clustering, silhouette: silhouettes[i]! }));
}
