import { describe, expect, it } from 'vitest';
import { segmentColor } from '../../src/charts/palette.js';
import { buildSegmentSizesChart } from '../../src/charts/segment-sizes.js';

const segments = [
  { name: 'Champions', customers: 400, revenue: 600_000 },
  { name: 'At Risk', customers: 1_000, revenue: 300_000 },
  { name: 'Hibernating', customers: 2_600, revenue: 100_000 },
];

describe('buildSegmentSizesChart', () => {
  const config = buildSegmentSizesChart({ segments });

  it('GIVEN three segments THEN it is a horizontal bar chart of customer share beside revenue share', () => {
    expect(config.type).toBe('bar');
    expect(config.options?.indexAxis).toBe('y');
    expect(config.data.datasets.map((dataset) => dataset.label)).toEqual(['Share of customers', 'Share of revenue']);
    expect(config.data.datasets[0]!.data).toEqual([10, 25, 65]);
    expect(config.data.datasets[1]!.data).toEqual([60, 30, 10]);
  });

  it('GIVEN segment sizes THEN each row names the segment and its customer count', () => {
    expect(config.data.labels).toEqual([
      ['Champions', '400 customers'],
      ['At Risk', '1,000 customers'],
      ['Hibernating', '2,600 customers'],
    ]);
  });

  it('GIVEN a segment of one customer THEN its row says "1 customer" in English and "1 pelanggan" in Indonesian', () => {
    const one = [{ name: 'Returned everything', customers: 1, revenue: 0 }];
    expect(buildSegmentSizesChart({ segments: one }).data.labels).toEqual([['Returned everything', '1 customer']]);
    expect(buildSegmentSizesChart({ segments: one }, { locale: 'id' }).data.labels).toEqual([['Returned everything', '1 pelanggan']]);
  });

  it('GIVEN segment names THEN the solid bars use the segment colours', () => {
    expect(config.data.datasets[1]!.backgroundColor).toEqual(segments.map((segment) => segmentColor(segment.name)));
  });

  it('GIVEN a title, subtitle and axis title THEN they are set and large enough to read', () => {
    expect(config.options?.plugins?.title).toMatchObject({ display: true, text: 'Segment sizes', font: { size: 22 } });
    expect(config.options?.plugins?.subtitle?.text).toMatch(/share of revenue/);
    expect(config.options?.scales?.x?.title).toMatchObject({ display: true, text: expect.stringMatching(/%/) });
  });

  it("GIVEN locale 'id' THEN titles are Indonesian and counts use Indonesian digit grouping", () => {
    const indonesian = buildSegmentSizesChart({ segments }, { locale: 'id' });
    expect(indonesian.options?.plugins?.title?.text).toBe('Ukuran segmen');
    expect(indonesian.data.labels?.[1]).toEqual(['At Risk', '1.000 pelanggan']);
    expect(indonesian.data.datasets[0]!.label).toBe('Porsi pelanggan');
    expect(indonesian.options?.locale).toBe('id-ID');
  });

  it('GIVEN a label override THEN only that label changes', () => {
    const custom = buildSegmentSizesChart({ segments }, { labels: { title: 'Who we sell to' } });
    expect(custom.options?.plugins?.title?.text).toBe('Who we sell to');
    expect(custom.data.datasets[0]!.label).toBe('Share of customers');
  });

  it('GIVEN no revenue at all THEN revenue shares are 0 rather than NaN', () => {
    const empty = buildSegmentSizesChart({ segments: segments.map((segment) => ({ ...segment, revenue: 0 })) });
    expect(empty.data.datasets[1]!.data).toEqual([0, 0, 0]);
  });

  it('GIVEN any input THEN the config is plain JSON, so it can be stored or sent to QuickChart', () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});
