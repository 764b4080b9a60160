import type { WeeklyAction } from '../../insights/actions-of-the-week.js';
import type { SegmentChange } from '../../insights/migration.js';
import { escapeMarkdown, formatAmount, formatCount, formatCounted, formatPercent, formatSignedCount } from '../format.js';
import { isoWallClock } from '../import/import-report.js';
import { actionLines } from '../replies/action-lines.js';
import type { Locale, Reply, ReplyEmbed, ReplyField, ReplyFile } from '../reply.js';
import { shownSegmentName } from '../segments/segment-names.js';
import type { Digest } from './digest-data.js';
import { arrowOf, changeOf, DIGEST_WORDS, formatCompactAmount, formatDay } from './digest-words.js';

/** The chart files a digest carries, by what they show. */
export const DIGEST_CHART_FILES = { migration: 'migration-flow.png', weeklyRevenue: 'weekly-revenue.png' } as const;

/** Discord's limits on one message's embeds (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DIGEST_LIMITS = { embeds: 10, files: 10, total: 6000, title: 256, description: 4096, fieldName: 256, fieldValue: 1024, content: 2000 } as const;

/** Section colours: the digest's own blue, then the palette's colours of what each section is about. */
const COLORS = { digest: 0x0072b2, moves: 0x56b4e9, atRisk: 0xd55e00, weekly: 0x009e73, actions: 0xe69f00 } as const;

/** A user's text inside a code span (an id to copy), or escaped when it holds a backtick. */
const code = (text: string) => (text.includes('`') ? escapeMarkdown(text) : `\`${text}\``);

/**
 * The weekly digest as one channel message: a summary line, five embeds at most (data and segments, who moved,
 * customers slipping away, revenue per week, the week's actions) with the charts as their images, and the `--json`
 * shape as data. Built within Discord's limits of 10 embeds and 6,000 characters (see fitWithin), so no section is
 * dropped by the transport. `charts` holds the rendered PNGs (none without a renderer). `dataset` is set when the
 * digest was asked for a named dataset, so the command hints name it too.
 */
export function digestReply(digest: Digest, locale: Locale, charts: readonly ReplyFile[], dataset?: string): Reply {
  const w = DIGEST_WORDS[locale];
  const name = (label: string) => `**${escapeMarkdown(shownSegmentName(label, locale))}**`;
  const customers = (count: number) => formatCounted(count, w.customer, locale);
  const money = (value: number) => formatCompactAmount(value, locale, digest.currency);
  const asOf = digest.run.asOf === null ? '–' : formatDay(digest.run.asOf, locale);
  const datasetHint = dataset === undefined ? '' : ` dataset:${dataset}`;
  const chart = (file: string) => (charts.some((c) => c.name === file) ? { image: file } : {});

  const overview: ReplyEmbed = {
    title: clip(w.title(escapeMarkdown(digest.dataset)), DIGEST_LIMITS.title),
    description: headerLines(digest, locale).join('\n'),
    fields: [{ name: digest.previous ? w.segmentsField : w.segmentsFieldAlone, value: digest.segments.filter((s) => s.after.customers > 0 || digest.previous).map((s) => segmentLine(s, digest, locale)).join('\n') || '–' }],
    color: COLORS.digest,
  };
  const embeds: ReplyEmbed[] = [overview];
  if (digest.previous) {
    const movements = digest.movements.map((m) =>
      (m.kind === 'downgrade' ? w.downgrade : w.upgrade)(customers(m.customers), name(m.from), name(m.to), money(m.revenue)),
    );
    const fresh = digest.newCustomers!;
    const where = fresh.segments.map((s) => w.newIn(formatCount(s.customers, locale), name(s.segment))).join(', ');
    embeds.push({
      title: w.moveTitle,
      description: (movements.length ? movements : [w.movementsNone]).join('\n'),
      fields: [
        {
          name: w.newField,
          value: [fresh.customers ? w.newLine(customers(fresh.customers), money(fresh.revenue), where) : w.newNone, ...(digest.goneCustomers ? [w.gone(customers(digest.goneCustomers))] : [])].join('\n'),
        },
      ],
      ...chart(DIGEST_CHART_FILES.migration),
      color: COLORS.moves,
    });
    embeds.push({
      title: w.atRiskTitle,
      description: [
        w.atRiskIntro(`\`/segment customer id:<id>${datasetHint}\``),
        ...(digest.atRisk.length
          ? digest.atRisk.map((c) => w.atRiskLine(code(c.customerId), formatDay(c.lastPurchase, locale), money(c.monetary), name(c.from), name(c.to)))
          : [w.atRiskNone]),
      ].join('\n'),
      color: COLORS.atRisk,
    });
  }
  embeds.push({ title: w.weeklyTitle, description: weeklyLines(digest, locale).join('\n'), ...chart(DIGEST_CHART_FILES.weeklyRevenue), color: COLORS.weekly });
  embeds.push({
    title: w.actionsTitle,
    ...(digest.actions.length ? { fields: digest.actions.map((action, i) => actionField(action, i + 1, digest, locale, datasetHint)) } : { description: w.actionsNone }),
    color: COLORS.actions,
  });
  return {
    ok: true,
    text: clip(w.text(escapeMarkdown(digest.dataset), asOf), DIGEST_LIMITS.content),
    embeds: fitWithin(embeds.map(clipEmbed), DIGEST_LIMITS.total),
    ...(charts.length ? { files: [...charts] } : {}),
    data: digestJson(digest, locale, charts),
  };
}

