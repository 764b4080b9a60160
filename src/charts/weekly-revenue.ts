import type { ChartConfiguration } from 'chart.js';
import { formatDay } from './day-label.js';
import { numberLocale, pickLabels, withCurrency, type ChartLocale, type LabelOptions } from './labels.js';
import { axisTicks, axisTitle, GRID, LAYOUT, legendPlugin, titlePlugins } from './theme.js';
import type { WeeklyRevenueData, WeekRevenue } from './types.js';

export type { WeeklyRevenueData, WeekRevenue } from './types.js';

export interface WeeklyRevenueLabels {
  title: string;
  /** `{weeks}` is replaced by the number of weeks shown. */
  subtitle: string;
  revenueAxis: string;
  weekAxis: string;
  revenue: string;
}

const LABELS: Record<ChartLocale, WeeklyRevenueLabels> = {
  en: {
    title: 'Revenue per week',
    subtitle: 'Last {weeks} weeks of data  ·  weeks start on Monday  ·  a week without sales shows as 0',
    revenueAxis: 'Revenue',
    weekAxis: 'Week starting',
    revenue: 'Revenue',
  },
  id: {
    title: 'Pendapatan per minggu',
    subtitle: '{weeks} minggu terakhir data  ·  minggu dimulai hari Senin  ·  minggu tanpa penjualan tampil 0',
    revenueAxis: 'Pendapatan',
    weekAxis: 'Minggu mulai',
    revenue: 'Pendapatan',
  },
};

/** How many weeks the chart shows: a quarter, enough to see a trend without squeezing the labels. */
export const WEEKS_SHOWN = 12;

const LINE_COLOR = '#0072B2';
const DAY_MS = 86_400_000;

export type WeeklyRevenueChart = ChartConfiguration<'line', number[], string[]>;

/**
 * A line of revenue per week over the last 12 weeks of `data` (counted back from its latest week). Weeks missing
 * from `data` between the first and the last shown are drawn as 0, never as a gap, so a week without sales is seen
 * as one. Week labels read "5 Dec" ("5 Des" in Indonesian); the first week and a week in a new year carry the year.
 * O(weeks log weeks).
 */
export function buildWeeklyRevenueChart(
  data: WeeklyRevenueData,
  options: LabelOptions<WeeklyRevenueLabels> = {},
): WeeklyRevenueChart {
  const labels = pickLabels(LABELS, options);
  const weeks = lastWeeks(data.weeks, WEEKS_SHOWN);

  return {
    type: 'line',
    data: {
      labels: weekLabels(weeks.map((week) => week.weekStart), options.locale),
      datasets: [
        {
          label: labels.revenue,
          data: weeks.map((week) => week.revenue),
          borderColor: LINE_COLOR,
          backgroundColor: 'rgba(0, 114, 178, 0.12)',
          pointBackgroundColor: LINE_COLOR,
          pointRadius: 4,
          borderWidth: 2.5,
          fill: 'origin',
          tension: 0,
          // A week at 0 sits on the axis: draw its whole point, not the half inside the chart area.
          clip: 6,
        },
      ],
    },
    options: {
      locale: numberLocale(options.locale),
      layout: LAYOUT,
      plugins: {
        ...titlePlugins(labels.title, labels.subtitle.replace('{weeks}', String(weeks.length))),
        legend: legendPlugin(false),
      },
      scales: {
        x: {
          // Half a week of room at both ends, so the first and last labels are not cut at the image's edge.
          offset: true,
          title: axisTitle(labels.weekAxis),
          // Twelve short labels fit level at 1000 px; never drop one, every week is a point to read.
          ticks: { ...axisTicks(), autoSkip: false, maxRotation: 0 },
          grid: { display: false },
        },
        y: {
          beginAtZero: true,
          title: axisTitle(withCurrency(labels.revenueAxis, data.currency)),
          ticks: axisTicks(),
          grid: GRID,
        },
      },
    },
  };
}

/**
 * The latest `count` weeks of `weeks`, oldest first, one per Monday with no week left out: a week absent from the
 * input, or with a revenue that is not a finite number, counts 0.
 */
export function lastWeeks(weeks: readonly WeekRevenue[], count: number): WeekRevenue[] {
  const revenueByWeek = new Map<number, number>();
  for (const week of weeks) {
    const day = parseWeekStart(week.weekStart);
    const revenue = Number.isFinite(week.revenue) ? week.revenue : 0;
    revenueByWeek.set(day, (revenueByWeek.get(day) ?? 0) + revenue);
  }
  if (revenueByWeek.size === 0) return [];
  const latest = Math.max(...revenueByWeek.keys());
  const earliest = Math.min(...revenueByWeek.keys());
  const shown: WeekRevenue[] = [];
  for (let index = count - 1; index >= 0; index -= 1) {
    const day = latest - index * 7 * DAY_MS;
    if (day < earliest) continue;
    shown.push({ weekStart: new Date(day).toISOString().slice(0, 10), revenue: revenueByWeek.get(day) ?? 0 });
  }
  return shown;
}

function parseWeekStart(weekStart: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(weekStart) ? Date.parse(`${weekStart}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(day)) throw new Error(`weekStart must be a YYYY-MM-DD date, got ${weekStart}`);
  if (new Date(day).getUTCDay() !== 1) throw new Error(`weekStart must be a Monday, got ${weekStart}`);
  return day;
}

/** "5 Dec" per week; the first label and the first week of a new year add the year below: ["5 Jan", "2012"]. */
function weekLabels(weekStarts: readonly string[], locale?: ChartLocale): string[][] {
  return weekStarts.map((weekStart, index) => {
    const label = formatDay(weekStart, locale);
    const year = weekStart.slice(0, 4);
    return index === 0 || year !== weekStarts[index - 1]!.slice(0, 4) ? [label, year] : [label];
  });
}
