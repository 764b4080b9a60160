import type { ChartConfiguration } from 'chart.js';
import { formatCounted, numberLocale, pickLabels, type ChartLocale, type CountedNoun, type LabelOptions } from './labels.js';
import { segmentColor, withAlpha } from './palette.js';
import { axisTicks, axisTitle, categoryTicks, GRID, LAYOUT, legendPlugin, titlePlugins } from './theme.js';
import type { SegmentSizesData } from './types.js';

export interface SegmentSizesLabels {
  title: string;
  subtitle: string;
  shareAxis: string;
  customersShare: string;
  revenueShare: string;
  /** Follows the count under each segment name: "412 customers". */
  customersUnit: CountedNoun;
}

const LABELS: Record<ChartLocale, SegmentSizesLabels> = {
  en: {
    title: 'Segment sizes',
    subtitle: 'Light bar: share of customers  ·  solid bar: share of revenue',
    shareAxis: 'Share of all customers / all revenue (%)',
    customersShare: 'Share of customers',
    revenueShare: 'Share of revenue',
    customersUnit: { one: 'customer', other: 'customers' },
  },
  id: {
    title: 'Ukuran segmen',
    subtitle: 'Batang muda: porsi pelanggan  ·  batang pekat: porsi pendapatan',
    shareAxis: 'Porsi dari semua pelanggan / pendapatan (%)',
    customersShare: 'Porsi pelanggan',
    revenueShare: 'Porsi pendapatan',
    customersUnit: { other: 'pelanggan' },
  },
};

export type SegmentSizesChart = ChartConfiguration<'bar', number[], string[]>;

/**
 * Horizontal bars per segment: its share of customers (light) beside its share of revenue (solid),
 * so segments that earn more than their headcount stand out. Each row is labelled with the segment
 * name and its customer count. Segments keep the caller's order. O(segments).
 */
export function buildSegmentSizesChart(
  data: SegmentSizesData,
  options: LabelOptions<SegmentSizesLabels> = {},
): SegmentSizesChart {
  const labels = pickLabels(LABELS, options);
  const totalCustomers = sum(data.segments.map((segment) => segment.customers));
  const totalRevenue = sum(data.segments.map((segment) => segment.revenue));
  const colors = data.segments.map((segment) => segmentColor(segment.name));

  return {
    type: 'bar',
    data: {
      labels: data.segments.map((segment) => [
        segment.name,
        formatCounted(segment.customers, labels.customersUnit, options.locale),
      ]),
      datasets: [
        {
          label: labels.customersShare,
          data: data.segments.map((segment) => percentOf(segment.customers, totalCustomers)),
          backgroundColor: colors.map((color) => withAlpha(color, 0.3)),
          borderColor: colors,
          borderWidth: 1.5,
        },
        {
          label: labels.revenueShare,
          data: data.segments.map((segment) => percentOf(segment.revenue, totalRevenue)),
          backgroundColor: colors,
          borderColor: colors,
          borderWidth: 1.5,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      locale: numberLocale(options.locale),
      layout: LAYOUT,
      datasets: { bar: { categoryPercentage: 0.78, barPercentage: 0.92 } },
      plugins: {
        ...titlePlugins(labels.title, labels.subtitle),
        // Bars are coloured per segment, so a legend swatch could only show one segment's colour.
        legend: legendPlugin(false),
      },
      scales: {
        x: {
          beginAtZero: true,
          title: axisTitle(labels.shareAxis),
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

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Percentage rounded to one decimal; 0 when the total is 0. */
function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((1000 * part) / total) / 10;
}
