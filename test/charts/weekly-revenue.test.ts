import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../src/charts/chart-config.js';
import { renderLocal } from '../../src/charts/render-local.js';
import { buildWeeklyRevenueChart, lastWeeks } from '../../src/charts/weekly-revenue.js';
import { hasPngSignature, pngSize } from './png.js';
import { countColor } from './pixel-count.js';

const OUT_DIR = fileURLToPath(new URL('../../out/charts/', import.meta.url));

// Online Retail's weeks around its Christmas break: nothing was sold in the week of 27 December 2010, so that week is
// absent from a GROUP BY over the sales, and must still be drawn, at 0.
const CHRISTMAS = [
  { weekStart: '2010-11-29', revenue: 181_847.25 },
  { weekStart: '2010-12-06', revenue: 270_287.03 },
  { weekStart: '2010-12-13', revenue: 207_052.17 },
  { weekStart: '2010-12-20', revenue: 89_770.57 },
  { weekStart: '2011-01-03', revenue: 93_720.93 },
  { weekStart: '2011-01-10', revenue: 190_994.96 },
  { weekStart: '2011-01-17', revenue: 133_782.91 },
  { weekStart: '2011-01-24', revenue: 119_136.81 },
  { weekStart: '2011-01-31', revenue: 123_642.18 },
  { weekStart: '2011-02-07', revenue: 102_296.93 },
  { weekStart: '2011-02-14', revenue: 139_664.58 },
  { weekStart: '2011-02-21', revenue: 133_069.93 },
];

describe('buildWeeklyRevenueChart', () => {
  const config = buildWeeklyRevenueChart({ weeks: CHRISTMAS, currency: 'GBP' });
  const values = config.data.datasets[0]!.data;

  it('GIVEN 13 weeks of data with one week without sales THEN it draws the last 12, the empty week as 0 and not a gap', () => {
    expect(config.type).toBe('line');
    expect(values).toHaveLength(12);
    expect(values).toEqual([270_287.03, 207_052.17, 89_770.57, 0, 93_720.93, 190_994.96, 133_782.91, 119_136.81, 123_642.18, 102_296.93, 139_664.58, 133_069.93]);
    expect(values.every((value) => typeof value === 'number' && Number.isFinite(value))).toBe(true);
  });

  it('GIVEN weeks THEN each is labelled by its Monday, "6 Dec", with the year on the first week and on the first of a new year', () => {
    expect(config.data.labels).toEqual([
      ['6 Dec', '2010'],
      ['13 Dec'],
      ['20 Dec'],
      ['27 Dec'],
      ['3 Jan', '2011'],
      ['10 Jan'],
      ['17 Jan'],
      ['24 Jan'],
      ['31 Jan'],
      ['7 Feb'],
      ['14 Feb'],
      ['21 Feb'],
    ]);
  });

  it('GIVEN a currency THEN the revenue axis names it, starts at 0, and every week keeps its label', () => {
    expect(config.options?.scales?.y).toMatchObject({ beginAtZero: true, title: { display: true, text: 'Revenue (GBP)' } });
    expect(config.options?.scales?.x?.ticks).toMatchObject({ autoSkip: false });
    expect(config.options?.plugins?.subtitle?.text).toMatch(/^Last 12 weeks of data/);
  });

  it("GIVEN locale 'id' THEN words, month names and digit grouping are Indonesian", () => {
    const indonesian = buildWeeklyRevenueChart({ weeks: CHRISTMAS, currency: 'IDR' }, { locale: 'id' });
    expect(indonesian.options?.plugins?.title?.text).toBe('Pendapatan per minggu');
    expect(indonesian.options?.scales?.y?.title).toMatchObject({ text: 'Pendapatan (IDR)' });
    expect(indonesian.data.labels?.slice(0, 2)).toEqual([['6 Des', '2010'], ['13 Des']]);
    expect(indonesian.data.labels?.[10]).toEqual(['14 Feb']);
    expect(indonesian.options?.locale).toBe('id-ID');
  });

  it('GIVEN fewer than 12 weeks THEN it draws those and says how many', () => {
    const short = buildWeeklyRevenueChart({ weeks: CHRISTMAS.slice(0, 3) });
    expect(short.data.datasets[0]!.data).toEqual([181_847.25, 270_287.03, 207_052.17]);
    expect(short.options?.plugins?.subtitle?.text).toMatch(/^Last 3 weeks of data/);
    expect(short.options?.scales?.y?.title).toMatchObject({ text: 'Revenue' });
  });

  it('GIVEN no weeks THEN it draws an empty chart rather than failing', () => {
    expect(buildWeeklyRevenueChart({ weeks: [] }).data.datasets[0]!.data).toEqual([]);
  });

  it('GIVEN a week that does not start on a Monday THEN it refuses, naming the date', () => {
    expect(() => buildWeeklyRevenueChart({ weeks: [{ weekStart: '2011-12-04', revenue: 1 }] })).toThrow(/must be a Monday, got 2011-12-04/);
    expect(() => buildWeeklyRevenueChart({ weeks: [{ weekStart: '4/12/2011', revenue: 1 }] })).toThrow(/YYYY-MM-DD/);
  });
});

describe('lastWeeks', () => {
  it('GIVEN weeks out of order, a repeated week and a revenue that is not a number THEN it sorts, adds up and counts 0', () => {
    expect(
      lastWeeks(
        [
          { weekStart: '2011-12-05', revenue: 10 },
          { weekStart: '2011-11-21', revenue: Number.NaN },
          { weekStart: '2011-12-05', revenue: 5 },
        ],
        12,
      ),
    ).toEqual([
      { weekStart: '2011-11-21', revenue: 0 },
      { weekStart: '2011-11-28', revenue: 0 },
      { weekStart: '2011-12-05', revenue: 15 },
    ]);
  });
});

describe('weekly revenue PNG', () => {
  it.each(['en', 'id'] as const)('GIVEN locale %s THEN the local renderer draws a 1000 × 560 PNG with the line in its colour', async (locale) => {
    const png = await renderLocal(buildWeeklyRevenueChart({ weeks: CHRISTMAS, currency: 'GBP' }, { locale }) as ChartConfig);
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(`${OUT_DIR}weekly-revenue.${locale}.png`, png);
    expect(hasPngSignature(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1000, height: 560 });
    const [line] = await countColor(png, ['#0072B2']);
    // A 2.5 px line over some 850 px plus twelve 4 px points.
    expect(line).toBeGreaterThan(1_500);
  });
});