/** Data freshness, what is compared, and anything the team should know before reading on. */
function headerLines(digest: Digest, locale: Locale): string[] {
  const w = DIGEST_WORDS[locale];
  const upload = digest.lastUpload;
  const lines: string[] = [];
  if (upload) {
    const when = formatDay(Date.parse(upload.uploadedAt), locale);
    const range = upload.firstSale !== null && upload.lastSale !== null ? w.uploadRange(formatDay(upload.firstSale, locale), formatDay(upload.lastSale, locale)) : w.uploadNothingNew;
    lines.push(`${w.lastUpload(escapeMarkdown(upload.fileName), when, formatCounted(upload.rowsImported, w.newRow, locale), upload.mode)} ${range}`);
  } else {
    lines.push(w.noUpload);
  }
  if (upload === null || upload.stale) lines.push(w.stale(upload?.daysSinceUpload == null ? '–' : formatCounted(upload.daysSinceUpload, w.day, locale)));
  if (digest.skippedPeriods.length) lines.push(w.skipped(digest.skippedPeriods.map(escapeMarkdown).join(', ')));
  if (digest.previous === null) lines.push(w.firstRun);
  else {
    lines.push(w.comparedWith(digest.previous.asOf === null ? '–' : formatDay(digest.previous.asOf, locale)));
    const { k: before } = digest.previous;
    const { k: after } = digest.run;
    const why = digest.kDecision === 'kept' ? null : digest.kDecision;
    if (before !== null && after !== null && before !== after) lines.push(w.kChanged(String(before), String(after), why));
  }
  return lines;
}

/** "**Champions** · 712 customers ▲ +18 · £5.4M ▲ +£92K", or without the changes when there is no previous run. */
function segmentLine(segment: SegmentChange, digest: Digest, locale: Locale): string {
  const w = DIGEST_WORDS[locale];
  const label = `**${escapeMarkdown(shownSegmentName(segment.name, locale))}**`;
  const customers = formatCounted(segment.after.customers, w.customer, locale);
  const revenue = formatCompactAmount(segment.after.revenue, locale, digest.currency);
  if (!digest.previous) return `${label} · ${customers} · ${revenue}`;
  const customerChange = segment.after.customers - segment.before.customers;
  // Cents of drift (a refund re-read) are no change a reader should see.
  const revenueChange = Math.abs(segment.after.revenue - segment.before.revenue) < 0.005 ? 0 : segment.after.revenue - segment.before.revenue;
  return [
    label,
    `${customers} ${changeOf(customerChange, formatSignedCount(customerChange, locale))}`,
    `${revenue} ${changeOf(revenueChange, formatCompactAmount(revenueChange, locale, digest.currency, true))}`,
  ].join(' · ');
}

/** The last week of data against the average week shown, and what the figures count. */
function weeklyLines(digest: Digest, locale: Locale): string[] {
  const w = DIGEST_WORDS[locale];
  const weeks = digest.weeklyRevenue;
  const last = weeks.at(-1);
  if (!last) return [w.weeklyNone];
  const average = weeks.reduce((sum, week) => sum + week.revenue, 0) / weeks.length;
  const change = average === 0 ? 0 : last.revenue / average - 1;
  const comparison = weeks.length > 1 && average !== 0 ? w.weeklyAverage(arrowOf(change), formatPercent(Math.abs(change), locale), formatAmount(average, locale, digest.currency)) : '';
  return [w.weeklyLine(formatDay(Date.parse(`${last.weekStart}T00:00:00Z`), locale), formatAmount(last.revenue, locale, digest.currency), comparison), w.weeklyScope(digest.convention)];
}

/** One of the week's actions: the segment, why, the playbook's action and how to export the customers. */
function actionField(action: WeeklyAction, rank: number, digest: Digest, locale: Locale, datasetHint: string): ReplyField {
  const w = DIGEST_WORDS[locale];
  const revenue = formatCompactAmount(action.revenue, locale, digest.currency);
  const segment = escapeMarkdown(shownSegmentName(action.segment, locale));
  return {
    name: w.actionName(rank, segment, formatCounted(action.customers, w.customer, locale)),
    value: [
      w.reason[action.reason](revenue, formatCounted(action.movedDown, w.customer, locale)),
      `**${actionLines([action.action], locale)[0]!}**`,
      // The label as `/segment list` finds it: the English one, which it also takes for the returned-everything group.
      w.exportHint(`\`/segment list name:${action.segment}${datasetHint}\``),
    ].join('\n'),
  };
}

