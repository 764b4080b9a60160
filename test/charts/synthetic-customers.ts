import { seededUniform } from '../../src/segment/seeded-random.js';
import type { CustomerPoint, KCandidate, SegmentProfile, SegmentSize } from '../../src/charts/types.js';

/** A customer with the three RFM measures, as the segmentation step would hand them over. */
export interface SyntheticCustomer extends CustomerPoint {
  frequency: number;
}

interface SegmentShape {
  name: string;
  customers: number;
  /** Medians and log-normal spreads of each measure. */
  recencyDays: [number, number];
  frequency: [number, number];
  monetary: [number, number];
}

/** Five segments, 4,000 customers: shaped like a mid-size online shop's year of orders. */
export const FIVE_SEGMENTS: readonly SegmentShape[] = [
  { name: 'Champions', customers: 480, recencyDays: [7, 0.8], frequency: [16, 0.5], monetary: [9_000, 0.9] },
  { name: 'Loyal Customers', customers: 860, recencyDays: [28, 0.7], frequency: [8, 0.5], monetary: [2_800, 0.8] },
  { name: 'Potential Loyalists', customers: 1_020, recencyDays: [18, 0.8], frequency: [3, 0.5], monetary: [700, 0.9] },
  { name: 'At Risk', customers: 720, recencyDays: [140, 0.4], frequency: [6, 0.6], monetary: [1_900, 0.9] },
  { name: 'Hibernating', customers: 920, recencyDays: [250, 0.3], frequency: [1.4, 0.4], monetary: [220, 1.0] },
];

/** A larger run with a tiny segment, to exercise sampling. */
export const SEVEN_SEGMENTS: readonly SegmentShape[] = [
  ...FIVE_SEGMENTS.map((shape) => ({ ...shape, customers: shape.customers * 3 })),
  { name: "Can't Lose Them", customers: 24, recencyDays: [180, 0.3], frequency: [20, 0.3], monetary: [40_000, 0.6] },
  { name: 'New Customers', customers: 900, recencyDays: [4, 0.6], frequency: [1.1, 0.2], monetary: [150, 0.8] },
];

/** Customers of each segment, interleaved as they would come out of a store (not grouped). */
export function syntheticCustomers(shapes: readonly SegmentShape[], seed = 42): SyntheticCustomer[] {
  const random = seededUniform(seed);
  const logNormal = ([median, spread]: [number, number]) => median * Math.exp(spread * standardNormal(random));
  const customers = shapes.flatMap((shape) =>
    Array.from({ length: shape.customers }, () => ({
      segment: shape.name,
      recencyDays: Math.round(clamp(logNormal(shape.recencyDays), 1, 370)),
      frequency: Math.max(1, Math.round(logNormal(shape.frequency))),
      monetary: Math.round(clamp(logNormal(shape.monetary), 10, 250_000) * 100) / 100,
    })),
  );
  return shuffle(customers, random);
}

export function segmentSizes(customers: readonly SyntheticCustomer[]): SegmentSize[] {
  const bySegment = new Map<string, SegmentSize>();
  for (const customer of customers) {
    const size = bySegment.get(customer.segment) ?? { name: customer.segment, customers: 0, revenue: 0 };
    size.customers += 1;
    size.revenue += customer.monetary;
    bySegment.set(customer.segment, size);
  }
  return [...bySegment.values()].sort((a, b) => b.revenue - a.revenue);
}

/** Segment means of log1p then z-scored R, F, M (population standard deviation), as the k-means input. */
export function segmentProfiles(customers: readonly SyntheticCustomer[]): SegmentProfile[] {
  const measures = ['recencyDays', 'frequency', 'monetary'] as const;
  const zScores = measures.map((measure) => standardise(customers.map((customer) => Math.log1p(customer[measure]))));
  const sums = new Map<string, { n: number; r: number; f: number; m: number }>();
  customers.forEach((customer, index) => {
    const sum = sums.get(customer.segment) ?? { n: 0, r: 0, f: 0, m: 0 };
    sum.n += 1;
    sum.r += zScores[0]![index]!;
    sum.f += zScores[1]![index]!;
    sum.m += zScores[2]![index]!;
    sums.set(customer.segment, sum);
  });
  return [...sums].map(([name, sum]) => ({
    name,
    recency: sum.r / sum.n,
    frequency: sum.f / sum.n,
    monetary: sum.m / sum.n,
  }));
}

/** scikit-learn KMeans(n_init=10, random_state=0) on Online Retail, from ../shared/reference/reference.json. */
export const ONLINE_RETAIL_K_CANDIDATES: readonly KCandidate[] = [
  { k: 2, inertia: 6481.2309, silhouette: 0.4329 },
  { k: 3, inertia: 4868.0455, silhouette: 0.3361 },
  { k: 4, inertia: 3938.844, silhouette: 0.3371 },
  { k: 5, inertia: 3296.1863, silhouette: 0.3161 },
  { k: 6, inertia: 2855.7001, silhouette: 0.3135 },
  { k: 7, inertia: 2548.9121, silhouette: 0.3099 },
  { k: 8, inertia: 2345.5813, silhouette: 0.294 },
];

function standardise(values: readonly number[]): number[] {
  const mean = values.reduce((total, value) => total + value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((total, value) => total + (value - mean) ** 2, 0) / values.length);
  return values.map((value) => (value - mean) / sd);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function standardNormal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
