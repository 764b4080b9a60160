import { RFM_MEASURES, type CustomerRfm, type FeatureMatrix, type RfmMeasure, type RfmPoint } from './types.js';

/** What a run stores to rebuild, or invert, its feature space. */
export interface ScalingParameters {
  transform: 'log1p-zscore';
  /** Column order of the matrix and of every scaled centroid. */
  measures: readonly RfmMeasure[];
  /** Mean of each log1p column. */
  means: number[];
  /** Population standard deviation of each log1p column; 1 for a constant column. */
  stds: number[];
}

export interface ScaledRfm {
  matrix: FeatureMatrix;
  parameters: ScalingParameters;
}

/**
 * The k-means feature space of shared/reference/README.md: `log1p` of recency days, frequency
 * and monetary, then a z-score per column with the POPULATION standard deviation (what
 * scikit-learn's StandardScaler uses, so our inertia matches its reference values).
 *
 * log1p tames the long tails (a few wholesalers spend 100× the median) that would otherwise
 * own whole clusters. Values are clipped at 0 before the transform: net monetary can be
 * negative, and "spent nothing" is the right place for a customer whose returns exceed purchases.
 * A constant column gets std 1 instead of 0 (as StandardScaler does) so it scales to zeros.
 *
 * Cost: two passes, O(n); memory 24 bytes per customer.
 *
 * @param customers - RFM rows (never mutated)
 * @returns an n × 3 matrix in customer order, and the parameters to reproduce or invert it
 * @example
 * const { matrix, parameters } = scaledRfm(table.customers);
 * matrix.values[0]; // recency of the first customer, in standard deviations from the mean
 */
export function scaledRfm(customers: readonly Pick<CustomerRfm, RfmMeasure>[]): ScaledRfm {
  const rows = customers.length;
  const columns = RFM_MEASURES.length;
  const values = new Float64Array(rows * columns);
  customers.forEach((customer, row) => {
    RFM_MEASURES.forEach((measure, column) => {
      values[row * columns + column] = Math.log1p(Math.max(0, customer[measure]));
    });
  });

  const means: number[] = [];
  const stds: number[] = [];
  for (let column = 0; column < columns; column++) {
    let sum = 0;
    for (let row = 0; row < rows; row++) sum += values[row * columns + column]!;
    const mean = rows === 0 ? 0 : sum / rows;
    let squares = 0;
    for (let row = 0; row < rows; row++) squares += (values[row * columns + column]! - mean) ** 2;
    const std = rows === 0 ? 0 : Math.sqrt(squares / rows);
    means.push(mean);
    stds.push(std > 0 ? std : 1);
  }

  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const at = row * columns + column;
      values[at] = (values[at]! - means[column]!) / stds[column]!;
    }
  }
  return { matrix: { rows, columns, values }, parameters: { transform: 'log1p-zscore', measures: RFM_MEASURES, means, stds } };
}

/**
 * A point of the scaled space back in original units (days, orders, currency): the inverse of
 * `scaledRfm` for one point. For a centroid this is the geometric-mean-like "typical member"
 * of the cluster, not the arithmetic mean. O(1).
 *
 * @param scaled - coordinates in `parameters.measures` order
 * @param parameters - from `scaledRfm`
 * @returns recency days, frequency and monetary
 * @example
 * originalUnits([0, 0, 0], parameters); // the geometric-mean customer, e.g. { recencyDays: 37.5, frequency: 2.6, monetary: 661.2 }
 */
export function originalUnits(scaled: ArrayLike<number>, parameters: ScalingParameters): RfmPoint {
  const point = { recencyDays: 0, frequency: 0, monetary: 0 };
  parameters.measures.forEach((measure, column) => {
    point[measure] = Math.expm1(scaled[column]! * parameters.stds[column]! + parameters.means[column]!);
  });
  return point;
}

/**
 * A point in original units (days, orders, currency) in a run's scaled space, as `scaledRfm` scales a customer: the
 * inverse of `originalUnits`. O(measures).
 */
export function scaledPoint(point: RfmPoint, scaling: ScalingParameters): number[] {
  return scaling.measures.map(
    (measure, column) => (Math.log1p(Math.max(0, point[measure])) - scaling.means[column]!) / scaling.stds[column]!,
  );
}

/**
 * Mean scaled R, F and M of each segment: the points of a snake plot. Cluster centroids are exactly these
 * means for the k-means lens; this gives the same for any grouping, such as the R × F grid. O(n).
 *
 * @param matrix - from `scaledRfm`, rows in the order of `segments`
 * @param segments - each row's segment
 * @returns segment -> mean of each column, in `parameters.measures` order
 * @example
 * segmentMeans(scaledRfm(customers).matrix, ['A', 'B', 'A']).get('A'); // [-0.8, 1.1, 0.9]
 */
export function segmentMeans(matrix: FeatureMatrix, segments: readonly string[]): Map<string, number[]> {
  const sums = new Map<string, { count: number; sum: number[] }>();
  segments.forEach((segment, row) => {
    let entry = sums.get(segment);
    if (!entry) sums.set(segment, (entry = { count: 0, sum: new Array<number>(matrix.columns).fill(0) }));
    entry.count++;
    for (let column = 0; column < matrix.columns; column++) entry.sum[column] = entry.sum[column]! + matrix.values[row * matrix.columns + column]!;
  });
  return new Map([...sums].map(([segment, { count, sum }]) => [segment, sum.map((total) => total / count)]));
}