/** The `--json` shape: dates as ISO days, the runs' as-of moments as ISO wall-clock times. */
function digestJson(digest: Digest, locale: Locale, charts: readonly ReplyFile[]) {
  const day = (epochMs: number | null) => (epochMs === null ? null : isoWallClock(epochMs).slice(0, 10));
  // Sums of floats: 114856.66000000002 is 114,856.66 to anyone reading the JSON.
  const cents = (value: number) => Math.round(value * 100) / 100;
  const totals = (t: { customers: number; revenue: number }) => ({ customers: t.customers, revenue: cents(t.revenue) });
  return {
    dataset: digest.dataset,
    asOf: digest.run.asOf === null ? null : isoWallClock(digest.run.asOf),
    previousAsOf: digest.previous?.asOf == null ? null : isoWallClock(digest.previous.asOf),
    k: { before: digest.previous?.k ?? null, after: digest.run.k },
    lastUpload: digest.lastUpload && { ...digest.lastUpload, firstSale: day(digest.lastUpload.firstSale), lastSale: day(digest.lastUpload.lastSale) },
    segments: digest.segments.map((s) => ({ name: s.name, before: digest.previous ? totals(s.before) : null, after: totals(s.after) })),
    moves: digest.moves.map((m) => ({ ...m, revenue: cents(m.revenue) })),
    movements: digest.movements.map((m) => ({ ...m, revenue: cents(m.revenue) })),
    atRisk: digest.atRisk.map((c) => ({ customerId: c.customerId, from: c.from, to: c.to, lastPurchase: day(c.lastPurchase), spend: c.monetary })),
    newCustomers: digest.newCustomers && { ...totals(digest.newCustomers), segments: digest.newCustomers.segments.map((s) => ({ ...s, revenue: cents(s.revenue) })) },
    goneCustomers: digest.goneCustomers,
    weeklyRevenue: digest.weeklyRevenue,
    actions: digest.actions.map((a) => ({
      segment: a.segment,
      customers: a.customers,
      movedDown: a.movedDown,
      revenue: cents(a.revenue),
      reason: a.reason,
      channel: a.action.channel,
      timing: a.action.timing[locale],
      action: a.action.action[locale],
      export: `/segment list name:${a.segment}`,
    })),
    skippedPeriods: digest.skippedPeriods,
    files: charts.map((c) => c.name),
  };
}

/** Cuts text to `limit` characters at a line break when there is one in the last fifth, marking the cut with "…". */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const room = text.slice(0, limit - 1);
  const lineBreak = room.lastIndexOf('\n');
  return `${lineBreak > limit * 0.8 ? room.slice(0, lineBreak) : room}…`;
}

function clipEmbed(embed: ReplyEmbed): ReplyEmbed {
  return {
    ...embed,
    ...(embed.title ? { title: clip(embed.title, DIGEST_LIMITS.title) } : {}),
    ...(embed.description ? { description: clip(embed.description, DIGEST_LIMITS.description) } : {}),
    ...(embed.fields ? { fields: embed.fields.map((f) => ({ ...f, name: clip(f.name, DIGEST_LIMITS.fieldName), value: clip(f.value, DIGEST_LIMITS.fieldValue) })) } : {}),
  };
}

/** Characters Discord counts towards a message's 6,000: titles, descriptions, field names and values, footers. */
export function embedCharacters(embeds: readonly ReplyEmbed[]): number {
  return embeds.reduce(
    (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.length ?? 0) + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

/**
 * Shortens the longest texts until the embeds fit `limit` characters. Customer ids, file and dataset names are the
 * members' own and can be long; the transport would otherwise drop whole sections. Each pass cuts the longest
 * description or field value by what is over (never below 100 characters).
 */
function fitWithin(embeds: ReplyEmbed[], limit: number): ReplyEmbed[] {
  const fitted = embeds.map((e) => ({ ...e, ...(e.fields ? { fields: e.fields.map((f) => ({ ...f })) } : {}) }));
  for (let over = embedCharacters(fitted) - limit; over > 0; over = embedCharacters(fitted) - limit) {
    const texts = fitted.flatMap((e) => [
      ...(e.description ? [{ length: e.description.length, cut: (to: number) => (e.description = clip(e.description!, to)) }] : []),
      ...(e.fields ?? []).map((f) => ({ length: f.value.length, cut: (to: number) => (f.value = clip(f.value, to)) })),
    ]);
    const longest = texts.sort((a, b) => b.length - a.length)[0];
    if (!longest || longest.length <= 100) break;
    longest.cut(Math.max(100, longest.length - over));
  }
  return fitted;
}
