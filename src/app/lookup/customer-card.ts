import type { GridSegmentName } from '../../segment/grid.js';
import type { PlaybookAction, SegmentName } from '../../segment/playbook.js';
import { RETURNED_EVERYTHING, RETURNED_EVERYTHING_EXPLANATION } from '../../segment/returned-everything.js';
import { customerHistoryRepository } from '../../store/customer-history.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository } from '../../store/runs.js';
import { isoWallClock } from '../import/import-report.js';
import { workspaceActions } from '../segments/playbook-source.js';
import { latestRun, type LatestRun } from '../segments/segment-views.js';

export interface CustomerCard {
  customerId: string;
  dataset: string;
  /** What the dataset's amounts are in, when its uploads said. */
  currency: string | null;
  runId: number;
  asOf: string | null;
  convention: 'net' | 'gross';
  recencyDays: number;
  frequency: number;
  monetary: number;
  averageOrderValue: number;
  returnRate: number;
  firstPurchase: string;
  lastPurchase: string;
  /** Whole days from the first purchase to the run's as-of date. */
  tenureDays: number;
  scores: { r: number; f: number; m: number };
  /** Share of customers (0–100) this one beats on each measure. */
  percentiles: { r: number; f: number; m: number };
  /** Cluster segment label, `RETURNED_EVERYTHING` for a customer left out of the clusters, or the grid segment in a grid-only run. */
  segment: string;
  segmentRank: number | null;
  explanation: { en: string; id: string } | null;
  gridSegment: GridSegmentName;
  lastPurchases: { invoice: string | null; date: string; lines: number; amount: number; isReturn: boolean }[];
  actions: readonly PlaybookAction[];
}

export type CustomerCardOutcome =
  | { ok: true; card: CustomerCard }
  | Extract<LatestRun, { ok: false }>
  | { ok: false; code: 'customer_not_found'; details: { customerId: string; dataset: string; suggestions: string[] } };

const LAST_PURCHASES = 5;

/** Everything the team wants to know about one customer in the newest run of a dataset. */
export function customerCard(db: Db, guildId: string, datasetName: string | undefined, customerId: string): CustomerCardOutcome {
  const latest = latestRun(db, guildId, datasetName);
  if (!latest.ok) return latest;
  const { dataset, run } = latest;
  const runs = runsRepository(db);
  const customer = runs.customer(guildId, run.runId, customerId);
  if (!customer) {
    const suggestions = runs.customerIdsStartingWith(guildId, run.runId, customerId.slice(0, Math.max(1, customerId.length - 1)), 5);
    return { ok: false, code: 'customer_not_found', details: { customerId, dataset: dataset.name, suggestions } };
  }
  const cluster = run.details.segments.find((segment) => segment.label === customer.segment);
  const returned = customer.segment === RETURNED_EVERYTHING;
  const actions = workspaceActions(db, guildId);
  const history = customerHistoryRepository(db).recentInvoices(guildId, dataset.datasetId, customerId, LAST_PURCHASES);
  return {
    ok: true,
    card: {
      customerId,
      dataset: dataset.name,
      currency: dataset.currency,
      runId: run.runId,
      asOf: run.asOf === null ? null : isoWallClock(run.asOf),
      convention: run.convention,
      recencyDays: customer.recencyDays,
      frequency: customer.frequency,
      monetary: customer.monetary,
      averageOrderValue: customer.averageOrderValue,
      returnRate: customer.returnRate,
      firstPurchase: isoWallClock(customer.firstPurchase),
      tenureDays: run.asOf === null ? 0 : Math.floor((run.asOf - customer.firstPurchase) / 86_400_000),
      lastPurchase: isoWallClock(customer.lastPurchase),
      scores: customer.scores,
      percentiles: customer.percentiles,
      segment: customer.segment ?? customer.gridSegment,
      segmentRank: cluster?.rank ?? null,
      explanation: returned ? RETURNED_EVERYTHING_EXPLANATION : (cluster?.explanation ?? null),
      gridSegment: customer.gridSegment,
      lastPurchases: history.map((h) => ({ invoice: h.invoice, date: isoWallClock(h.timestamp), lines: h.lines, amount: h.amount, isReturn: h.isReturn })),
      actions: actions(returned ? RETURNED_EVERYTHING : ((cluster?.name ?? customer.gridSegment) as SegmentName)),
    },
  };
}

/** Customer ids of the newest run that start with what was typed, for autocomplete (Discord allows 25). */
export function customerIdsStartingWith(db: Db, guildId: string, datasetName: string | undefined, prefix: string, limit = 25): string[] {
  const latest = latestRun(db, guildId, datasetName);
  return latest.ok ? runsRepository(db).customerIdsStartingWith(guildId, latest.run.runId, prefix, limit) : [];
}
