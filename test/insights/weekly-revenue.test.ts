import { describe, expect, it } from 'vitest';
import { weekStartOf } from '../../src/insights/week-start.js';
import { weeklyRevenueSeries } from '../../src/insights/weekly-revenue.js';

const day = (iso: string) => Date.parse(`${iso}Z`);

describe('weekStartOf', () => {
  it('GIVEN any moment of a week THEN it is that week’s Monday 00:00, Sunday night included', () => {
    expect(weekStartOf(day('2011-12-09T12:50:00'))).toBe(day('2011-12-05T00:00:00')); // Friday
    expect(weekStartOf(day('2011-12-05T00:00:00'))).toBe(day('2011-12-05T00:00:00')); // Monday, midnight
    expect(weekStartOf(day('2011-12-04T23:59:59'))).toBe(day('2011-11-28T00:00:00')); // Sunday, last second
    expect(weekStartOf(day('1970-01-01T00:00:00'))).toBe(day('1969-12-29T00:00:00')); // a Thursday, epoch 0
    expect(weekStartOf(day('1969-12-28T10:00:00'))).toBe(day('1969-12-22T00:00:00')); // before the epoch
  });
});

describe('weeklyRevenueSeries', () => {
  const totals = new Map([
    [day('2011-09-19T00:00:00'), 100],
    [day('2011-10-03T00:00:00'), 300.123],
    [day('2011-12-05T00:00:00'), 50],
    [day('2011-12-12T00:00:00'), 999], // after the last sale's week: not shown
  ]);

  it('GIVEN weeks without sales THEN the 12 weeks ending with the last sale’s week are all there, empty ones as 0', () => {
    const series = weeklyRevenueSeries(totals, { first: day('2011-01-04T10:00:00'), last: day('2011-12-09T12:50:00') });
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({ weekStart: '2011-09-19', revenue: 100 });
    expect(series[1]).toEqual({ weekStart: '2011-09-26', revenue: 0 });
    expect(series[2]).toEqual({ weekStart: '2011-10-03', revenue: 300.12 });
    expect(series.at(-1)).toEqual({ weekStart: '2011-12-05', revenue: 50 });
    expect(series.filter((week) => week.revenue === 0)).toHaveLength(9);
    // Consecutive Mondays, none skipped.
    for (let i = 1; i < series.length; i++) {
      expect(Date.parse(series[i]!.weekStart) - Date.parse(series[i - 1]!.weekStart)).toBe(7 * 86_400_000);
      expect(new Date(series[i]!.weekStart).getUTCDay()).toBe(1);
    }
  });

  it('GIVEN a dataset younger than 12 weeks THEN the series starts at its first sale’s week, not before it existed', () => {
    const series = weeklyRevenueSeries(totals, { first: day('2011-11-16T09:00:00'), last: day('2011-12-09T12:50:00') });
    expect(series.map((week) => week.weekStart)).toEqual(['2011-11-14', '2011-11-21', '2011-11-28', '2011-12-05']);
    expect(series.map((week) => week.revenue)).toEqual([0, 0, 0, 50]);
  });

  it('GIVEN no sales THEN there are no weeks', () => {
    expect(weeklyRevenueSeries(new Map(), null)).toEqual([]);
  });

  it('GIVEN a window of 3 THEN only the last 3 weeks are shown', () => {
    expect(weeklyRevenueSeries(totals, { first: day('2011-01-04T10:00:00'), last: day('2011-10-09T23:00:00') }, 3)).toEqual([
      { weekStart: '2011-09-19', revenue: 100 },
      { weekStart: '2011-09-26', revenue: 0 },
      { weekStart: '2011-10-03', revenue: 300.12 },
    ]);
  });
});
