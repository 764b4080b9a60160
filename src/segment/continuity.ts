import { minimumCostAssignment } from './hungarian.js';
import type { ClusterSegmentName, PreferredName } from './naming.js';
import { originalUnits, scaledPoint, type ScalingParameters } from './scaling.js';
import type { RfmPoint } from './types.js';

/**
 * What a new run needs of the previous k-means run of its dataset to keep its segments stable: its k, the scaling
 * its centroids are in, and each cluster's centroid and name (as stored in the run's details).
 */
export interface PreviousClustering {
  runId: number;
  k: number;
  scaling: ScalingParameters;
  /** By cluster number of the previous run. */
  segments: readonly { cluster: number; name: ClusterSegmentName; label: string; scaledCentroid: readonly number[] }[];
}

/** How a run followed on from the previous run of its dataset; stored in the run's details. */
export interface RunContinuity {
  previousRunId: number;
  previousK: number;
  /**
   * `kept`: the previous k, no other k's silhouette beat it by more than the margin (see `chooseK`);
   * `changed`: another k did; `forced`: the run's k was given (`--k`), whatever the silhouettes said.
   */
  kDecision: 'kept' | 'changed' | 'forced';
  /** True when k-means at the run's k started from the previous run's centroids instead of k-means++. */
  warmStarted: boolean;
  /** One per cluster of the run, by cluster number. */
  matches: ClusterMatch[];
  /** Labels of the previous run's clusters no cluster of this run was matched to: segments that disappeared. */
  unmatchedPrevious: string[];
}

export interface ClusterMatch {
  cluster: number;
  label: string;
  /** The previous run's cluster at the least total centroid distance (see `clusterContinuity`), or null: a new segment. */
  previousCluster: number | null;
  previousLabel: string | null;
  /** Squared distance between the two centroids in this run's scaled space; null when unmatched. */
  squaredDistance: number | null;
  /** True when the cluster kept the previous cluster's label. */
  nameKept: boolean;
}

/**
 * The previous run's centroids in the new run's scaled space. Each run standardises with its own means and spreads,
 * so a stored scaled centroid means nothing to the next run as it is: it goes back to days, orders and currency
 * through the old scaling, then forward through the new one. By cluster number of the previous run. O(k).
 */
export function previousCentroidsIn(previous: PreviousClustering, scaling: ScalingParameters): number[][] {
  return previous.segments.map((segment) => scaledPoint(originalUnits(segment.scaledCentroid, previous.scaling), scaling));
}

/**
 * Matches a run's clusters to the previous run's by centroid distance (squared, in the new run's scaled space), with
 * the least total distance over all pairs (Hungarian assignment): a segment that disappeared leaves a previous
 * cluster unmatched when the new run has fewer clusters, a segment that appeared leaves a new cluster unmatched when
 * it has more. Each matched cluster is offered its previous name (`namedSegments` decides whether it still fits).
 * O(k³).
 *
 * @param centroids - the new run's centroids in its scaled space, by cluster number
 * @param previous - the previous run's clustering
 * @param previousCentroids - `previousCentroidsIn(previous, scaling)` of the new run's scaling
 * @returns by cluster number, the matched previous cluster (or -1), its squared distance, and the name to offer
 */
export function matchedClusters(
  centroids: readonly (readonly number[])[],
  previous: PreviousClustering,
  previousCentroids: readonly (readonly number[])[],
): { previousCluster: number; squaredDistance: number | null; preferred: PreferredName | null }[] {
  const cost = centroids.map((centroid) =>
    previousCentroids.map((point) => point.reduce((sum, coordinate, column) => sum + (coordinate - centroid[column]!) ** 2, 0)),
  );
  return minimumCostAssignment(cost).map((column, cluster) => {
    if (column < 0) return { previousCluster: -1, squaredDistance: null, preferred: null };
    const segment = previous.segments[column]!;
    return { previousCluster: segment.cluster, squaredDistance: cost[cluster]![column]!, preferred: { name: segment.name, label: segment.label } };
  });
}
