import { buildMigrationFlowChart } from '../../charts/migration-flow.js';
import type { ChartConfig } from '../../charts/renderer.js';
import type { AppContext } from '../context.js';
import { compareReply } from '../replies/compare-reply.js';
import { migrationShownIn } from './segment-names.js';
import { failureReply } from '../replies/failure-reply.js';
import type { Locale, Reply, ReplyFile } from '../reply.js';
import { compareRuns, type ComparisonRequest, type RunComparison } from './compare-runs.js';

/**
 * A comparison of two runs as a reply, with the migration flow chart when the app can draw charts. Amounts are in
 * the dataset's currency when its uploads said one, else in the server's.
 */
export async function comparisonOverview(app: AppContext, request: ComparisonRequest, locale: Locale, currency?: string | null): Promise<Reply> {
  const outcome = compareRuns(app.db, request);
  if (!outcome.ok) return failureReply(outcome.code, outcome.details, locale);
  const { comparison } = outcome;
  const charts: ReplyFile[] = app.charts
    ? [{ name: 'segment-migration.png', data: await app.charts.render(migrationChart(comparison, locale)), contentType: 'image/png' }]
    : [];
  return compareReply(comparison, locale, charts, comparison.dataset.currency ?? currency);
}

/** The flow from the earlier run's segments to the later run's, its runs named by their as-of days. */
export function migrationChart(comparison: RunComparison, locale: Locale): ChartConfig {
  const { from, to } = comparison;
  const asOf = from.asOf && to.asOf ? { before: from.asOf.slice(0, 10), after: to.asOf.slice(0, 10) } : undefined;
  return buildMigrationFlowChart(migrationShownIn(comparison.migration, locale), { locale, ...(asOf ? { asOf } : {}) }) as unknown as ChartConfig;
}
