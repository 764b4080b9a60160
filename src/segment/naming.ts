import type { PurchaseRhythm } from './purchase-rhythm.js';
import type { RfmPoint } from './types.js';

/**
 * Names a cluster can get, most valuable pattern first. The grid's names are reused wherever
 * the idea is the same, so both lenses share one playbook; "Big Spenders" exists only here
 * because the grid ignores spend.
 */
export const CLUSTER_SEGMENTS = [
  'Champions',
  'Loyal Customers',
  'Big Spenders',
  'Potential Loyalists',
  'Promising',
  'New Customers',
  'Need Attention',
  "Can't Lose Them",
  'At Risk',
  'About To Sleep',
  'Hibernating',
] as const;
export type ClusterSegmentName = (typeof CLUSTER_SEGMENTS)[number];

/**
 * Where each name sits, as (recency, frequency, spend) standings: +1 means clearly better than
 * the median customer (bought more recently, more orders, more spend), −1 clearly worse, 0 typical.
 */
const PROTOTYPES: Record<ClusterSegmentName, readonly [number, number, number]> = {
  Champions: [1, 1, 1],
  'Loyal Customers': [0, 1, 1],
  'Big Spenders': [0, 0, 1],
  'Potential Loyalists': [1, 0.5, 0.5],
  Promising: [1, -0.5, 0],
  'New Customers': [1, -1, -1],
  'Need Attention': [0, 0, 0],
  "Can't Lose Them": [-1, 1, 1],
  'At Risk': [-1, 0.5, 0.5],
  'About To Sleep': [0, -1, -1],
  Hibernating: [-1, -1, -1],
};

/** The names that say "they stopped buying": the only ones a lapsed cluster can take, and ones a current cluster cannot. */
const LAPSED_NAMES: ReadonlySet<ClusterSegmentName> = new Set<ClusterSegmentName>(["Can't Lose Them", 'At Risk', 'Hibernating']);

/**
 * A squared distance above this (a full step on one measure) means the free name would describe
 * the cluster badly; the cluster then shares its nearest name with a number instead.
 */
const POOR_FIT = 1;

/** One cluster as naming sees it: its typical member in original units. */
export interface ClusterCentroid {
  cluster: number;
  size: number;
  /** Centroid in days, orders and currency (see `originalUnits`). */
  centroid: RfmPoint;
  /** Median days from a member's first purchase to as-of: how new the typical member is. */
  tenureDays: number;
}

/** The whole customer base the clusters are compared with. */
export interface CustomerBase {
  medians: RfmPoint;
  /**
   * Population standard deviation of `log1p` of each measure (the scaling's `stds`): what
   * "far from the median" means for that measure.
   */
  logSpreads: RfmPoint;
  /** How often customers come back: what "recent" and "lapsed" mean in days for this dataset. */
  rhythm: PurchaseRhythm;
}

/**
 * Repeat customers give the dataset its gap when there are at least 30 of them (fewer make a
 * noisy median) and they are at least 10 % of customers (fewer are exceptions whose rhythm says
 * little about everyone else).
 */
const MIN_REPEAT_CUSTOMERS = 30;
const MIN_REPEAT_SHARE = 0.1;
/** Without a measured gap, a third of a year: lapsed then means silent for more than a year. */
const ASSUMED_GAP_DAYS = 365 / 3;
/** Silent for more than this many gaps is lapsed: the customer has missed three visits in a row. */
const LAPSED_AFTER_GAPS = 3;

/** The days that make "recent" and "lapsed" for one dataset (see `namedSegments`). */
export interface TimeYardstick {
  /** The repeat customers' median gap, or `ASSUMED_GAP_DAYS` when they are too few to measure one. */
  gapDays: number;
  measured: boolean;
  /** `LAPSED_AFTER_GAPS` gaps. */
  lapsedAfterDays: number;
}

/**
 * The gap and the lapse threshold in days for a dataset's purchase rhythm. O(1).
 *
 * @example
 * timeYardstick({ customers: 2349, repeatCustomers: 1139, medianRepeatGapDays: 79, historyDays: 546 });
 * // { gapDays: 79, measured: true, lapsedAfterDays: 237 } (CDNOW sample)
 */
