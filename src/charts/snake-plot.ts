import type { ChartConfiguration } from 'chart.js';
import { numberLocale, pickLabels, type ChartLocale, type LabelOptions } from './labels.js';
import { segmentColor } from './palette.js';
import { axisTicks, axisTitle, GRID, LAYOUT, legendPlugin, REFERENCE_LINE_COLOR, TEXT_COLOR, titlePlugins } from './theme.js';
import type { SnakePlotData } from './types.js';

export interface SnakePlotLabels {
  title: string;
  subtitle: string;
  recency: string;
  frequency: string;
  monetary: string;
  valueAxis: string;
  average: string;
}

const LABELS: Record<ChartLocale, SnakePlotLabels> = {
  en: {
    title: 'Segment profiles',
    subtitle: '0 is the average customer; for recency, lower means a more recent purchase',
    recency: 'Recency',
    frequency: 'Frequency',
    monetary: 'Monetary',
    valueAxis: 'Standardised mean (z-score)',
    average: 'Average customer',
  },
  id: {
    title: 'Profil segmen',
    subtitle: '0 adalah rata-rata pelanggan; untuk recency, makin rendah berarti pembelian makin baru',
    recency: 'Recency',
    frequency: 'Frekuensi',
    monetary: 'Nilai belanja',
    valueAxis: 'Rata-rata terstandar (skor z)',
    average: 'Rata-rata pelanggan',
  },
};

export type SnakePlotChart = ChartConfiguration<'line', number[], string>;

/**
 * Snake plot: one line per segment across the standardised means of recency, frequency and
 * monetary, with a dashed line at 0 for the average customer. O(segments).
 */
export function buildSnakePlotChart(data: SnakePlotData, options: LabelOptions<SnakePlotLabels> = {}): SnakePlotChart {
  const labels = pickLabels(LABELS, options);

  return {
    type: 'line',
    data: {
      labels: [labels.recency, labels.frequency, labels.monetary],
      datasets: [
        ...data.segments.map((segment) => ({
          label: segment.name,
          data: [segment.recency, segment.frequency, segment.monetary],
          borderColor: segmentColor(segment.name),
          backgroundColor: segmentColor(segment.name),
          borderWidth: 3,
          pointRadius: 5,
          pointStyle: 'circle' as const,
        })),
        {
          label: labels.average,
          data: [0, 0, 0],
          borderColor: REFERENCE_LINE_COLOR,
          backgroundColor: REFERENCE_LINE_COLOR,
          borderWidth: 1.5,
          borderDash: [6, 6],
          pointRadius: 0,
          pointStyle: 'line' as const,
        },
      ],
    },
    options: {
      locale: numberLocale(options.locale),
      layout: LAYOUT,
      plugins: {
        ...titlePlugins(labels.title, labels.subtitle),
        legend: legendPlugin(true),
      },
      scales: {
        x: {
          offset: true,
          ticks: { ...axisTicks(TEXT_COLOR), font: { size: 15, weight: 'bold' as const } },
          grid: GRID,
        },
        y: {
          title: axisTitle(labels.valueAxis),
          ticks: axisTicks(),
          grid: GRID,
        },
      },
    },
  };
}
