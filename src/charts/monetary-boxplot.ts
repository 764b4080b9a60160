import type { ChartConfiguration } from 'chart.js';
import type {} from '@sgratzl/chartjs-chart-boxplot';
import { summariseBox, type BoxSummary } from './box-summary.js';
import { formatCounted, numberLocale, pickLabels, withCurrency, type ChartLocale, type CountedNoun, type LabelOptions } from './labels.js';
import { logAxisBounds, logSafe, spansOrdersOfMagnitude } from './log-scale.js';
import { segmentColor, withAlpha } from './palette.js';
import { axisTicks, axisTitle, categoryTicks, GRID, LAYOUT, legendPlugin, titlePlugins } from './theme.js';
import type { MonetaryBoxplotData, SegmentMonetary } from './types.js';

export interface MonetaryBoxplotLabels {
  title: string;
  subtitle: string;
  spendAxis: string;
  logScaleNote: string;
  /** Follows the count under each segment name: "412 customers". */
  customersUnit: CountedNoun;
}

const LABELS: Record<ChartLocale, MonetaryBoxplotLabels> = {
  en: {
    title: 'Spend per customer by segment',
    subtitle: 'Box: middle half of customers  ·  line: median  ·  dots: unusually low or high spenders',
    spendAxis: 'Total spend per customer',
    logScaleNote: 'log scale',
    customersUnit: { one: 'customer', other: 'customers' },
  },
  id: {
    title: 'Belanja per pelanggan menurut segmen',
    subtitle: 'Kotak: separuh pelanggan di tengah  ·  garis: median  ·  titik: belanja sangat rendah atau tinggi',
    spendAxis: 'Total belanja per pelanggan',
    logScaleNote: 'skala log',
    customersUnit: { other: 'pelanggan' },
  },
};

export interface MonetaryBoxplotOptions extends LabelOptions<MonetaryBoxplotLabels> {
  /** 'auto' (default) uses a log axis when spend spans two or more orders of magnitude. */
  scale?: 'auto' | 'linear' | 'log';
}

export type MonetaryBoxplotChart = ChartConfiguration<'boxplot', BoxSummary[], string[]>;

/**
 * One horizontal box per segment of customers' total spend. Raw values are summarised here (see
 * `summariseBox`), so the config stays small whatever the number of customers; precomputed
 * quartiles are drawn with whiskers from min to max. Segments without values are left out.
 * O(n log n).
 */
export function buildMonetaryBoxplotChart(
  data: MonetaryBoxplotData,
  options: MonetaryBoxplotOptions = {},
): MonetaryBoxplotChart {
  const labels = pickLabels(LABELS, options);
  const segments = data.segments.filter((segment) => !('values' in segment) || segment.values.length > 0);
  const scale = chooseScale(segments, options.scale ?? 'auto');
  const colors = segments.map((segment) => segmentColor(segment.name));
  const boxes = segments.map((segment) => summarise(segment, scale));
  const axisName = scale === 'log' ? `${labels.spendAxis} (${labels.logScaleNote})` : labels.spendAxis;

  return {
    type: 'boxplot',
    data: {
      labels: segments.map((segment) => tickLabel(segment, labels, options.locale)),
      datasets: [
        {
          label: labels.spendAxis,
          data: boxes,
          backgroundColor: colors.map((color) => withAlpha(color, 0.3)),
          borderColor: colors,
          borderWidth: 2,
          medianColor: colors,
          outlierBackgroundColor: colors.map((color) => withAlpha(color, 0.45)),
          outlierBorderColor: colors,
          outlierBorderWidth: 0,
          outlierRadius: 2.5,
          meanRadius: 0,
          itemRadius: 0,
          // Points on the axis bounds are drawn whole instead of cut in half.
          clip: 6,
          categoryPercentage: 0.9,
          barPercentage: 0.7,
        },
      ],
    },
    options: {
      // Horizontal, like the segment sizes chart: long segment names read on the left without rotating.
      indexAxis: 'y',
      locale: numberLocale(options.locale),
      layout: LAYOUT,
      plugins: {
        ...titlePlugins(labels.title, labels.subtitle),
        // Each box is named on the category axis; a legend would only repeat the axis title.
        legend: legendPlugin(false),
      },
      scales: {
        x: {
          type: scale === 'log' ? 'logarithmic' : 'linear',
          ...(scale === 'log' && boxes.length > 0 ? logAxisBounds(lowest(boxes), highest(boxes)) : {}),
          title: axisTitle(withCurrency(axisName, data.currency)),
          ticks: axisTicks(),
          grid: GRID,
        },
        y: {
          ticks: categoryTicks(),
          grid: { display: false },
        },
      },
    },
  };
}

function chooseScale(segments: readonly SegmentMonetary[], requested: 'auto' | 'linear' | 'log'): 'linear' | 'log' {
  if (requested !== 'auto') return requested;
  let min = Infinity;
  let max = -Infinity;
  for (const segment of segments) {
    const [low, high] = 'values' in segment ? positiveRange(segment.values) : [segment.quartiles.min, segment.quartiles.max];
    min = Math.min(min, low);
    max = Math.max(max, high);
  }
  return spansOrdersOfMagnitude(min, max) ? 'log' : 'linear';
}

/** Smallest positive and largest value; a log axis places values ≤ 0 at its floor anyway. */
function positiveRange(values: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value > 0 && value < min) min = value;
    if (value > max) max = value;
  }
  return [min, max];
}

function summarise(segment: SegmentMonetary, scale: 'linear' | 'log'): BoxSummary {
  if ('values' in segment) return summariseBox(segment.values, scale);
  const place = scale === 'log' ? logSafe : (value: number) => value;
  const { min, q1, median, q3, max } = segment.quartiles;
  return {
    min: place(min),
    q1: place(q1),
    median: place(median),
    q3: place(q3),
    max: place(max),
    whiskerMin: place(min),
    whiskerMax: place(max),
    outliers: [],
  };
}

function lowest(boxes: readonly BoxSummary[]): number {
  return Math.min(...boxes.map((box) => box.min));
}

function highest(boxes: readonly BoxSummary[]): number {
  return Math.max(...boxes.map((box) => box.max));
}

/** Segment name, then its customer count when known. */
function tickLabel(segment: SegmentMonetary, labels: MonetaryBoxplotLabels, locale: ChartLocale | undefined): string[] {
  const customers = 'values' in segment ? segment.values.length : segment.customers;
  return customers === undefined
    ? [segment.name]
    : [segment.name, formatCounted(customers, labels.customersUnit, locale)];
}
