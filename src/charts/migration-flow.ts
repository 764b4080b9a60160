import type { ChartConfiguration } from 'chart.js';
import type { SankeyDataPoint, SankeyLabelPosition } from 'chartjs-chart-sankey';
import { GONE_SINCE, NEW_SINCE, UNSEGMENTED, type RunMigration } from '../insights/migration.js';
import { formatDay } from './day-label.js';
import { formatCount, numberLocale, pickLabels, type ChartLocale, type LabelOptions } from './labels.js';
import { segmentColor } from './palette.js';
import { LAYOUT, TEXT_COLOR, titlePlugins } from './theme.js';

export interface MigrationFlowLabels {
  title: string;
  /** Says which side is which; `{before}` and `{after}` are replaced by the runs' names. */
  subtitle: string;
  previousRun: string;
  thisRun: string;
  /** A run named by its as-of day, `{day}` replaced by e.g. "1 Dec 2011". */
  runOf: string;
  newCustomers: string;
  gone: string;
  unsegmented: string;
}

const LABELS: Record<ChartLocale, MigrationFlowLabels> = {
  en: {
    title: 'How customers moved between segments',
    subtitle: 'Left: {before}  →  right: {after}  ·  band width and numbers: customers',
    previousRun: 'previous run',
    thisRun: 'this run',
    runOf: 'run of {day}',
    newCustomers: 'New customers',
    gone: 'Gone from the data',
    unsegmented: 'Not segmented',
  },
  id: {
    title: 'Perpindahan pelanggan antarsegmen',
    subtitle: 'Kiri: {before}  →  kanan: {after}  ·  lebar pita dan angka: pelanggan',
    previousRun: 'run sebelumnya',
    thisRun: 'run ini',
    runOf: 'run per {day}',
    newCustomers: 'Pelanggan baru',
    gone: 'Keluar dari data',
    unsegmented: 'Tanpa segmen',
  },
};

export interface MigrationFlowOptions extends LabelOptions<MigrationFlowLabels> {
  /** The runs' as-of days (`YYYY-MM-DD`), to name them in the subtitle; "previous run" and "this run" otherwise. */
  asOf?: { before: string; after: string };
}

/**
 * A flow of the sankey chart, with what the renderer needs to draw it that Chart.js options cannot carry as plain
 * data: the sankey plugin reads colours per flow only from callbacks, which a config posted to the chart worker
 * cannot hold. The local renderer reads these fields back (see `sankey-local.ts`).
 */
export interface MigrationFlowPoint extends SankeyDataPoint {
  fromColor: string;
  toColor: string;
  /** Whether the band is thick enough to carry its count. */
  showCount: boolean;
}

export type MigrationFlowChart = ChartConfiguration<'sankey', MigrationFlowPoint[]>;

/** Node keys: a segment appears once per side, and the plugin needs one key per node. */
export const BEFORE_KEY = 'before:';
export const AFTER_KEY = 'after:';

/** Neutral greys for the pseudo-segments, lighter for arrivals than for departures; no segment uses them. */
const NEW_COLOR = '#B8C2CC';
const GONE_COLOR = '#616E7C';

/** Room for node labels beside each column, in column widths: a quarter of the image on each side. */
const COLUMN_INSET = 0.45;

/** Characters of 14 px bold text that fit beside a column: some 8 px each in the 230 px from column to edge. */
const LABEL_LINE_CHARS = 27;

/** Pixel height of the chart area the layout is planned for (1000 × 560 images, title and subtitle above). */
const PLANNED_PLOT_HEIGHT = 440;
/** A count is written on a band at least this many pixels thick (its font is 14 px, its box a little taller and see-through). */
const MIN_LABELLED_BAND_PX = 15;

/**
 * A sankey diagram of a run migration: the previous run's segments on the left, the new run's on the right, one
 * band per (from, to) pair as wide as its customers, coloured from the old segment's colour to the new one's.
 * "(new)" customers enter from a grey node on the left, "(gone)" ones leave to a dark grey node on the right. Each
 * node is labelled with its segment and customer count; bands thick enough to hold a number show their count.
 * Segments are ordered by spend per customer, most first, with the pseudo-segments last. O(moves + segments log segments).
 */
