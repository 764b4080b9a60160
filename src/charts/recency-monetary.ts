import type { ChartConfiguration } from 'chart.js';
import { formatCount, numberLocale, pickLabels, withCurrency, type ChartLocale, type LabelOptions } from './labels.js';
import { logAxisBounds, logSafe } from './log-scale.js';
import { segmentColor, withAlpha } from './palette.js';
import { MAX_SCATTER_POINTS, sampleBySegment } from './sample-by-segment.js';
import { axisTicks, axisTitle, GRID, LAYOUT, legendPlugin, titlePlugins } from './theme.js';
import type { CustomerPoint, RecencyMonetaryData } from './types.js';

export interface RecencyMonetaryLabels {
  title: string;
  recencyAxis: string;
  monetaryAxis: string;
  /** Subtitle when the chart shows a sample; `{shown}` and `{total}` are replaced by counts. */
  sampleNote: string;
}

const LABELS: Record<ChartLocale, RecencyMonetaryLabels> = {
  en: {
    title: 'Recency and spend per customer',
    recencyAxis: 'Days since last purchase (log scale)',
    monetaryAxis: 'Total spend (log scale)',
    sampleNote: 'A sample of {shown} of {total} customers, every segment included',
  },
  id: {
    title: 'Recency dan total belanja per pelanggan',
    recencyAxis: 'Hari sejak pembelian terakhir (skala log)',
    monetaryAxis: 'Total belanja (skala log)',
    sampleNote: 'Sampel {shown} dari {total} pelanggan, semua segmen terwakili',
  },
};

export interface RecencyMonetaryOptions extends LabelOptions<RecencyMonetaryLabels> {
  /** Most points drawn; larger inputs are sampled with `sampleBySegment`. */
  maxPoints?: number;
}

export type RecencyMonetaryChart = ChartConfiguration<'scatter', { x: number; y: number }[]>;

/**
 * Scatter of recency against spend, one colour per segment, both axes logarithmic because both
 * measures are heavily right-skewed. Smaller segments are drawn on top so they are not buried.
 * O(n).
 */
export function buildRecencyMonetaryChart(
  data: RecencyMonetaryData,
  options: RecencyMonetaryOptions = {},
): RecencyMonetaryChart {
  const labels = pickLabels(LABELS, options);
  const shown = sampleBySegment(data.customers, options.maxPoints ?? MAX_SCATTER_POINTS);
  const segments = groupBySegment(shown);
  const recencyRange = logAxisBounds(...extent(shown.map((customer) => customer.recencyDays)));
  const monetaryRange = logAxisBounds(...extent(shown.map((customer) => customer.monetary)));
  const drawOrderBySize = [...segments.keys()].sort(
    (a, b) => segments.get(a)!.length - segments.get(b)!.length,
  );

  return {
    type: 'scatter',
    data: {
      datasets: [...segments].map(([name, customers]) => ({
        label: name,
        data: customers.map((customer) => ({
          x: logSafe(customer.recencyDays),
          y: logSafe(customer.monetary),
        })),
        backgroundColor: withAlpha(segmentColor(name), 0.55),
        borderColor: segmentColor(name),
        borderWidth: 0,
        pointRadius: 3,
        // Points on the axis bounds are drawn whole instead of cut in half.
        clip: 6,
        // Chart.js draws lower `order` on top.
        order: drawOrderBySize.indexOf(name),
      })),
    },
    options: {
      locale: numberLocale(options.locale),
      layout: LAYOUT,
      plugins: {
        ...titlePlugins(labels.title, sampleNote(labels, shown.length, data.customers.length, options.locale)),
        legend: legendPlugin(true),
      },
      scales: {
        x: {
          type: 'logarithmic',
          ...recencyRange,
          title: axisTitle(labels.recencyAxis),
          ticks: axisTicks(),
          grid: GRID,
        },
        y: {
          type: 'logarithmic',
          ...monetaryRange,
          title: axisTitle(withCurrency(labels.monetaryAxis, data.currency)),
          ticks: axisTicks(),
          grid: GRID,
        },
      },
    },
  };
}

/** Smallest and largest value placed on a log axis; [1, 10] when there are none. */
function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [1, 10];
  return values.reduce<[number, number]>(
    ([min, max], value) => [Math.min(min, logSafe(value)), Math.max(max, logSafe(value))],
    [Infinity, -Infinity],
  );
}

/** Customers per segment, segments in order of first appearance. */
function groupBySegment(customers: readonly CustomerPoint[]): Map<string, CustomerPoint[]> {
  const bySegment = new Map<string, CustomerPoint[]>();
  for (const customer of customers) {
    const members = bySegment.get(customer.segment);
    if (members) members.push(customer);
    else bySegment.set(customer.segment, [customer]);
  }
  return bySegment;
}

function sampleNote(
  labels: RecencyMonetaryLabels,
  shown: number,
  total: number,
  locale: ChartLocale | undefined,
): string | undefined {
  if (shown === total) return undefined;
  return labels.sampleNote
    .replace('{shown}', formatCount(shown, locale))
    .replace('{total}', formatCount(total, locale));
}
