import { candidateKs, chooseK, DEFAULT_K_RANGE, type KCandidate, type KRun, type PreviousClusters } from './choose-k.js';
import { matchedClusters, previousCentroidsIn, type PreviousClustering, type RunContinuity } from './continuity.js';
import { distinctRowsUpTo } from './distinct-rows.js';
import { gridSegment, type GridSegmentName } from './grid.js';
import { median } from './median.js';
import { namedSegments, type NamedSegment } from './naming.js';
import type { PurchaseRhythm } from './purchase-rhythm.js';
import { RETURNED_EVERYTHING, returnedEverything } from './returned-everything.js';
import { originalUnits, scaledRfm, type ScalingParameters } from './scaling.js';
import { quintileScores } from './scores.js';
import type { CustomerRfm, FeatureMatrix, RfmConvention, RfmPoint, RfmScores, RfmTable } from './types.js';

export interface SegmentationOptions {
  seed: number;
  /** How often these customers come back (`purchaseRhythmOfOrders` of the orders behind the table): what naming calls recent or lapsed. */
  rhythm: PurchaseRhythm;
  /** Use this many clusters instead of choosing by silhouette: only this k is clustered. */
  k?: number;
  /** k range searched (default 3 to 8). */
  kMin?: number;
  kMax?: number;
  /** k-means++ starts per k (default 10). */
  restarts?: number;
  /** k-means runs already computed for this run's matrix and options (see `clusteringPlan`), e.g. on another thread. */
  precomputed?: readonly KRun[];
  /** The previous k-means run of the same dataset: its k is kept and its names carried over where they still fit. */
  previous?: PreviousClustering;
}

/** The scaled matrix a run clusters and the k values it tries, or why it falls back to the grid instead. */
export type ClusteringPlan =
  | { fallback: null; matrix: FeatureMatrix; parameters: ScalingParameters; ks: number[] }
  | { fallback: { reason: FallbackReason; details: Record<string, number> } };

/**
 * Why a run fell back to the R × F grid alone. Codes, not words: the transports phrase them.
 * - `too_few_customers`: fewer than 10 × kMin customers to cluster (customers who returned everything are not
 *   clustered); clusters of a handful mean nothing.
 * - `single_purchase_date`: every purchase on one day, so recency cannot separate anyone.
 * - `too_few_distinct_customers`: fewer distinct R, F, M combinations than clusters wanted.
 */
export type FallbackReason = 'too_few_customers' | 'single_purchase_date' | 'too_few_distinct_customers';

export interface SegmentedCustomer {
  customerId: string;
  /** Cluster number (0 = largest), null in a grid-only run and for a customer who returned everything. */
  cluster: number | null;
  /**
   * Label of the cluster's segment (unique within the run), `RETURNED_EVERYTHING` for a customer left out of
   * k-means for net spend at or below zero, null in a grid-only run.
   */
  segment: string | null;
  /** Value rank of the cluster's segment (1 = most valuable), null in a grid-only run and for a customer who returned everything. */
  rank: number | null;
  gridSegment: GridSegmentName;
  scores: RfmScores;
}

export interface ClusterSegment extends NamedSegment {
  size: number;
  /** Centroid in the scaled feature space (`scaling.measures` order). */
  scaledCentroid: number[];
  /** Centroid in days, orders and currency: the cluster's typical member. */
  centroid: RfmPoint;
}

/** Everything a run stores, so it can be shown again, compared with later runs, or replayed. */
export interface SegmentationResult {
  asOf: number | null;
  convention: RfmConvention;
  seed: number;
  method: 'kmeans' | 'grid';
  fallback: { reason: FallbackReason; details: Record<string, number> } | null;
  /** Chosen (or forced) number of clusters; null in a grid-only run. */
  k: number | null;
  forcedK: boolean;
  kRange: { kMin: number; kMax: number };
  /** Inertia, silhouette and sizes for every k tried: the elbow and silhouette curves (the forced k alone when k was forced). */
  candidates: KCandidate[];
  silhouetteSampled: boolean;
  scaling: ScalingParameters | null;
  /** Medians of every customer, the yardstick of the segment explanations. */
  medians: RfmPoint;
  /** How often customers come back: the yardstick of "recent" and "lapsed" in the names. */
  rhythm: PurchaseRhythm;
  /** One per customer, in the order of `rfm.customers`. */
  customers: SegmentedCustomer[];
  /** One per cluster, by cluster number; empty in a grid-only run. */
  segments: ClusterSegment[];
  /** How this run followed on from `options.previous`: k kept or not, clusters matched; null without one or in a grid-only run. */
  continuity: RunContinuity | null;
}

