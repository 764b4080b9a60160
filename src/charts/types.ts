/**
 * What each chart needs, in plain terms. Callers map their own results into these shapes,
 * so the charts do not depend on how segments were computed or stored.
 */

/** Pixel size of a rendered chart. */
export interface ChartSize {
  width: number;
  height: number;
}

export interface SegmentSize {
  name: string;
  customers: number;
  /** Total spend of the segment's customers, in the dataset's currency. */
  revenue: number;
}

export interface SegmentSizesData {
  segments: SegmentSize[];
}

export interface CustomerPoint {
  segment: string;
  /** Days between the customer's last purchase and the run's as-of date. */
  recencyDays: number;
  /** Total spend of the customer, in the dataset's currency. */
  monetary: number;
}

export interface RecencyMonetaryData {
  customers: CustomerPoint[];
  /** Currency code or symbol shown in the axis title, e.g. "IDR". */
  currency?: string;
}

export interface KCandidate {
  k: number;
  /** Within-cluster sum of squared distances. */
  inertia: number;
  /** Mean silhouette, -1..1. */
  silhouette: number;
}

export interface ChooseKData {
  candidates: KCandidate[];
  chosenK: number;
}

/** Mean of each standardised measure (z-scores) over a segment's customers. */
export interface SegmentProfile {
  name: string;
  recency: number;
  frequency: number;
  monetary: number;
}

export interface SnakePlotData {
  segments: SegmentProfile[];
}

/** Quartiles already computed elsewhere; whiskers are drawn from min to max. */
export interface MonetaryQuartiles {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

export type SegmentMonetary =
  | { name: string; values: readonly number[] }
  | { name: string; quartiles: MonetaryQuartiles; customers?: number };

export interface MonetaryBoxplotData {
  segments: SegmentMonetary[];
  /** Currency code or symbol shown in the axis title, e.g. "IDR". */
  currency?: string;
}

export interface WeekRevenue {
  /** Monday the week starts on, `YYYY-MM-DD`. */
  weekStart: string;
  /** Sum of the week's sales, in the dataset's currency; 0 for a week without sales. */
  revenue: number;
}

export interface WeeklyRevenueData {
  weeks: readonly WeekRevenue[];
  /** Currency code or symbol shown in the axis title, e.g. "GBP". */
  currency?: string;
}
