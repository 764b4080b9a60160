import { escapeMarkdown, formatAmount, formatCounted, formatPercent, type Noun } from '../format.js';
import type { Locale, Reply, ReplyEmbed, ReplyField, ReplyFile } from '../reply.js';
import { KEEP_K_SILHOUETTE_MARGIN } from '../../segment/choose-k.js';
import type { RunContinuity } from '../../segment/continuity.js';
import { timeYardstick } from '../../segment/naming.js';
import type { RunView } from '../segments/segment-views.js';
import { shownSegmentName } from '../segments/segment-names.js';
import { actionLines } from './action-lines.js';

const words = {
  en: {
    title: (dataset: string) => `Segments of **${dataset}**`,
    embedTitle: (dataset: string) => `Segments · ${dataset}`,
    clusters: (k: string, silhouette: string, sampled: boolean) => `${k} (silhouette ${silhouette}${sampled ? ', on a sample of customers' : ''})`,
    cluster: { one: 'k-means cluster', other: 'k-means clusters' },
    grid: 'R × F grid segments',
    fallback: (reason: string) => `Too little data for clusters (${reason}), so these are the R × F grid segments.`,
    forcedK: (k: number) => `k = ${k} was chosen with the k option, so no other k was tried and there is no choosing-k curve.`,
    convention: { net: 'net spend (returns subtracted)', gross: 'gross spend (returns left out)' },
    asOf: 'as of',
    customer: { one: 'customer', other: 'customers' },
    day: { one: 'day', other: 'days' },
    order: { one: 'order', other: 'orders' },
    revenue: 'revenue',
    typical: (r: string, f: string, m: string) => `typical customer: bought ${r} ago, ${f}, spent ${m}`,
    top: 'Countries',
    products: 'Top products',
    next: 'Do next',
    reasons: { too_few_customers: 'fewer customers than 10 per cluster', single_purchase_date: 'every purchase on one day', too_few_distinct_customers: 'too few different customers' },
    rhythm: (gap: string, lapsed: string) => `Repeat customers order again every ${gap} (median), so clusters silent for more than ${lapsed} are named as lapsed.`,
    fewRepeats: 'Few customers order twice, so clusters silent for more than a year are named as lapsed.',
  },
  id: {
    title: (dataset: string) => `Segmen **${dataset}**`,
    embedTitle: (dataset: string) => `Segmen · ${dataset}`,
    clusters: (k: string, silhouette: string, sampled: boolean) => `${k} (silhouette ${silhouette}${sampled ? ', dari sampel pelanggan' : ''})`,
    cluster: { other: 'klaster k-means' },
    grid: 'segmen grid R × F',
    fallback: (reason: string) => `Data terlalu sedikit untuk klaster (${reason}), jadi ini segmen grid R × F.`,
    forcedK: (k: number) => `k = ${k} dipilih lewat opsi k, jadi k lain tidak dicoba dan tidak ada kurva pemilihan k.`,
    convention: { net: 'belanja bersih (retur dikurangkan)', gross: 'belanja kotor (retur tidak dihitung)' },
    asOf: 'per',
    customer: { other: 'pelanggan' },
    day: { other: 'hari' },
    order: { other: 'pesanan' },
    revenue: 'pendapatan',
    typical: (r: string, f: string, m: string) => `pelanggan tipikal: terakhir beli ${r} lalu, ${f}, belanja ${m}`,
    top: 'Negara',
    products: 'Produk teratas',
    next: 'Langkah berikutnya',
    reasons: { too_few_customers: 'kurang dari 10 pelanggan per klaster', single_purchase_date: 'semua pembelian di satu hari', too_few_distinct_customers: 'terlalu sedikit pelanggan yang berbeda' },
    rhythm: (gap: string, lapsed: string) => `Pelanggan yang kembali memesan lagi setiap ${gap} (median), jadi klaster yang tidak belanja lebih dari ${lapsed} dinamai sebagai pelanggan yang sudah berhenti.`,
    fewRepeats: 'Sedikit pelanggan yang memesan dua kali, jadi klaster yang tidak belanja lebih dari setahun dinamai sebagai pelanggan yang sudah berhenti.',
  },
} as const;

/** Discord allows 1,024 characters per field value. */
const FIELD_LIMIT = 1024;
const clip = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/**
 * The overview of a run: one field per segment, most valuable first, with the structured view for --json.
 * The first chart is the overview embed's image; each further chart gets an embed of its own (Discord shows
 * one image per embed, ten embeds at most).
 */