export function buildMigrationFlowChart(migration: RunMigration, options: MigrationFlowOptions = {}): MigrationFlowChart {
  const labels = pickLabels(LABELS, options);
  const moves = migration.moves.filter((move) => move.customers > 0);
  const total = Math.max(sideTotal(moves, 'from'), sideTotal(moves, 'to'), 1);
  const order = new Map(valueOrder(migration).map((segment, index) => [segment.name, index]));
  const rank = (name: string) => (name === NEW_SINCE || name === GONE_SINCE ? order.size + 1 : (order.get(name) ?? order.size));
  const colorOf = (name: string) => (name === NEW_SINCE ? NEW_COLOR : name === GONE_SINCE ? GONE_COLOR : segmentColor(name));
  const nameOf = (name: string) =>
    name === NEW_SINCE ? labels.newCustomers : name === GONE_SINCE ? labels.gone : name === UNSEGMENTED ? labels.unsegmented : name;

  const nodeLabels: Record<string, string> = {};
  const priority: Record<string, number> = {};
  const column: Record<string, number> = {};
  const position: Record<string, SankeyLabelPosition> = {};
  const addNode = (key: string, name: string, customers: number, side: 0 | 1) => {
    nodeLabels[key] = nodeLabel(nameOf(name), formatCount(customers, options.locale));
    priority[key] = rank(name);
    column[key] = side;
    // Names sit outside the diagram, so they never cover a band.
    position[key] = side === 0 ? 'left' : 'right';
  };
  for (const [name, customers] of sideTotals(moves, 'from')) addNode(BEFORE_KEY + name, name, customers, 0);
  for (const [name, customers] of sideTotals(moves, 'to')) addNode(AFTER_KEY + name, name, customers, 1);

  const runOf = (day: string) => labels.runOf.replace('{day}', formatDay(day, options.locale, true));
  const runs = options.asOf ? { before: runOf(options.asOf.before), after: runOf(options.asOf.after) } : { before: labels.previousRun, after: labels.thisRun };
  return {
    type: 'sankey',
    data: {
      datasets: [
        {
          label: labels.title,
          data: [...moves]
            .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to))
            .map((move) => ({
              from: BEFORE_KEY + move.from,
              to: AFTER_KEY + move.to,
              flow: move.customers,
              fromColor: colorOf(move.from),
              toColor: colorOf(move.to),
              showCount: (move.customers / total) * PLANNED_PLOT_HEIGHT >= MIN_LABELLED_BAND_PX,
            })),
          labels: nodeLabels,
          priority,
          column,
          colorMode: 'gradient',
          alpha: 0.55,
          nodeWidth: 14,
          // The plugin scales the gap between nodes down with the chart area (to about 60% here): 24 leaves some 14 px,
          // which with nodes at least 8 px tall keeps the centres of two one-line labels 22 px apart, however few
          // customers a segment has.
          nodeMinSize: 8,
          nodePadding: 24,
          borderWidth: 0,
          nodeLabels: { position, padding: 6, color: TEXT_COLOR, font: { size: 14, weight: 'bold' } },
          flowLabels: { color: TEXT_COLOR, font: { size: 14, weight: 'bold' }, backgroundColor: 'rgba(255, 255, 255, 0.8)', borderRadius: 3, padding: 2 },
          parsing: { from: 'from', to: 'to', flow: 'flow' },
        },
      ],
    },
    options: {
      locale: numberLocale(options.locale),
      layout: LAYOUT,
      // Columns at 0 and 1 on an axis running wider, leaving room beside them for "Segment name  1,234" labels;
      // padding the layout instead would narrow the title too.
      scales: { x: { min: -COLUMN_INSET, max: 1 + COLUMN_INSET } },
      plugins: {
        ...titlePlugins(labels.title, labels.subtitle.replace('{before}', runs.before).replace('{after}', runs.after)),
        legend: { display: false },
      },
    },
  };
}

/**
 * Segments by spend per customer, most first (in this run, else in the previous one): the valuable segments sit on
 * top, so an upgrade is a band going up and a downgrade one going down.
 */
function valueOrder(migration: RunMigration): RunMigration['segments'] {
  const perCustomer = ({ before, after }: RunMigration['segments'][number]) =>
    after.customers > 0 ? after.revenue / after.customers : before.customers > 0 ? before.revenue / before.customers : 0;
  return [...migration.segments].sort((a, b) => perCustomer(b) - perCustomer(a));
}

/**
 * "Segment  1,234" on one line when it fits beside the column, else the name wrapped at spaces over as many lines as
 * it takes (the plugin breaks labels at "\n"), the count after the last; a word too long for a line is cut with "…".
 */
export function nodeLabel(name: string, count: string): string {
  const oneLine = `${name}  ${count}`;
  if (oneLine.length <= LABEL_LINE_CHARS) return oneLine;
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const fitted = word.length > LABEL_LINE_CHARS ? `${word.slice(0, LABEL_LINE_CHARS - 1)}…` : word;
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + fitted.length <= LABEL_LINE_CHARS) lines[lines.length - 1] = `${last} ${fitted}`;
    else lines.push(fitted);
  }
  const last = lines.at(-1) ?? '';
  if (last.length + 2 + count.length <= LABEL_LINE_CHARS) lines[Math.max(lines.length - 1, 0)] = last ? `${last}  ${count}` : count;
  else lines.push(count);
  return lines.join('\n');
}

function sideTotals(moves: RunMigration['moves'], side: 'from' | 'to'): Map<string, number> {
  const totals = new Map<string, number>();
  for (const move of moves) totals.set(move[side], (totals.get(move[side]) ?? 0) + move.customers);
  return totals;
}

function sideTotal(moves: RunMigration['moves'], side: 'from' | 'to'): number {
  let total = 0;
  for (const customers of sideTotals(moves, side).values()) total += customers;
  return total;
}
