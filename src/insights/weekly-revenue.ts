import { isoDay, WEEK_MS, weekStartOf } from './week-start.js';

/** A week's sales: `weekStart` is its Monday (`YYYY-MM-DD`), `revenue` its sales in the dataset's currency. */
export interface WeekRevenue {
  weekStart: string;
  revenue: number;
}

/** How many weeks the digest shows: a quarter, enough to see a trend. */
export const DIGEST_WEEKS = 12;

/**
 * Revenue per week over the `weeks` weeks that end with the week of the last sale, oldest first, one entry per
 * Monday: a week without sales is 0, never missing, so a chart draws it as a dip rather than a gap. The window ends
 * at the last sale rather than at today, because a digest of an export uploaded late still has twelve weeks of
 * data to show; the caller passes the last sale the run counted (before its as-of date), so the chart and the
 * segments describe the same data. A dataset younger than the window starts at its first sale's week instead of
 * showing empty weeks from before it existed. Amounts are rounded to cents (sums of floats). O(weeks + totals).
 *
 * @param totals - revenue by week start (epoch ms of a Monday, see `weekStartOf`); weeks absent had no sales
 * @param sales - epoch ms of the first and last sale counted (or of their weeks' Mondays); null when there were none
 * @example
 * weeklyRevenueSeries(new Map([[Date.UTC(2011, 10, 28), 10], [Date.UTC(2011, 11, 12), 5]]), { first: Date.UTC(2011, 10, 28), last: Date.UTC(2011, 11, 14) }, 3);
 * // [{ weekStart: '2011-11-28', revenue: 10 }, { weekStart: '2011-12-05', revenue: 0 }, { weekStart: '2011-12-12', revenue: 5 }]
 */
export function weeklyRevenueSeries(
  totals: ReadonlyMap<number, number>,
  sales: { first: number; last: number } | null,
  weeks: number = DIGEST_WEEKS,
): WeekRevenue[] {
  if (sales === null) return [];
  const lastWeek = weekStartOf(sales.last);
  const firstWeek = Math.max(weekStartOf(sales.first), lastWeek - (weeks - 1) * WEEK_MS);
  const series: WeekRevenue[] = [];
  for (let week = firstWeek; week <= lastWeek; week += WEEK_MS) {
    series.push({ weekStart: isoDay(week), revenue: Math.round((totals.get(week) ?? 0) * 100) / 100 });
  }
  return series;
}
