import type { CustomerCard } from '../lookup/customer-card.js';
import { RETURNED_EVERYTHING } from '../../segment/returned-everything.js';
import { escapeMarkdown, formatAmount, formatCount, formatCounted, formatPercent } from '../format.js';
import type { Locale, Reply } from '../reply.js';
import { shownSegmentName } from '../segments/segment-names.js';
import { actionLines } from './action-lines.js';

const words = {
  en: {
    title: (id: string) => `Customer ${id}`,
    recency: 'Last purchase', day: { one: 'day', other: 'days' }, ago: (days: string) => `${days} ago`,
    since: 'Customer since', tenure: (date: string, days: string) => `${date} (${days})`,
    frequency: 'Orders', monetary: 'Spend', aov: 'Average order', returns: 'Returned',
    scores: 'RFM scores (1–5)', beats: (r: string, f: string, m: string) => `more recent than ${r} of customers, more orders than ${f}, spent more than ${m}`,
    segment: 'Segment', typical: (segment: string) => `Typical ${segment} customer`, grid: 'R × F grid segment', purchases: 'Last purchases', actions: 'Recommended actions',
    footer: (dataset: string, asOf: string) => `Dataset ${dataset} · as of ${asOf}`, returnMark: 'return',
  },
  id: {
    title: (id: string) => `Pelanggan ${id}`,
    recency: 'Pembelian terakhir', day: { other: 'hari' }, ago: (days: string) => `${days} lalu`,
    since: 'Pelanggan sejak', tenure: (date: string, days: string) => `${date} (${days})`,
    frequency: 'Pesanan', monetary: 'Belanja', aov: 'Rata-rata pesanan', returns: 'Diretur',
    scores: 'Skor RFM (1–5)', beats: (r: string, f: string, m: string) => `lebih baru dari ${r} pelanggan, pesanan lebih banyak dari ${f}, belanja lebih besar dari ${m}`,
    segment: 'Segmen', typical: (segment: string) => `Pelanggan tipikal ${segment}`, grid: 'Segmen grid R × F', purchases: 'Pembelian terakhir', actions: 'Tindakan yang disarankan',
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
  const days = (value: number) => formatCounted(value, w.day, locale);
  const segmentName = escapeMarkdown(shownSegmentName(card.segment, locale));
  const segment = `**${segmentName}**${card.segmentRank ? ` (#${card.segmentRank})` : ''}${segmentExplanation(card, segmentName, locale)}`;
  return {
    ok: true,
    ephemeral: true,
    // The embed's title names the customer and its Segment field the segment: a content line would only repeat them.
    text: '',
    embeds: [
      {
        title: w.title(escapeMarkdown(card.customerId)),
        fields: [
          { name: w.recency, value: w.ago(days(card.recencyDays)), inline: true },
          { name: w.frequency, value: formatCount(card.frequency, locale), inline: true },
          { name: w.monetary, value: formatAmount(card.monetary, locale, currency), inline: true },
          { name: w.aov, value: formatAmount(card.averageOrderValue, locale, currency), inline: true },
          { name: w.returns, value: formatPercent(card.returnRate, locale), inline: true },
          { name: w.since, value: w.tenure(card.firstPurchase.slice(0, 10), days(card.tenureDays)), inline: true },
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

/**
 * Under the segment's name, the explanation of its cluster. Its figures are the typical member's against every
 * customer's, not this customer's, so they are labelled as the segment's; the "Returned everything" explanation
 * describes this customer and needs no label.
 */
function segmentExplanation(card: CustomerCard, segmentName: string, locale: Locale): string {
  if (card.explanation === null) return '';
  const label = card.segment === RETURNED_EVERYTHING ? '' : `${words[locale].typical(segmentName)}: `;
  return `\n${label}_${card.explanation[locale]}_`;
}