export function timeYardstick(rhythm: PurchaseRhythm): TimeYardstick {
  const measured =
    rhythm.medianRepeatGapDays !== null &&
    rhythm.repeatCustomers >= MIN_REPEAT_CUSTOMERS &&
    rhythm.repeatCustomers >= MIN_REPEAT_SHARE * rhythm.customers;
  const gapDays = measured ? rhythm.medianRepeatGapDays! : ASSUMED_GAP_DAYS;
  return { gapDays, measured, lapsedAfterDays: LAPSED_AFTER_GAPS * gapDays };
}

/** A name a cluster would keep from the previous run: the name and the label it had there ("Champions 2"). */
export interface PreferredName {
  name: ClusterSegmentName;
  label: string;
}

export interface NamedSegment {
  cluster: number;
  /** Segment name; the playbook key. */
  name: ClusterSegmentName;
  /** Unique within the run: the name, or the name and a number when two clusters share it. */
  label: string;
  /** 1 = most valuable. */
  rank: number;
  /** Sum of the recency, frequency and spend standings (see `namedSegments`). */
  valueScore: number;
  /** One line in plain words comparing the cluster with everyone. */
  explanation: { en: string; id: string };
}

/**
 * Names, value ranks and explanations for k-means clusters, from their centroids in original
 * units compared with the whole customer base and with the dataset's sense of time. Deterministic:
 *
 * 1. Standing on each measure = (log1p of the centroid − log1p of the population median) ÷ the
 *    population spread of log1p values, signed so that positive is better (recency reversed;
 *    negative spend counts as 0). 0 is the median customer; ±1 is one spread away. Frequency
 *    is compared with at least 2 orders (see `TYPICAL_ORDERS_AT_LEAST`).
 * 2. Value score = recency + frequency + spend standings, unclamped: how far the typical member
 *    sits above the median customer, in spreads, summed. Rank 1 = highest score (ties: larger
 *    cluster, then lower cluster number).
 * 3. Time, in absolute days (see `timeYardstick`): the gap is the median, over customers who
 *    bought on two or more days, of their average days between purchase days; when fewer than
 *    30 customers, or under 10 % of them, came back, it is taken as 365 ÷ 3 days. Then, for the
 *    typical member (the centroid's recency, the members' median days since their first order):
 *    - silent for more than 3 gaps (more than a year without a measured gap) is lapsed: the
 *      cluster can only be Can't Lose Them, At Risk or Hibernating, chosen by frequency and spend
 *      (its recency standing counts as −1), and its explanation says how long it has been silent;
 *    - silent for at most 1 gap is current: it cannot be one of those three;
 *    - New Customers also needs the first order at most 1 gap ago.
 *    So a cluster is never "About To Sleep" 499 days after its last order because the median
 *    customer is just as long gone (CDNOW), nor "Hibernating" in a shop where it bought last week.
 *    The length of the history sets no threshold: it only bounds how long anyone can have been silent.
 * 4. Names: standings are capped at ±1 (a champion is a champion however extreme) and every
 *    allowed (cluster, name) pair is scored by squared distance to the name's prototype. Pairs are
 *    taken closest first (ties: better rank, then catalogue order), each cluster and each name
 *    at most once, and only while the distance is at most 1. A cluster left without a name
 *    takes its nearest allowed name with a number ("Champions 2"), so labels stay unique and never lie.
 * 5. Continuity: a cluster given a `preferred` name (the name of the previous run's cluster it was matched to, see
 *    `clusterContinuity`) keeps it, label and all, when step 3 allows that name and its prototype is within the
 *    same distance of 1; only then are the others named as in step 4, from the names left. So a name keeps its
 *    meaning from week to week, yet a cluster that no longer fits its old name is named afresh.
 *
 * Cost: O(k · names) — trivial.
 *
 * @param clusters - one entry per cluster (never mutated)
 * @param base - medians and log spreads of every customer, and the dataset's purchase rhythm
 * @param preferred - by position in `clusters`, the name each would keep from the previous run, or null
 * @returns one named segment per cluster, in input order
 * @example
 * namedSegments([{ cluster: 0, size: 700, centroid: { recencyDays: 9, frequency: 11, monetary: 4282 }, tenureDays: 330 }],
 *   { medians: { recencyDays: 51, frequency: 2, monetary: 674 }, logSpreads: { recencyDays: 1.34, frequency: 0.68, monetary: 1.26 },
 *     rhythm: { customers: 4338, repeatCustomers: 2790, medianRepeatGapDays: 58.9, historyDays: 374 } })[0];
 * // { name: 'Champions', label: 'Champions', rank: 1, explanation: { en: 'last bought 9 days ago vs 51 days for the typical customer; 11 orders vs 2; spends 4,282 vs 674 (6.4×)', id: … } }
 */