/** Below 10 customers per cluster of the smallest k, clusters describe individuals, not segments. */
const CUSTOMERS_PER_CLUSTER = 10;
const DAY_MS = 86_400_000;

/**
 * A whole segmentation run: quintile scores and the R × F grid for every customer, then k-means
 * on log1p z-scored R, F, M with k chosen by silhouette (or forced), clusters named and ranked.
 * Customers whose net spend is at or below zero are not clustered: they get the segment
 * `RETURNED_EVERYTHING` (see `returnedEverything`) and keep their grid segment.
 * When the data cannot carry clusters (see `FallbackReason`) the run falls back to the grid
 * alone, with the reason, rather than refusing: a small shop still gets its segments.
 *
 * Cost: dominated by `chooseK`; about 1 s for 4,338 customers.
 *
 * @param rfm - output of `customerRfm` (never mutated)
 * @param options - seed, the customers' purchase rhythm, optional forced k, k range and restarts
 * @returns everything the run stores
 * @example
 * const rfm = customerRfm(lines, { convention: 'gross' });
 * const result = segmentCustomers(rfm, { seed: 42, rhythm: purchaseRhythmOfOrders(customerOrdersOfLines(lines), rfm.asOf!) });
 * result.segments.map((segment) => segment.label); // ['Hibernating', 'Potential Loyalists', 'Champions'] for UCI Online Retail
 */
export function segmentCustomers(rfm: RfmTable, options: SegmentationOptions): SegmentationResult {
  const kMin = options.kMin ?? DEFAULT_K_RANGE.kMin;
  const kMax = options.kMax ?? DEFAULT_K_RANGE.kMax;
  const customers = rfm.customers;
  const scores = quintileScores(customers);
  const medians: RfmPoint = {
    recencyDays: median(customers.map((customer) => customer.recencyDays)),
    frequency: median(customers.map((customer) => customer.frequency)),
    monetary: median(customers.map((customer) => customer.monetary)),
  };
  const gridOnly = (reason: FallbackReason, details: Record<string, number>): SegmentationResult => ({
    asOf: rfm.asOf,
    convention: rfm.convention,
    seed: options.seed,
    method: 'grid',
    fallback: { reason, details },
    k: null,
    forcedK: options.k !== undefined,
    kRange: { kMin, kMax },
    candidates: [],
    silhouetteSampled: false,
    scaling: null,
    medians,
    rhythm: options.rhythm,
    customers: customers.map((customer, i) => ({
      customerId: customer.customerId,
      cluster: null,
      segment: null,
      rank: null,
      gridSegment: gridSegment(scores[i]!.r, scores[i]!.f),
      scores: scores[i]!,
    })),
    segments: [],
    continuity: null,
  });

  const plan = clusteringPlan(rfm, options);
  if (plan.fallback !== null) return gridOnly(plan.fallback.reason, plan.fallback.details);
  const { matrix, parameters } = plan;
  const previous = options.previous;
  const previousCentroids = previous ? previousCentroidsIn(previous, parameters) : [];
  const choice = chooseK(matrix, {
    kMin, kMax, seed: options.seed, restarts: options.restarts, forcedK: options.k, precomputed: options.precomputed,
    previous: previousClusters(previous, previousCentroids),
  });
  const { clustering } = choice;
  const clustered = clusteredCustomers(customers);
  const centroids = clustering.centroids.map((scaled) => originalUnits(scaled, parameters));
  const logSpreads = { recencyDays: parameters.stds[0]!, frequency: parameters.stds[1]!, monetary: parameters.stds[2]! };
  const tenures = centroids.map(() => [] as number[]);
  clustered.forEach((customer, row) => tenures[clustering.labels[row]!]!.push(customer.tenureDays));
  const matches = previous ? matchedClusters(clustering.centroids, previous, previousCentroids) : [];
  const names = namedSegments(
    centroids.map((centroid, cluster) => ({ cluster, size: clustering.sizes[cluster]!, centroid, tenureDays: median(tenures[cluster]!) })),
    { medians, logSpreads, rhythm: options.rhythm },
    matches.map((match) => match.preferred),
  );
  const segments = names.map((named, cluster) => ({
    ...named,
    size: clustering.sizes[cluster]!,
    scaledCentroid: clustering.centroids[cluster]!,
    centroid: centroids[cluster]!,
  }));

  // Clustered customers are the matrix rows, in table order.
  let row = 0;
  return {
    asOf: rfm.asOf,
    convention: rfm.convention,
    seed: options.seed,
    method: 'kmeans',
    fallback: null,
    k: choice.k,
    forcedK: choice.forced,
    kRange: { kMin, kMax },
    candidates: choice.candidates,
    silhouetteSampled: choice.silhouetteSampled,
    scaling: parameters,
    medians,
    rhythm: options.rhythm,
    customers: customers.map((customer, i) => {
      const grid = { gridSegment: gridSegment(scores[i]!.r, scores[i]!.f), scores: scores[i]! };
      if (returnedEverything(customer)) return { customerId: customer.customerId, cluster: null, segment: RETURNED_EVERYTHING, rank: null, ...grid };
      const cluster = clustering.labels[row++]!;
      return { customerId: customer.customerId, cluster, segment: segments[cluster]!.label, rank: segments[cluster]!.rank, ...grid };
    }),
    segments,
    continuity:
      previous && choice.previous
        ? {
            previousRunId: previous.runId,
            previousK: previous.k,
            kDecision: choice.previous.decision,
            warmStarted: choice.previous.warmStarted,
            matches: segments.map((segment, cluster) => {
              const match = matches[cluster]!;
              const previousLabel = match.preferred?.label ?? null;
              return {
                cluster, label: segment.label, previousCluster: match.previousCluster < 0 ? null : match.previousCluster, previousLabel,
                squaredDistance: match.squaredDistance, nameKept: previousLabel === segment.label,
              };
            }),
            unmatchedPrevious: previous.segments
              .filter((segment) => !matches.some((match) => match.previousCluster === segment.cluster))
              .map((segment) => segment.label),
          }
        : null,
  };
}

