import { GONE_SINCE, NEW_SINCE, UNSEGMENTED, type SegmentChange } from '../../insights/migration.js';
import type { NamedMovement } from '../../insights/named-movements.js';
import { escapeMarkdown, formatAmount, formatCount, formatCounted, formatPercent, type Noun } from '../format.js';
import type { Locale, Reply, ReplyEmbed, ReplyField, ReplyFile } from '../reply.js';
import { shownSegmentName } from '../segments/segment-names.js';
import type { ComparedRun, RunComparison } from '../segments/compare-runs.js';
import { continuityLine } from './segments-reply.js';

/** Named movements listed in the reply: the digest shows three, a comparison asked for on purpose a few more. */
const SHOWN_MOVEMENTS = 6;
/** Discord allows 1,024 characters per field value and 25 fields per embed. */
const FIELD_LIMIT = 1024;
const FIELDS_AT_MOST = 24;

const words = {
  en: {
    title: (dataset: string, from: string, to: string) => `Segments of **${dataset}**: ${from} → ${to}`,
    embedTitle: (dataset: string) => `Segment changes · ${dataset}`,
    run: (id: number, asOf: string) => `run #${id} (as of ${asOf})`,
    customer: { one: 'customer', other: 'customers' } as Noun,
    stayed: (both: string, kept: string, share: string) => `${both} in both runs: ${kept} (${share}) kept their segment`,
    newGone: (added: string, gone: string) => `${added} new since the earlier run · ${gone} no longer in the data`,
    customers: 'customers',
    revenue: 'revenue',
    movements: 'Movements that matter',
    noMovements: "No customer moved out of Champions, Loyal Customers, Big Spenders or Can't Lose Them, or up into Champions or Loyal Customers.",
    movement: (from: string, to: string, customers: string, revenue: string) => `${from} → ${to}: ${customers}, ${revenue}`,
    newSegment: 'New customers',
    gone: 'No longer in the data',
    unsegmented: 'Not segmented',
    noChart: 'The flow chart is not drawn here (no chart renderer); `--json` has every move.',
  },
  id: {
    title: (dataset: string, from: string, to: string) => `Segmen **${dataset}**: ${from} → ${to}`,
    embedTitle: (dataset: string) => `Perubahan segmen · ${dataset}`,
    run: (id: number, asOf: string) => `run #${id} (per ${asOf})`,
    customer: { other: 'pelanggan' } as Noun,
    stayed: (both: string, kept: string, share: string) => `${both} ada di kedua run: ${kept} (${share}) tetap di segmennya`,
    newGone: (added: string, gone: string) => `${added} baru sejak run sebelumnya · ${gone} tidak ada lagi di data`,
    customers: 'pelanggan',
    revenue: 'pendapatan',
    movements: 'Perpindahan penting',
    noMovements: "Tidak ada pelanggan yang keluar dari Champions, Loyal Customers, Big Spenders atau Can't Lose Them, atau naik ke Champions atau Loyal Customers.",
    movement: (from: string, to: string, customers: string, revenue: string) => `${from} → ${to}: ${customers}, ${revenue}`,
    newSegment: 'Pelanggan baru',
    gone: 'Tidak ada lagi di data',
    unsegmented: 'Tanpa segmen',
    noChart: 'Diagram alur tidak digambar di sini (tidak ada perender grafik); `--json` memuat semua perpindahan.',
  },
} as const;

const clip = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);
const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * A comparison of two runs for people: who kept their segment, who is new or gone, each segment's customers and
 * revenue before and after, and the movements that matter; with the migration chart as the embed's image when one
 * was drawn. `--json` prints `{ from, to, segments, moves }` as documented for `segmenta compare`.
 */
