import type { AppContext } from '../context.js';
import { failureReply } from '../replies/failure-reply.js';
import type { Locale, Reply, ReplyFile } from '../reply.js';
import { digestChart, migrationChartConfig, weeklyRevenueChartConfig } from './digest-charts.js';
import { collectDigest } from './digest-data.js';
import { DIGEST_CHART_FILES, digestReply as digestReplyOf } from './digest-reply.js';

/** What a digest is built for: one server, one dataset (default: the server's latest), at one moment. */
export interface DigestRequest {
  guildId: string;
  dataset?: string;
  locale: Locale;
  currency?: string | null;
  now: Date;
  /** Periods (e.g. '2026-W49') whose scheduled post was skipped because the bot was down too long; the digest says so. */
  skippedPeriods?: readonly string[];
}

/**
 * The weekly digest of a dataset as one reply (embeds + PNG files within Discord's limits; `data` is the `--json`
 * shape): what changed between the dataset's newest run and the one before (issue #13). The lines are read in
 * slices that yield to other work, and the charts are drawn by the app's renderer (a worker thread in the bot and
 * the CLI), the migration chart while the lines are being read. A dataset that is missing or was never segmented
 * gets the usual private failure reply.
 */
export async function digestReply(app: AppContext, request: DigestRequest): Promise<Reply> {
  const charts: Promise<ReplyFile>[] = [];
  const outcome = await collectDigest(app.db, {
    guildId: request.guildId,
    ...(request.dataset !== undefined ? { dataset: request.dataset } : {}),
    currency: request.currency ?? null,
    now: request.now,
    skippedPeriods: request.skippedPeriods ?? [],
    onComparison(migration, asOf) {
      if (app.charts) charts.push(digestChart(app.charts, DIGEST_CHART_FILES.migration, migrationChartConfig(migration, asOf, request.locale)));
    },
  });
  if (!outcome.ok) {
    await Promise.allSettled(charts);
    return failureReply(outcome.code, outcome.details, request.locale);
  }
  const { digest } = outcome;
  if (app.charts && digest.weeklyRevenue.length) {
    charts.push(digestChart(app.charts, DIGEST_CHART_FILES.weeklyRevenue, weeklyRevenueChartConfig(digest.weeklyRevenue, request.locale, digest.currency)));
  }
  return digestReplyOf(digest, request.locale, await Promise.all(charts), request.dataset);
}
