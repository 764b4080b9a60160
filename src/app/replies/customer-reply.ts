import type { CustomerCard } from '../customer-card.js';
import { escapeMarkdown, formatAmount, formatCount, formatPercent } from '../format.js';
import type { Locale, Reply } from '../reply.js';
import { actionLines } from './action-lines.js';

const words = {
  en: {
    title: (id: string) => `Customer ${id}`,
    recency: 'Last purchase', days: (d: string) => `${d} days ago`,
    since: 'Customer since', tenure: (date: string, d: string) => `${date} (${d} days)`,
    frequency: 'Orders', monetary: 'Spend', aov: 'Average order', returns: 'Returned',
    scores: 'RFM scores (1–5)', beats: (r: string, f: string, m: string) => `more recent than ${r} of customers, more orders than ${f}, spent more than ${m}`,
    segment: 'Segment', grid: 'R × F grid segment', purchases: 'Last purchases', actions: 'Recommended actions',
    footer: (dataset: string, asOf: string) => `Dataset ${dataset} · as of ${asOf}`, returnMark: 'return',
  },
  id: {
    title: (id: string) => `Pelanggan ${id}`,
    recency: 'Pembelian terakhir', days: (d: string) => `${d} hari lalu`,
    since: 'Pelanggan sejak', tenure: (date: string, d: string) => `${date} (${d} hari)`,
    frequency: 'Pesanan', monetary: 'Belanja', aov: 'Rata-rata pesanan', returns: 'Diretur',
    scores: 'Skor RFM (1–5)', beats: (r: string, f: string, m: string) => `lebih baru dari ${r} pelanggan, pesanan lebih banyak dari ${f}, belanja lebih besar dari ${m}`,
    segment: 'Segmen', grid: 'Segmen grid R × F', purchases: 'Pembelian terakhir', actions: 'Tindakan yang disarankan',
    footer: (dataset: string, asOf: string) => `Dataset ${dataset} · per ${asOf}`, returnMark: 'retur',
  },
} as const;

/** One customer's card: only the asker sees it, since it is about a person. */
export function customerReply(card: CustomerCard, locale: Locale, currency?: string | null): Reply {
  const w = words[locale];
  const pct = (value: number) => formatPercent(value / 100, locale);
  const purchases = card.lastPurchases
    .map((p) => `${p.date.slice(0, 10)} · ${escapeMarkdown(p.invoice ?? '–')} · ${formatAmount(p.amount, locale, currency)}${p.isReturn ? ` (${w.returnMark})` : ''}`)
    .join('\n');
  const segment = `**${escapeMarkdown(card.segment)}**${card.segmentRank ? ` (#${card.segmentRank})` : ''}${card.explanation ? `\n_${card.explanation[locale]}_` : ''}`;
  return {
    ok: true,
    ephemeral: true,
    text: `${w.title(escapeMarkdown(card.customerId))}: ${escapeMarkdown(card.segment)}`,
    embeds: [
      {
        title: w.title(escapeMarkdown(card.customerId)),
        fields: [
          { name: w.recency, value: w.days(formatCount(card.recencyDays, locale)), inline: true },
          { name: w.frequency, value: formatCount(card.frequency, locale), inline: true },
          { name: w.monetary, value: formatAmount(card.monetary, locale, currency), inline: true },
          { name: w.aov, value: formatAmount(card.averageOrderValue, locale, currency), inline: true },
          { name: w.returns, value: formatPercent(card.returnRate, locale), inline: true },
          { name: w.since, value: w.tenure(card.firstPurchase.slice(0, 10), formatCount(card.tenureDays, locale)), inline: true },
          { name: w.scores, value: `R ${card.scores.r} · F ${card.scores.f} · M ${card.scores.m}\n${w.beats(pct(card.percentiles.r), pct(card.percentiles.f), pct(card.percentiles.m))}` },
          { name: w.segment, value: segment },
          { name: w.grid, value: escapeMarkdown(card.gridSegment) },
          ...(purchases ? [{ name: w.purchases, value: purchases }] : []),
          { name: w.actions, value: actionLines(card.actions, locale, 3).map((line) => `• ${line}`).join('\n').slice(0, 1024) },
        ],
        footer: w.footer(card.dataset, card.asOf?.slice(0, 10) ?? '–'),
      },
    ],
    data: card,
  };
}
