import { buildMigrationFlowChart } from '../../charts/migration-flow.js';
import type { ChartConfig, ChartRenderer } from '../../charts/renderer.js';
import { buildWeeklyRevenueChart } from '../../charts/weekly-revenue.js';
import type { RunMigration } from '../../insights/migration.js';
import { migrationShownIn } from '../segments/segment-names.js';
import { isoDay } from '../../insights/week-start.js';
import type { WeekRevenue } from '../../insights/weekly-revenue.js';
import type { Locale, ReplyFile } from '../reply.js';
import { DIGEST_CHART_FILES } from './digest-reply.js';

/** The migration chart between two runs, its sides named by the runs' as-of days. */
export function migrationChartConfig(migration: RunMigration, asOf: { before: number | null; after: number | null }, locale: Locale): ChartConfig {
  const named = asOf.before !== null && asOf.after !== null ? { asOf: { before: isoDay(asOf.before), after: isoDay(asOf.after) } } : {};
  return buildMigrationFlowChart(migrationShownIn(migration, locale), { locale, ...named }) as ChartConfig;
}

export function weeklyRevenueChartConfig(weeks: readonly WeekRevenue[], locale: Locale, currency: string | null): ChartConfig {
  return buildWeeklyRevenueChart({ weeks, ...(currency ? { currency } : {}) }, { locale }) as ChartConfig;
}

/**
 * Draws a chart as a digest attachment. With the app's worker renderer the drawing happens on the chart worker, so
 * this only waits; the caller starts it as soon as the chart's data is known.
 */
export async function digestChart(renderer: ChartRenderer, name: (typeof DIGEST_CHART_FILES)[keyof typeof DIGEST_CHART_FILES], config: ChartConfig): Promise<ReplyFile> {
  return { name, data: await renderer.render(config), contentType: 'image/png' };
}