export function segmentsReply(view: RunView, locale: Locale, charts: readonly ReplyFile[] = [], currency?: string | null): Reply {
  const w = words[locale];
  const counted = (value: number, noun: Noun) => formatCounted(value, noun, locale);
  const method =
    view.method === 'kmeans' && view.k !== null
      ? w.clusters(counted(view.k, w.cluster), view.silhouette === null ? '–' : view.silhouette.toFixed(3), view.silhouetteSampled)
      : w.grid;
  const summary = [
    `${w.title(escapeMarkdown(view.dataset))}: ${method}${view.lens === 'grid' && view.method === 'kmeans' ? ` — ${w.grid}` : ''}`,
    `${counted(view.customers, w.customer)} · ${w.convention[view.convention]} · ${w.asOf} ${view.asOf?.slice(0, 10) ?? '–'}`,
    ...(view.fallback ? [w.fallback(w.reasons[view.fallback.reason])] : []),
    // Runs before forced k clustered only that k still carry the whole curve, and their chart.
    ...(view.forcedK && view.method === 'kmeans' && view.k !== null && view.candidates.length < 2 ? [w.forcedK(view.k)] : []),
    ...(view.rhythm ? [rhythmLine(view.rhythm, locale)] : []),
    ...(view.continuity && view.k !== null && (view.continuity.previousK !== view.k || view.continuity.matches.some((match) => !match.nameKept))
      ? [continuityLine(view.continuity, view.k, locale)]
      : []),
  ];
  const fields: ReplyField[] = view.segments.map((segment) => {
    const explanation = segment.explanation ? segment.explanation[locale] : '';
    const countries = segment.topCountries.map((c) => `${escapeMarkdown(c.name)} ${formatPercent(c.share, locale)}`).join(', ');
    const products = segment.topProducts.map((p) => escapeMarkdown(p.name)).join(', ');
    const value = [
      `${w.revenue} ${formatAmount(segment.revenue, locale, currency)} (${formatPercent(segment.revenueShare, locale)})`,
      w.typical(counted(segment.recencyMedian, w.day), counted(segment.frequencyMedian, w.order), formatAmount(segment.monetaryMedian, locale, currency)),
      ...(explanation ? [`_${explanation}_`] : []),
      ...(countries ? [`${w.top}: ${countries}`] : []),
      ...(products ? [`${w.products}: ${products}`] : []),
      `**${w.next}:** ${actionLines(segment.actions, locale, 1)[0] ?? ''}`,
    ].join('\n');
    return {
      name: `${segment.rank}. ${escapeMarkdown(shownSegmentName(segment.name, locale))} — ${counted(segment.customers, w.customer)} (${formatPercent(segment.customerShare, locale)})`,
      value: clip(value, FIELD_LIMIT),
    };
  });
  return {
    ok: true,
    text: summary.join('\n'),
    embeds: [
      { title: clip(w.embedTitle(escapeMarkdown(view.dataset)), 256), fields, ...(charts[0] ? { image: charts[0].name } : {}) },
      ...charts.slice(1, 10).map((chart): ReplyEmbed => ({ image: chart.name })),
    ],
    ...(charts.length ? { files: [...charts] } : {}),
    data: {
      runId: view.runId,
      dataset: view.dataset,
      lens: view.lens,
      method: view.method,
      k: view.k,
      silhouette: view.silhouette,
      silhouetteSampled: view.silhouetteSampled,
      convention: view.convention,
      asOf: view.asOf,
      customers: view.customers,
      fallback: view.fallback,
      candidates: view.candidates,
      rhythm: view.rhythm,
      continuity: view.continuity ?? null,
      segments: view.segments,
    },
  };
}

/** What "lapsed" meant for the names of this run, in days. */
function rhythmLine(rhythm: NonNullable<RunView['rhythm']>, locale: Locale): string {
  const yardstick = timeYardstick(rhythm);
  const days = (value: number) => formatCounted(Math.round(value), words[locale].day, locale);
  return yardstick.measured ? words[locale].rhythm(days(yardstick.gapDays), days(yardstick.lapsedAfterDays)) : words[locale].fewRepeats;
}

const continuityWords = {
  en: {
    changed: (from: number, to: number, run: number, margin: string, kept: number) =>
      `k changed from ${from} to ${to} since run #${run}: another number of clusters fits these customers clearly better (silhouette higher by more than ${margin}), so the segments were regrouped; ${kept} of ${to} kept their names.`,
    forced: (from: number, to: number, run: number, kept: number) =>
      `k set to ${to} by the k option (run #${run} had ${from}); ${kept} of ${to} segments kept their names.`,
    kept: (k: number, run: number, warm: boolean, kept: number) =>
      `Same ${k} clusters as run #${run}${warm ? ', refined from its centroids' : ''}; ${kept} of ${k} segments kept their names.`,
  },
  id: {
    changed: (from: number, to: number, run: number, margin: string, kept: number) =>
      `k berubah dari ${from} menjadi ${to} sejak run #${run}: jumlah klaster lain jauh lebih cocok untuk pelanggan ini (silhouette lebih tinggi lebih dari ${margin}), jadi segmen dikelompokkan ulang; ${kept} dari ${to} tetap bernama sama.`,
    forced: (from: number, to: number, run: number, kept: number) =>
      `k diatur ke ${to} lewat opsi k (run #${run} memakai ${from}); ${kept} dari ${to} segmen tetap bernama sama.`,
    kept: (k: number, run: number, warm: boolean, kept: number) =>
      `${k} klaster yang sama dengan run #${run}${warm ? ', diperhalus dari centroid-nya' : ''}; ${kept} dari ${k} segmen tetap bernama sama.`,
  },
} as const;

/**
 * One sentence on how a run followed on from the previous run of its dataset: k changed (and why), set by the k
 * option, or kept; with how many segments kept their names. Shared by `/segments` and `/segment compare`.
 */
export function continuityLine(continuity: RunContinuity, k: number, locale: Locale): string {
  const w = continuityWords[locale];
  const kept = continuity.matches.filter((match) => match.nameKept).length;
  const run = continuity.previousRunId;
  if (continuity.previousK === k) return w.kept(k, run, continuity.warmStarted, kept);
  if (continuity.kDecision === 'forced') return w.forced(continuity.previousK, k, run, kept);
  const margin = new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 3 }).format(KEEP_K_SILHOUETTE_MARGIN);
  return w.changed(continuity.previousK, k, run, margin, kept);
}
