import { describe, expect, it } from 'vitest';
import { buildMonetaryBoxplotChart } from '../../src/charts/monetary-boxplot.js';
import { segmentColor, withAlpha } from '../../src/charts/palette.js';

const skewed = [
  { name: 'Champions', values: [2_000, 5_000, 9_000, 15_000, 120_000] },
  { name: 'Hibernating', values: [12, 80, 200, 400, 3_000] },
];

describe('buildMonetaryBoxplotChart', () => {
  it('GIVEN spend spanning four decades THEN it is a horizontal box plot on a log axis with 1-2-5 bounds', () => {
    const config = buildMonetaryBoxplotChart({ segments: skewed });
    expect(config.type).toBe('boxplot');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.scales?.x).toMatchObject({ type: 'logarithmic', min: 10, max: 200_000 });
    expect(config.options?.scales?.x?.title?.text).toBe('Total spend per customer (log scale)');
  });

  it('GIVEN raw values THEN each box carries quartiles and whiskers, not the raw values', () => {
    const [champions] = buildMonetaryBoxplotChart({ segments: skewed }).data.datasets[0]!.data;
    expect(champions).toMatchObject({ min: 2_000, max: 120_000, whiskerMin: 2_000 });
    expect(champions!.median).toBeCloseTo(9_000, 6);
    expect(Object.keys(champions!)).not.toContain('items');
  });

  it('GIVEN spend within one decade THEN the axis stays linear', () => {
    const config = buildMonetaryBoxplotChart({ segments: [{ name: 'Loyal', values: [50, 80, 120, 300, 400] }] });
    expect(config.options?.scales?.x).toMatchObject({ type: 'linear' });
    expect(config.options?.scales?.x?.title?.text).toBe('Total spend per customer');
  });

  it('GIVEN precomputed quartiles THEN they are drawn as given with whiskers from min to max', () => {
    const quartiles = { min: 10, q1: 100, median: 250, q3: 800, max: 90_000 };
    const config = buildMonetaryBoxplotChart({ segments: [{ name: 'At Risk', quartiles, customers: 720 }] });
    expect(config.data.datasets[0]!.data[0]).toEqual({ ...quartiles, whiskerMin: 10, whiskerMax: 90_000, outliers: [] });
    expect(config.data.labels).toEqual([['At Risk', '720 customers']]);
    expect(config.options?.scales?.x).toMatchObject({ type: 'logarithmic' });
  });

  it('GIVEN a segment without values THEN it is left out', () => {
    const config = buildMonetaryBoxplotChart({ segments: [...skewed, { name: 'New', values: [] }] });
    expect(config.data.labels).toEqual([
      ['Champions', '5 customers'],
      ['Hibernating', '5 customers'],
    ]);
  });

  it('GIVEN segment names THEN boxes use the segment colours, lightly filled', () => {
    const dataset = buildMonetaryBoxplotChart({ segments: skewed }).data.datasets[0]!;
    expect(dataset.borderColor).toEqual([segmentColor('Champions'), segmentColor('Hibernating')]);
    expect(dataset.backgroundColor).toEqual([withAlpha(segmentColor('Champions'), 0.3), withAlpha(segmentColor('Hibernating'), 0.3)]);
  });

  it("GIVEN locale 'id' and a currency THEN texts are Indonesian and the axis names the currency", () => {
    const config = buildMonetaryBoxplotChart({ segments: skewed, currency: 'IDR' }, { locale: 'id' });
    expect(config.options?.plugins?.title?.text).toBe('Belanja per pelanggan menurut segmen');
    expect(config.options?.scales?.x?.title?.text).toBe('Total belanja per pelanggan (skala log) (IDR)');
    expect(config.data.labels?.[0]).toEqual(['Champions', '5 pelanggan']);
  });

  it("GIVEN scale 'linear' THEN it overrides the skew check", () => {
    const config = buildMonetaryBoxplotChart({ segments: skewed }, { scale: 'linear' });
    expect(config.options?.scales?.x).toMatchObject({ type: 'linear' });
  });
});