/**
 * The previous run's k and centroids in this run's scaled space, for `chooseK`; none when its centroids do not fit
 * this matrix (a run stored with other measures) or its k is not a number of clusters k-means can make.
 */
export function previousClusters(previous: PreviousClustering | undefined, centroids: readonly (readonly number[])[]): PreviousClusters | undefined {
  if (!previous || previous.k !== centroids.length || previous.k < 2) return undefined;
  return { k: previous.k, centroids };
}

/** The customers k-means sees, in table order: everyone but those who returned everything. O(n). */
function clusteredCustomers(customers: readonly CustomerRfm[]): CustomerRfm[] {
  return customers.filter((customer) => !returnedEverything(customer));
}

/**
 * What a run would cluster: the log1p z-scored RFM matrix of every customer who did not return everything (rows in
 * table order) and the k values chooseK tries, unless the data cannot carry clusters (see `FallbackReason`).
 * O(customers).
 */
export function clusteringPlan(rfm: RfmTable, options: Pick<SegmentationOptions, 'k' | 'kMin' | 'kMax'>): ClusteringPlan {
  const kMin = options.kMin ?? DEFAULT_K_RANGE.kMin;
  const kMax = options.kMax ?? DEFAULT_K_RANGE.kMax;
  const customers = clusteredCustomers(rfm.customers);
  const minimumCustomers = CUSTOMERS_PER_CLUSTER * kMin;
  if (customers.length < minimumCustomers) {
    return { fallback: { reason: 'too_few_customers', details: { customers: customers.length, minimum: minimumCustomers } } };
  }
  const purchaseDays = distinctPurchaseDays(customers);
  if (purchaseDays < 2) return { fallback: { reason: 'single_purchase_date', details: { purchaseDays } } };

  const { matrix, parameters } = scaledRfm(customers);
  const neededK = options.k ?? kMin;
  // A silhouette also needs one customer outside every cluster, hence the n − 1.
  const distinct = Math.min(distinctRowsUpTo(matrix, neededK), matrix.rows - 1);
  if (distinct < neededK) return { fallback: { reason: 'too_few_distinct_customers', details: { distinctCustomers: distinct, k: neededK } } };
  return { fallback: null, matrix, parameters, ks: candidateKs(matrix, { kMin, kMax, forcedK: options.k }) };
}

/** 0, 1 or 2 (meaning "at least two"): only whether purchases span more than one day matters. */
function distinctPurchaseDays(customers: readonly CustomerRfm[]): number {
  if (customers.length === 0) return 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const customer of customers) {
    first = Math.min(first, Math.floor(customer.firstPurchase / DAY_MS));
    last = Math.max(last, Math.floor(customer.lastPurchase / DAY_MS));
  }
  return last > first ? 2 : 1;
}
