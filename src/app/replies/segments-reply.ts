import { escapeMarkdown, formatAmount, formatCount, formatPercent } from '../format.js';
import type { Locale, Reply, ReplyEmbed, ReplyField, ReplyFile } from '../reply.js';
import type { RunView } from '../segment-views.js';
import { actionLines } from './action-lines.js';

const words = {
  en: {
    title: (dataset: string) => `Segments of **${dataset}**`,
    embedTitle: (dataset: string) => `Segments · ${dataset}`,
    clusters: (k: number, silhouette: string, sampled: boolean) => `${k} k-means clusters (silhouette ${silhouette}${sampled ? ', on a sample of customers' : ''})`,
    grid: 'R × F grid segments',
    fallback: (reason: string) => `Too little data for clusters (${reason}), so these are the R × F grid segments.`,
    convention: { net: 'net spend (returns subtracted)', gross: 'gross spend (returns left out)' },
    asOf: 'as of',
    customers: 'customers',
    revenue: 'revenue',
    typical: (r: string, f: string, m: string) => `typical customer: bought ${r} days ago, ${f} orders, spent ${m}`,
    top: 'Countries',
    products: 'Top products',
    next: 'Do next',
    reasons: { too_few_customers: 'fewer customers than 10 per cluster', single_purchase_date: 'every purchase on one day', too_few_distinct_customers: 'too few different customers' },
  },
  id: {
    title: (dataset: string) => `Segmen **${dataset}**`,
    embedTitle: (dataset: string) => `Segmen · ${dataset}`,
    clusters: (k: number, silhouette: string, sampled: boolean) => `${k} klaster k-means (silhouette ${silhouette}${sampled ? ', dari sampel pelanggan' : ''})`,
    grid: 'segmen grid R × F',
    fallback: (reason: string) => `Data terlalu sedikit untuk klaster (${reason}), jadi ini segmen grid R × F.`,
    convention: { net: 'belanja bersih (retur dikurangkan)', gross: 'belanja kotor (retur tidak dihitung)' },
    asOf: 'per',
    customers: 'pelanggan',
    revenue: 'pendapatan',
    typical: (r: string, f: string, m: string) => `pelanggan tipikal: terakhir beli ${r} hari lalu, ${f} pesanan, belanja ${m}`,
    top: 'Negara',
    products: 'Produk teratas',
    next: 'Langkah berikutnya',
    reasons: { too_few_customers: 'kurang dari 10 pelanggan per klaster', single_purchase_date: 'semua pembelian di satu hari', too_few_distinct_customers: 'terlalu sedikit pelanggan yang berbeda' },
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
  const n = (value: number) => formatCount(value, locale);
  const method =
    view.method === 'kmeans' && view.k !== null
      ? w.clusters(view.k, view.silhouette === null ? '–' : view.silhouette.toFixed(3), view.silhouetteSampled)
      : w.grid;
  const summary = [
    `${w.title(escapeMarkdown(view.dataset))}: ${method}${view.lens === 'grid' && view.method === 'kmeans' ? ` — ${w.grid}` : ''}`,
    `${n(view.customers)} ${w.customers} · ${w.convention[view.convention]} · ${w.asOf} ${view.asOf?.slice(0, 10) ?? '–'}`,
    ...(view.fallback ? [w.fallback(w.reasons[view.fallback.reason])] : []),
  ];
  const fields: ReplyField[] = view.segments.map((segment) => {
    const explanation = segment.explanation ? segment.explanation[locale] : '';
    const countries = segment.topCountries.map((c) => `${escapeMarkdown(c.name)} ${formatPercent(c.share, locale)}`).join(', ');
    const products = segment.topProducts.map((p) => escapeMarkdown(p.name)).join(', ');
    const value = [
      `${w.revenue} ${formatAmount(segment.revenue, locale, currency)} (${formatPercent(segment.revenueShare, locale)})`,
      w.typical(n(segment.recencyMedian), n(segment.frequencyMedian), formatAmount(segment.monetaryMedian, locale, currency)),
      ...(explanation ? [`_${explanation}_`] : []),
      ...(countries ? [`${w.top}: ${countries}`] : []),
      ...(products ? [`${w.products}: ${products}`] : []),
      `**${w.next}:** ${actionLines(segment.actions, locale, 1)[0] ?? ''}`,
    ].join('\n');
    return {
      name: `${segment.rank}. ${escapeMarkdown(segment.name)} — ${n(segment.customers)} ${w.customers} (${formatPercent(segment.customerShare, locale)})`,
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
      segments: view.segments,
    },
  };
}
