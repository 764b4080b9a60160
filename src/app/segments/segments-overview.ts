import type { AppContext } from '../context.js';
import { failureReply } from '../replies/failure-reply.js';
import { segmentsReply } from '../replies/segments-reply.js';
import type { Locale, Reply } from '../reply.js';
import { runCharts } from './segment-charts.js';
import { latestRun, runView, type Lens } from './segment-views.js';

/**
 * The newest run of a dataset as a reply, with its charts when the app can draw them. Amounts are in the dataset's
 * currency when its uploads said one, else in the server's.
 */
export async function segmentsOverview(
  app: AppContext,
  guildId: string,
  dataset: string | undefined,
  lens: Lens,
  locale: Locale,
  currency?: string | null,
): Promise<Reply> {
  const latest = latestRun(app.db, guildId, dataset);
  if (!latest.ok) return failureReply(latest.code, latest.details, locale);
  const view = runView(app.db, guildId, latest.dataset, latest.run, lens);
  const charts = await runCharts(app, guildId, latest.run, view, locale);
  return segmentsReply(view, locale, charts, latest.dataset.currency ?? currency);
}
