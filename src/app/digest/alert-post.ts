import { createHash } from 'node:crypto';
import { runMigration } from '../../insights/migration.js';
import { digestRepository } from '../../store/digest-schedules.js';
import { runsRepository } from '../../store/runs.js';
import type { AppContext } from '../context.js';
import { escapeMarkdown } from '../format.js';
import type { Locale } from '../reply.js';
import { resolveDataset } from '../resolve-dataset.js';
import { readSettings, replyLocale } from '../workspace/settings.js';
import { judgeAlert, type AlertJudgement } from './alert-metrics.js';
import type { AlertMetric } from '../../store/digest-schedules.js';

const format = (value: number, locale: Locale) => new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

/** The short alert posted in the digest channel. */
export function alertText(judgement: AlertJudgement, dataset: string, locale: Locale): string {
  const en = locale === 'en';
  const value = format(judgement.value, locale);
  const threshold = format(judgement.threshold, locale);
  switch (judgement.metric) {
    case 'at_risk_revenue_share':
      return en
        ? `📉 **Alert** (${dataset}): At Risk and Can't Lose Them now hold **${value}%** of revenue (was ${format(judgement.previous ?? 0, locale)}%), past your threshold of ${threshold}%. See \`/segment compare\` and \`/segment list\` to act.`
        : `📉 **Peringatan** (${dataset}): At Risk dan Can't Lose Them kini memegang **${value}%** pendapatan (sebelumnya ${format(judgement.previous ?? 0, locale)}%), melewati ambang ${threshold}%. Lihat \`/segment compare\` dan \`/segment list\` untuk bertindak.`;
    case 'champions_change':
      return en
        ? `${judgement.value < 0 ? '📉' : '📈'} **Alert** (${dataset}): the number of Champions changed by **${value}%** since the previous run (threshold ${threshold}%). See \`/segment compare\`.`
        : `${judgement.value < 0 ? '📉' : '📈'} **Peringatan** (${dataset}): jumlah Champions berubah **${value}%** sejak run sebelumnya (ambang ${threshold}%). Lihat \`/segment compare\`.`;
    case 'customers_lost':
      return en
        ? `📉 **Alert** (${dataset}): **${value}** customers slipped into At Risk, Can't Lose Them or Hibernating (or left) since the previous run (threshold ${threshold}). See \`/segment compare\`.`
        : `📉 **Peringatan** (${dataset}): **${value}** pelanggan tergelincir ke At Risk, Can't Lose Them atau Hibernating (atau hilang) sejak run sebelumnya (ambang ${threshold}). Lihat \`/segment compare\`.`;
  }
}

/**
 * After an upload or a segment run: judges the server's alert on the two newest runs of the digest's dataset, once
 * per run, and posts a short alert in the digest channel when the new run crossed the threshold. The run id is
 * marked judged before anything is sent and the send carries a nonce derived from it, so an alert is never posted
 * twice. Returns the judgement, or null when there was nothing new to judge. Run it in the server's work queue.
 */
export async function postDigestAlert(app: AppContext, guildId: string): Promise<(AlertJudgement & { posted: boolean }) | null> {
  const digests = digestRepository(app.db);
  const schedule = digests.schedule(guildId);
  if (!schedule?.alertMetric || schedule.alertThreshold === null || schedule.pausedReason) return null;
  const dataset = resolveDataset(app.db, guildId, schedule.dataset ?? undefined);
  if (!dataset.ok) return null;
  const runs = runsRepository(app.db);
  const [newest, previous] = runs.ofDataset(guildId, dataset.dataset.datasetId, 2);
  if (!newest || !previous || newest.runId === schedule.alertLastRunId) return null;
  digests.markAlertJudged(guildId, newest.runId);
  const migration = runMigration(runs.migrationMembers(guildId, previous.runId), runs.migrationMembers(guildId, newest.runId));
  const judgement = judgeAlert(schedule.alertMetric, schedule.alertThreshold, migration);
  const channels = app.digestChannels;
  if (!judgement.crossed || !channels) return { ...judgement, posted: false };
  const settings = readSettings(app.db, guildId);
  const locale = replyLocale(settings, channels.serverLocale(guildId));
  const nonce = createHash('sha256').update(`alert\u0000${guildId}\u0000${newest.runId}`).digest('base64url').slice(0, 25);
  const sent = await channels.send(guildId, schedule.channelId, { ok: true, text: alertText(judgement, escapeMarkdown(dataset.dataset.name), locale) }, nonce);
  return { ...judgement, posted: sent.ok };
}

/**
 * Sets or clears the alert of a server's digest. It is judged from the next run on: the dataset's newest run now is
 * marked judged, so setting an alert never fires on a run made before. False when the server has no digest.
 */
export function setDigestAlert(app: AppContext, guildId: string, alert: { metric: AlertMetric; threshold: number } | null): boolean {
  const digests = digestRepository(app.db);
  const schedule = digests.schedule(guildId);
  if (!schedule) return false;
  const dataset = resolveDataset(app.db, guildId, schedule.dataset ?? undefined);
  const newest = dataset.ok ? runsRepository(app.db).ofDataset(guildId, dataset.dataset.datasetId, 1)[0] : undefined;
  return digests.setAlert(guildId, alert?.metric ?? null, alert?.threshold ?? null, alert ? (newest?.runId ?? null) : null);
}
