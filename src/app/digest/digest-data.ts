import { setImmediate as nextTurn } from 'node:timers/promises';
import { actionsOfTheWeek, type WeeklyAction } from '../../insights/actions-of-the-week.js';
import { dataFreshness } from '../../insights/data-freshness.js';
import { GONE_SINCE, runMigration, type RunMigration, type SegmentChange, type SegmentMove } from '../../insights/migration.js';
import { namedMovements, type NamedMovement } from '../../insights/named-movements.js';
import { newCustomersOf, type NewCustomers } from '../../insights/new-customers.js';
import { slippingCustomers, type SlippingCustomer } from '../../insights/slipping-customers.js';
import { weekStartOf, WEEK_MS } from '../../insights/week-start.js';
import { DIGEST_WEEKS, weeklyRevenueSeries, type WeekRevenue } from '../../insights/weekly-revenue.js';
import { timeYardstick } from '../../segment/naming.js';
import { digestQueries, type DigestMemberRow } from '../../store/digest-queries.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository, type RunRecord } from '../../store/runs.js';
import { latestRun, runView, type LatestRun } from '../segments/segment-views.js';
import { datasetSales } from './weekly-sales.js';

/** How many named movements the digest tells: the largest three. */
const MOVEMENTS_SHOWN = 3;

/** A run the digest describes: which one, as of when, with how many clusters. */
export interface DigestRun {
  runId: number;
  /** Epoch ms recency was measured from (wall clock as UTC); null for a run stored without one. */
  asOf: number | null;
  k: number | null;
}

export interface DigestUpload {
  fileName: string;
  uploadedAt: string;
  mode: 'append' | 'replace';
  rowsImported: number;
  /** Epoch ms of the first and last line it stored; null when it stored none (every row was already there). */
  firstSale: number | null;
  lastSale: number | null;
  daysSinceUpload: number | null;
  /** Nothing uploaded for 14 days: the figures have not changed since. */
  stale: boolean;
}

/** Everything a weekly digest says, before it is put in words. */
export interface Digest {
  dataset: string;
  /** What the amounts are in: the dataset's currency, else the server's; null for plain numbers. */
  currency: string | null;
  convention: RunRecord['convention'];
  run: DigestRun;
  /** The run before, of the same dataset; null when this is the first one (nothing to compare yet). */
  previous: DigestRun | null;
  /** How this run's k followed on from the previous run's (see RunContinuity), when the run says. */
  kDecision: 'kept' | 'changed' | 'forced' | null;
  lastUpload: DigestUpload | null;
  /** This run's segments most valuable first, then those only the previous run had; `before` zero without one. */
  segments: SegmentChange[];
  /** Every (previous → this run) pair; empty without a previous run. */
  moves: SegmentMove[];
  /** The largest downgrades and upgrades between names. */
  movements: NamedMovement[];
  atRisk: SlippingCustomer[];
  /** Null without a previous run: then every customer would be new. */
  newCustomers: NewCustomers | null;
  /** Customers of the previous run that this one no longer has. */
  goneCustomers: number;
  weeklyRevenue: WeekRevenue[];
  actions: WeeklyAction[];
  skippedPeriods: readonly string[];
  /** The migration itself, for the chart. */
  migration: RunMigration;
}

export type DigestOutcome = { ok: true; digest: Digest } | Extract<LatestRun, { ok: false }>;

export interface DigestInput {
  guildId: string;
  dataset?: string;
  currency?: string | null;
  now: Date;
  skippedPeriods?: readonly string[];
  /** Called once the runs are compared and before the lines are read, with both runs' as-of dates; not without a previous run. */
  onComparison?(migration: RunMigration, asOf: { before: number | null; after: number | null }): void;
}

const digestRun = (run: RunRecord): DigestRun => ({ runId: run.runId, asOf: run.asOf, k: run.k });

/**
 * What changed in a dataset between its newest run and the one before: segments, moves, customers slipping away,
 * new customers, revenue per week, the week's actions and how fresh the data is. Reads the store and computes;
 * the lines are read in slices (see datasetSales), so it yields to other work while it runs.
 */
