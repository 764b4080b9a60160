import type { ChartConfiguration } from 'chart.js';
import { numberLocale, pickLabels, type ChartLocale, type LabelOptions } from './labels.js';
import { axisTicks, axisTitle, GRID, LAYOUT, legendPlugin, REFERENCE_LINE_COLOR, titlePlugins } from './theme.js';
import type { ChooseKData } from './types.js';

export interface ChooseKLabels {
  title: string;
  subtitle: string;
  kAxis: string;
  inertia: string;
  silhouette: string;
  /** Legend entry of the marker; `{k}` is replaced by the chosen k. */
  chosen: string;
}

const LABELS: Record<ChartLocale, ChooseKLabels> = {
  en: {
    title: 'Choosing the number of segments',
    subtitle: 'Inertia falls as k grows (look for the elbow); a higher silhouette means better-separated segments',
    kAxis: 'Number of segments (k)',
    inertia: 'Inertia (within-segment spread)',
    silhouette: 'Silhouette score',
    chosen: 'Chosen: k = {k}',
  },
  id: {
    title: 'Memilih jumlah segmen',
    subtitle: 'Inersia turun saat k naik (cari titik siku); silhouette lebih tinggi berarti segmen lebih terpisah',
    kAxis: 'Jumlah segmen (k)',
    inertia: 'Inersia (sebaran dalam segmen)',
    silhouette: 'Skor silhouette',
    chosen: 'Terpilih: k = {k}',
  },
};

const INERTIA_COLOR = '#0072B2';
const SILHOUETTE_COLOR = '#D55E00';
const POINT_RADIUS = 4;
const CHOSEN_POINT_RADIUS = 9;

export type ChooseKChart = ChartConfiguration<'line', { x: number; y: number }[]>;

/**
 * Inertia (left axis) and silhouette (right axis) against k. The chosen k is marked by a dashed
 * vertical line (its own dataset on a hidden 0..1 axis, so it spans the plot without a plugin) and
 * by enlarged points on both curves. Candidates are drawn in order of k. O(candidates log candidates).
 */
export function buildChooseKChart(data: ChooseKData, options: LabelOptions<ChooseKLabels> = {}): ChooseKChart {
  const labels = pickLabels(LABELS, options);
  const candidates = [...data.candidates].sort((a, b) => a.k - b.k);
  const radii = candidates.map((candidate) => (candidate.k === data.chosenK ? CHOSEN_POINT_RADIUS : POINT_RADIUS));
  const ks = candidates.map((candidate) => candidate.k);

  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: labels.inertia,
          data: candidates.map((candidate) => ({ x: candidate.k, y: candidate.inertia })),
          yAxisID: 'inertia',
          borderColor: INERTIA_COLOR,
          backgroundColor: INERTIA_COLOR,
          borderWidth: 3,
          pointRadius: radii,
          pointStyle: 'circle',
        },
        {
          label: labels.silhouette,
          data: candidates.map((candidate) => ({ x: candidate.k, y: candidate.silhouette })),
          yAxisID: 'silhouette',
          borderColor: SILHOUETTE_COLOR,
          backgroundColor: SILHOUETTE_COLOR,
          borderWidth: 3,
          pointRadius: radii,
          pointStyle: 'rectRot',
        },
        {
          label: labels.chosen.replace('{k}', String(data.chosenK)),
          data: [
            { x: data.chosenK, y: 0 },
            { x: data.chosenK, y: 1 },
          ],
          yAxisID: 'marker',
          borderColor: REFERENCE_LINE_COLOR,
          backgroundColor: REFERENCE_LINE_COLOR,
          borderWidth: 2,
          borderDash: [8, 6],
          pointRadius: 0,
          pointStyle: 'line',
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
          type: 'linear',
          min: Math.min(...ks, data.chosenK) - 0.5,
          max: Math.max(...ks, data.chosenK) + 0.5,
          title: axisTitle(labels.kAxis),
          ticks: { ...axisTicks(), stepSize: 1, precision: 0, includeBounds: false },
          grid: GRID,
        },
        inertia: {
          type: 'linear',
          position: 'left',
          title: axisTitle(labels.inertia, INERTIA_COLOR),
          ticks: axisTicks(INERTIA_COLOR),
          grid: GRID,
        },
        silhouette: {
          type: 'linear',
          position: 'right',
          title: axisTitle(labels.silhouette, SILHOUETTE_COLOR),
          ticks: axisTicks(SILHOUETTE_COLOR),
          grid: { drawOnChartArea: false },
        },
        marker: { type: 'linear', display: false, min: 0, max: 1 },
      },
    },
  };
}