export function namedSegments(
  clusters: readonly ClusterCentroid[],
  base: CustomerBase,
  preferred: readonly (PreferredName | null)[] = [],
): NamedSegment[] {
  const standings = clusters.map((cluster) => standingsOf(cluster.centroid, base));
  const valueScores = standings.map(([r, f, m]) => r + f + m);
  const ranks = valueRanks(clusters, valueScores);
  const yardstick = timeYardstick(base.rhythm);
  const times = clusters.map((cluster) => timeOf(cluster, yardstick));
  const names = uniqueNames(standings, times, ranks, preferred);
  return clusters.map((cluster, i) => ({
    cluster: cluster.cluster,
    name: names[i]!.name,
    label: names[i]!.label,
    rank: ranks[i]!,
    valueScore: valueScores[i]!,
    explanation: explanationOf(cluster.centroid, base.medians, times[i]!.lapsed ? yardstick : null),
  }));
}

/** Where a cluster's typical member stands in absolute time (see step 3 of `namedSegments`). */
interface ClusterTime {
  lapsed: boolean;
  current: boolean;
  new: boolean;
}

function timeOf(cluster: ClusterCentroid, yardstick: TimeYardstick): ClusterTime {
  const silentDays = cluster.centroid.recencyDays;
  return {
    lapsed: silentDays > yardstick.lapsedAfterDays,
    current: silentDays <= yardstick.gapDays,
    new: cluster.tenureDays <= yardstick.gapDays,
  };
}

function allowedName(name: ClusterSegmentName, time: ClusterTime): boolean {
  if (time.lapsed) return LAPSED_NAMES.has(name);
  if (time.current && LAPSED_NAMES.has(name)) return false;
  return name !== 'New Customers' || time.new;
}

/**
 * A repeat purchase is the first sign of loyalty, so frequency is measured against at least two
 * orders: in shops where most customers bought once the median is 1, and one-time buyers would
 * otherwise look typical rather than infrequent.
 */
const TYPICAL_ORDERS_AT_LEAST = 2;

function standingsOf(centroid: RfmPoint, base: CustomerBase): [number, number, number] {
  const standing = (value: number, median: number, spread: number) =>
    (Math.log1p(Math.max(0, value)) - Math.log1p(Math.max(0, median))) / (spread > 0 ? spread : 1);
  return [
    -standing(centroid.recencyDays, base.medians.recencyDays, base.logSpreads.recencyDays),
    standing(centroid.frequency, Math.max(TYPICAL_ORDERS_AT_LEAST, base.medians.frequency), base.logSpreads.frequency),
    standing(centroid.monetary, base.medians.monetary, base.logSpreads.monetary),
  ];
}

function valueRanks(clusters: readonly ClusterCentroid[], valueScores: readonly number[]): number[] {
  const order = clusters.map((_, i) => i);
  order.sort(
    (a, b) =>
      valueScores[b]! - valueScores[a]! || clusters[b]!.size - clusters[a]!.size || clusters[a]!.cluster - clusters[b]!.cluster,
  );
  const ranks = new Array<number>(clusters.length);
  order.forEach((i, position) => {
    ranks[i] = position + 1;
  });
  return ranks;
}