export async function collectDigest(db: Db, input: DigestInput): Promise<DigestOutcome> {
  const latest = latestRun(db, input.guildId, input.dataset);
  if (!latest.ok) return latest;
  const { dataset, run } = latest;
  const queries = digestQueries(db);
  const runs = runsRepository(db);
  const previousListed = runs.ofDataset(input.guildId, dataset.datasetId, 2).find((listed) => listed.runId < run.runId);
  // Whole, for its purchase rhythm: what "still active then" meant for the slipping list.
  const previousRun = previousListed && runs.byId(input.guildId, previousListed.runId);
  // A turn of the event loop between steps of ~5-15 ms each (Online Retail, busy machine; the first digest after a
  // start also prepares its statements): together they would hold the thread that answers members for longer than
  // the 50 ms the issue allows.
  await nextTurn();
  const after = queries.members(input.guildId, run.runId);
  await nextTurn();
  const before = previousRun ? queries.members(input.guildId, previousRun.runId) : [];
  await nextTurn();
  const migration = runMigration(before, after);
  await nextTurn();
  if (previousRun) input.onComparison?.(migration, { before: previousRun.asOf, after: run.asOf });
  await nextTurn();
  const view = runView(db, input.guildId, dataset, run, 'clusters');
  const upload = queries.lastUpload(input.guildId, dataset.datasetId);
  const asOf = run.asOf ?? Number.MAX_SAFE_INTEGER;
  const sales = await datasetSales(queries, input.guildId, dataset.datasetId, { from: firstWeekShown(after), before: asOf }, upload?.uploadId ?? -1);
  const revenueOf = (week: { purchased: number; refunded: number }) => (run.convention === 'net' ? week.purchased - week.refunded : week.purchased);
  const actionsBySegment = new Map(view.segments.map((segment) => [segment.name, segment.actions]));
  const freshness = dataFreshness(upload?.uploadedAt ?? null, input.now);
  const atRisk = previousRun ? slippingCustomers(before, after, undefined, activeSinceOf(previousRun)) : [];
  await nextTurn();
  return {
    ok: true,
    digest: {
      dataset: dataset.name,
      currency: dataset.currency ?? input.currency ?? null,
      convention: run.convention,
      run: digestRun(run),
      previous: previousRun ? digestRun(previousRun) : null,
      kDecision: run.details.continuity?.previousRunId === previousRun?.runId ? (run.details.continuity?.kDecision ?? null) : null,
      lastUpload: upload
        ? {
            fileName: upload.fileName,
            uploadedAt: upload.uploadedAt,
            mode: upload.mode,
            rowsImported: upload.rowsImported,
            firstSale: sales.lastUpload?.first ?? null,
            lastSale: sales.lastUpload?.last ?? null,
            ...freshness,
          }
        : null,
      segments: inRunOrder(migration.segments, view.segments.map((segment) => segment.name)),
      moves: previousRun ? migration.moves : [],
      movements: previousRun ? namedMovements(migration).slice(0, MOVEMENTS_SHOWN) : [],
      atRisk,
      newCustomers: previousRun ? newCustomersOf(migration) : null,
      goneCustomers: migration.moves.filter((move) => move.to === GONE_SINCE).reduce((sum, move) => sum + move.customers, 0),
      weeklyRevenue: weeklyRevenueSeries(new Map([...sales.weeks].map(([week, totals]) => [week, revenueOf(totals)])), weeksWithSales(sales.weeks)),
      actions: actionsOfTheWeek(migration, (segment) => actionsBySegment.get(segment) ?? []),
      skippedPeriods: input.skippedPeriods ?? [],
      migration,
    },
  };
}

/**
 * The Monday of the first week the digest may show: 11 weeks before the week of the run's last purchase. Sales after
 * that purchase (lines without a customer id, before the as-of date) can only move the window later, and the weeks
 * read from here cover any later window of 12 weeks too.
 */
function firstWeekShown(members: readonly DigestMemberRow[]): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const member of members) if (member.lastPurchase > last) last = member.lastPurchase;
  return Number.isFinite(last) ? weekStartOf(last) - (DIGEST_WEEKS - 1) * WEEK_MS : Number.NEGATIVE_INFINITY;
}

/** The first and last week that had a line: the span the weekly series is cut from. */
function weeksWithSales(weeks: ReadonlyMap<number, unknown>): { first: number; last: number } | null {
  if (weeks.size === 0) return null;
  const starts = [...weeks.keys()];
  return { first: Math.min(...starts), last: Math.max(...starts) };
}

/** Segments in the order of this run's overview (most valuable first), then those only the previous run had, in its order. */
function inRunOrder(segments: readonly SegmentChange[], order: readonly string[]): SegmentChange[] {
  const rank = new Map(order.map((name, index) => [name, index]));
  const place = (segment: SegmentChange, index: number) => rank.get(segment.name) ?? order.length + index;
  return segments
    .map((segment, index) => ({ segment, at: place(segment, index) }))
    .sort((a, b) => a.at - b.at)
    .map(({ segment }) => segment);
}

/**
 * The oldest last purchase of a customer still active at the previous run: its as-of less the lapse threshold of its
 * own purchase rhythm. Runs stored before the rhythm was kept, or without an as-of, set no bound.
 */
function activeSinceOf(previous: RunRecord): number | undefined {
  const rhythm = previous.details.rhythm;
  if (!rhythm || previous.asOf === null) return undefined;
  return previous.asOf - timeYardstick(rhythm).lapsedAfterDays * DAY_MS;
}

const DAY_MS = 86_400_000;