export function compareReply(comparison: RunComparison, locale: Locale, charts: readonly ReplyFile[] = [], currency?: string | null): Reply {
  const w = words[locale];
  const { migration, from, to } = comparison;
  const counted = (value: number) => formatCounted(value, w.customer, locale);
  const money = (value: number) => formatAmount(value, locale, currency ?? comparison.dataset.currency);
  const segmentName = (name: string) =>
    name === NEW_SINCE ? w.newSegment : name === GONE_SINCE ? w.gone : name === UNSEGMENTED ? w.unsegmented : escapeMarkdown(shownSegmentName(name, locale));

  const stayed = migration.moves.filter((move) => move.from === move.to).reduce((sum, move) => sum + move.customers, 0);
  const inBoth = migration.moves.filter((move) => move.from !== NEW_SINCE && move.to !== GONE_SINCE).reduce((sum, move) => sum + move.customers, 0);
  const added = migration.moves.filter((move) => move.from === NEW_SINCE).reduce((sum, move) => sum + move.customers, 0);
  const gone = migration.moves.filter((move) => move.to === GONE_SINCE).reduce((sum, move) => sum + move.customers, 0);
  const summary = [
    w.title(escapeMarkdown(comparison.dataset.name), runName(from, locale), runName(to, locale)),
    ...(comparison.continuity && to.k !== null ? [continuityLine(comparison.continuity, to.k, locale)] : []),
    w.stayed(counted(inBoth), formatCount(stayed, locale), formatPercent(inBoth === 0 ? 0 : stayed / inBoth, locale)),
    w.newGone(counted(added), counted(gone)),
    ...(charts.length === 0 ? [w.noChart] : []),
  ];

  const segmentFields: ReplyField[] = migration.segments.map((segment) => ({
    name: clip(segmentName(segment.name), 256),
    value: segmentLine(segment, locale, w, money),
    inline: true,
  }));
  const movementField: ReplyField = {
    name: w.movements,
    value: clip(
      comparison.movements.length === 0
        ? w.noMovements
        : comparison.movements
            .slice(0, SHOWN_MOVEMENTS)
            .map((movement) => movementLine(movement, w, segmentName, counted, money))
            .join('\n'),
      FIELD_LIMIT,
    ),
  };
  const embed: ReplyEmbed = {
    title: clip(w.embedTitle(escapeMarkdown(comparison.dataset.name)), 256),
    fields: [...segmentFields.slice(0, FIELDS_AT_MOST), movementField],
    ...(charts[0] ? { image: charts[0].name } : {}),
  };
  return {
    ok: true,
    text: summary.join('\n'),
    embeds: [embed],
    ...(charts.length ? { files: [...charts] } : {}),
    data: {
      from: { id: from.id, asOf: from.asOf, k: from.k },
      to: { id: to.id, asOf: to.asOf, k: to.k },
      segments: migration.segments.map((segment) => ({
        name: segment.name,
        before: { customers: segment.before.customers, revenue: cents(segment.before.revenue) },
        after: { customers: segment.after.customers, revenue: cents(segment.after.revenue) },
      })),
      moves: migration.moves.map((move) => ({ from: move.from, to: move.to, customers: move.customers, revenue: cents(move.revenue) })),
    },
  };
}

function runName(run: ComparedRun, locale: Locale): string {
  return words[locale].run(run.id, run.asOf?.slice(0, 10) ?? '–');
}

/** "712 → 698 customers (−14)\nrevenue 1,200.00 → 1,350.00 (+150.00)" */
function segmentLine(segment: SegmentChange, locale: Locale, w: (typeof words)[Locale], money: (value: number) => string): string {
  const signed = (difference: string, value: number) => (value > 0 ? `+${difference}` : value < 0 ? `−${difference.replace(/^-/, '')}` : '±0');
  const customers = segment.after.customers - segment.before.customers;
  const revenue = segment.after.revenue - segment.before.revenue;
  return [
    `${formatCount(segment.before.customers, locale)} → ${formatCount(segment.after.customers, locale)} ${w.customers} ` +
      `(${signed(formatCount(Math.abs(customers), locale), customers)})`,
    `${w.revenue} ${money(segment.before.revenue)} → ${money(segment.after.revenue)} (${signed(money(Math.abs(revenue)), revenue)})`,
  ].join('\n');
}

function movementLine(
  movement: NamedMovement,
  w: (typeof words)[Locale],
  segmentName: (name: string) => string,
  counted: (value: number) => string,
  money: (value: number) => string,
): string {
  const arrow = movement.kind === 'downgrade' ? '🔻' : '🔺';
  return `${arrow} ${w.movement(segmentName(movement.from), segmentName(movement.to), counted(movement.customers), money(movement.revenue))}`;
}
