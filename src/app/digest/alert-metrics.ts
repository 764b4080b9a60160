import { GONE_SINCE, NEW_SINCE, type RunMigration } from '../../insights/migration.js';
import { clusterNameOfLabel } from '../../insights/named-movements.js';
import type { ClusterSegmentName } from '../../segment/naming.js';
import type { AlertMetric } from '../../store/digest-schedules.js';

export const ALERT_METRICS: readonly AlertMetric[] = ['at_risk_revenue_share', 'champions_change', 'customers_lost'];

/** Valuable customers slipping: the revenue an alert on at_risk_revenue_share watches. */
const AT_RISK: readonly ClusterSegmentName[] = ['At Risk', "Can't Lose Them"];
/** Where a lost customer ends up: slipping, or asleep. */
const LAPSED: readonly ClusterSegmentName[] = [...AT_RISK, 'Hibernating'];

const isIn = (label: string, names: readonly ClusterSegmentName[]) => {
  const name = clusterNameOfLabel(label);
  return name !== null && names.includes(name);
};

/** Percentage (0-100) of a run's revenue held by At Risk and Can't Lose Them; 0 for a run without revenue. O(segments). */
export function atRiskRevenueShare(migration: RunMigration, side: 'before' | 'after'): number {
  const total = migration.segments.reduce((sum, segment) => sum + Math.max(0, segment[side].revenue), 0);
  const atRisk = migration.segments.filter((segment) => isIn(segment.name, AT_RISK)).reduce((sum, segment) => sum + Math.max(0, segment[side].revenue), 0);
  return total > 0 ? (atRisk / total) * 100 : 0;
}

/** Percentage change in the number of Champions customers between the runs; null when the earlier run had none. O(segments). */
export function championsChange(migration: RunMigration): number | null {
  const champions = migration.segments.filter((segment) => clusterNameOfLabel(segment.name) === 'Champions');
  const before = champions.reduce((sum, segment) => sum + segment.before.customers, 0);
  const after = champions.reduce((sum, segment) => sum + segment.after.customers, 0);
  return before > 0 ? ((after - before) / before) * 100 : null;
}

/**
 * Customers lost since the earlier run: those who moved from any other segment into At Risk, Can't Lose Them or
 * Hibernating, and those gone from the later run. Customers new since the earlier run are never counted. O(moves).
 */
export function customersLost(migration: RunMigration): number {
  return migration.moves
    .filter((move) => move.from !== NEW_SINCE && !isIn(move.from, LAPSED) && (move.to === GONE_SINCE || isIn(move.to, LAPSED)))
    .reduce((sum, move) => sum + move.customers, 0);
}

/** An alert's metric judged on one migration: its value (and the earlier value where it has one), and whether it crossed. */
export interface AlertJudgement {
  metric: AlertMetric;
  value: number;
  previous: number | null;
  threshold: number;
  crossed: boolean;
}

/**
 * Whether a new run crossed the alert's threshold. at_risk_revenue_share: it rose from below the threshold (a
 * percentage) to at or above it, so a share that stays high alerts once, not every week. champions_change: the
 * number of Champions changed by at least the threshold, in percent, either way. customers_lost: at least the
 * threshold of customers were lost. Pure.
 */
export function judgeAlert(metric: AlertMetric, threshold: number, migration: RunMigration): AlertJudgement {
  switch (metric) {
    case 'at_risk_revenue_share': {
      const previous = atRiskRevenueShare(migration, 'before');
      const value = atRiskRevenueShare(migration, 'after');
      return { metric, value, previous, threshold, crossed: previous < threshold && value >= threshold };
    }
    case 'champions_change': {
      const value = championsChange(migration);
      return { metric, value: value ?? 0, previous: null, threshold, crossed: value !== null && Math.abs(value) >= threshold };
    }
    case 'customers_lost': {
      const value = customersLost(migration);
      return { metric, value, previous: null, threshold, crossed: value >= threshold };
    }
  }
}
