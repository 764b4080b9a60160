import { describe, expect, it } from 'vitest';
import { LOG_FLOOR } from '../../src/charts/log-scale.js';
import { buildRecencyMonetaryChart } from '../../src/charts/recency-monetary.js';
import { MAX_SCATTER_POINTS } from '../../src/charts/sample-by-segment.js';
import { FIVE_SEGMENTS, SEVEN_SEGMENTS, syntheticCustomers } from './synthetic-customers.js';

describe('buildRecencyMonetaryChart', () => {
  it('GIVEN 4,000 customers in 5 segments THEN it plots all of them, one dataset per segment, on log axes', () => {
    const customers = syntheticCustomers(FIVE_SEGMENTS);
    const config = buildRecencyMonetaryChart({ customers });
    expect(config.type).toBe('scatter');
    expect(config.data.datasets.map((dataset) => dataset.label).sort()).toEqual(FIVE_SEGMENTS.map((s) => s.name).sort());
    expect(config.data.datasets.reduce((total, dataset) => total + dataset.data.length, 0)).toBe(4_000);
    expect(config.options?.scales?.x).toMatchObject({ type: 'logarithmic', min: 1, max: 500 });
    expect(config.options?.scales?.y).toMatchObject({ type: 'logarithmic', min: 10, max: 200_000 });
    expect(config.options?.plugins?.subtitle?.display).toBe(false);
  });

  it('GIVEN 12,924 customers THEN it draws at most 5,000 points, every segment, and says it is a sample', () => {
    const customers = syntheticCustomers(SEVEN_SEGMENTS, 7);
    const config = buildRecencyMonetaryChart({ customers });
    expect(config.data.datasets).toHaveLength(SEVEN_SEGMENTS.length);
    expect(config.data.datasets.reduce((total, dataset) => total + dataset.data.length, 0)).toBe(MAX_SCATTER_POINTS);
    expect(config.data.datasets.every((dataset) => dataset.data.length > 0)).toBe(true);
    expect(config.options?.plugins?.subtitle?.text).toBe('A sample of 5,000 of 12,924 customers, every segment included');
  });

  it('GIVEN a smaller segment THEN it is drawn above larger ones', () => {
    const customers = syntheticCustomers(SEVEN_SEGMENTS, 7);
    const datasets = buildRecencyMonetaryChart({ customers }).data.datasets;
    const order = (name: string) => datasets.find((dataset) => dataset.label === name)!.order!;
    expect(order("Can't Lose Them")).toBeLessThan(order('Potential Loyalists'));
  });

  it('GIVEN a purchase today or a refunded customer THEN the point sits at the log floor instead of vanishing', () => {
    const config = buildRecencyMonetaryChart({
      customers: [
        { segment: 'New', recencyDays: 0, monetary: 120 },
        { segment: 'Hibernating', recencyDays: 300, monetary: -15 },
      ],
    });
    expect(config.data.datasets.flatMap((dataset) => dataset.data)).toEqual([
      { x: LOG_FLOOR, y: 120 },
      { x: 300, y: LOG_FLOOR },
    ]);
  });

  it("GIVEN locale 'id' and a currency THEN axis titles are Indonesian and name the currency", () => {
    const config = buildRecencyMonetaryChart(
      { customers: syntheticCustomers(FIVE_SEGMENTS), currency: 'IDR' },
      { locale: 'id' },
    );
    expect(config.options?.plugins?.title?.text).toBe('Recency dan total belanja per pelanggan');
    expect(config.options?.scales?.x?.title?.text).toBe('Hari sejak pembelian terakhir (skala log)');
    expect(config.options?.scales?.y?.title?.text).toBe('Total belanja (skala log) (IDR)');
  });

  it('GIVEN no customers THEN it still builds an empty chart', () => {
    expect(buildRecencyMonetaryChart({ customers: [] }).data.datasets).toEqual([]);
  });
});