function uniqueNames(
  standings: readonly (readonly number[])[],
  times: readonly ClusterTime[],
  ranks: readonly number[],
  preferred: readonly (PreferredName | null)[],
): { name: ClusterSegmentName; label: string }[] {
  // A lapsed cluster is clearly not recent, however long gone the median customer is.
  const capped = standings.map((standing, i) =>
    standing.map((value, measure) => (measure === 0 && times[i]!.lapsed ? -1 : Math.max(-1, Math.min(1, value)))),
  );
  const distance = (i: number, name: ClusterSegmentName) =>
    PROTOTYPES[name].reduce((sum, coordinate, measure) => sum + (capped[i]![measure]! - coordinate) ** 2, 0);

  const pairs = capped.flatMap((_, i) =>
    CLUSTER_SEGMENTS.flatMap((name, catalogue) => (allowedName(name, times[i]!) ? [{ i, name, catalogue, distance: distance(i, name) }] : [])),
  );
  pairs.sort((a, b) => a.distance - b.distance || ranks[a.i]! - ranks[b.i]! || a.catalogue - b.catalogue);

  const chosen = new Array<{ name: ClusterSegmentName; label: string } | undefined>(standings.length);
  const used = new Set<ClusterSegmentName>();
  const labels = new Set<string>();
  const take = (i: number, name: ClusterSegmentName, label: string) => {
    chosen[i] = { name, label };
    used.add(name);
    labels.add(label);
  };
  preferred.forEach((wish, i) => {
    if (wish && i < standings.length && allowedName(wish.name, times[i]!) && distance(i, wish.name) <= POOR_FIT && !labels.has(wish.label)) {
      take(i, wish.name, wish.label);
    }
  });
  for (const pair of pairs) {
    if (pair.distance > POOR_FIT) break;
    if (chosen[pair.i] !== undefined || used.has(pair.name)) continue;
    take(pair.i, pair.name, pair.name);
  }

  const unnamed = standings.map((_, i) => i).filter((i) => chosen[i] === undefined);
  unnamed.sort((a, b) => ranks[a]! - ranks[b]!);
  for (const i of unnamed) {
    const nearest = pairs.find((pair) => pair.i === i)!.name;
    let count = 1;
    while (labels.has(count === 1 ? nearest : `${nearest} ${count}`)) count++;
    take(i, nearest, count === 1 ? nearest : `${nearest} ${count}`);
  }
  return chosen as { name: ClusterSegmentName; label: string }[];
}

const FORMATS = {
  en: {
    locale: 'en-US', ago: (days: string, median: string) => `last bought ${days} ago vs ${median} for the typical customer`, day: (n: number) => (n === 1 ? 'day' : 'days'), orders: (n: string) => (n === '1' ? 'order' : 'orders'), spends: 'spends',
    silentGaps: (ratio: string, gap: string) => `silent ${ratio}× the usual ${gap} between a repeat customer's orders`,
    silentYear: 'silent for over a year, and few customers ever order twice',
  },
  id: {
    locale: 'id-ID', ago: (days: string, median: string) => `terakhir belanja ${days} lalu vs ${median} untuk pelanggan pada umumnya`, day: () => 'hari', orders: () => 'pesanan', spends: 'belanja',
    silentGaps: (ratio: string, gap: string) => `tidak belanja selama ${ratio}× jeda biasa ${gap} antar pesanan pelanggan yang kembali`,
    silentYear: 'tidak belanja lebih dari setahun, dan sedikit pelanggan yang pernah belanja dua kali',
  },
} as const;

/**
 * "last bought 9 days ago vs 51 days for the typical customer; 11 orders vs 2; spends 4,282 vs 674 (6.4×)" and its
 * Indonesian twin; for a lapsed cluster (`lapsedBy` given) also how long it has been silent in the dataset's own time.
 */
function explanationOf(centroid: RfmPoint, medians: RfmPoint, lapsedBy: TimeYardstick | null): { en: string; id: string } {
  const line = (language: 'en' | 'id') => {
    const format = FORMATS[language];
    const number = (value: number, digits: number) => new Intl.NumberFormat(format.locale, { maximumFractionDigits: digits }).format(value);
    const days = (value: number) => `${number(Math.round(value), 0)} ${format.day(Math.round(value))}`;
    const orders = (value: number) => number(value, value < 10 ? 1 : 0);
    const money = (value: number) => number(value, Math.abs(value) < 100 ? 2 : 0);
    const spendRatio = centroid.monetary / medians.monetary;
    // Below 0.1× one decimal would print "0×", which reads as "spent nothing".
    const ratio = medians.monetary > 0 && centroid.monetary >= 0 ? ` (${spendRatio < 0.1 ? '<0.1' : number(spendRatio, 1)}×)` : '';
    const silence =
      lapsedBy === null ? [] : [lapsedBy.measured ? format.silentGaps(number(centroid.recencyDays / lapsedBy.gapDays, 1), days(lapsedBy.gapDays)) : format.silentYear];
    return [
      format.ago(days(centroid.recencyDays), days(medians.recencyDays)),
      `${orders(centroid.frequency)} ${format.orders(orders(centroid.frequency))} vs ${orders(medians.frequency)}`,
      `${format.spends} ${money(centroid.monetary)} vs ${money(medians.monetary)}${ratio}`,
      ...silence,
    ].join('; ');
  };
  return { en: line('en'), id: line('id') };
}
