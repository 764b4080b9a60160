import { describe, expect, it } from 'vitest';
import { segmentColor } from '../../src/charts/palette.js';
import { buildSnakePlotChart } from '../../src/charts/snake-plot.js';

const segments = [
  { name: 'Champions', recency: -1.3, frequency: 1.5, monetary: 1.4 },
  { name: 'Hibernating', recency: 1.2, frequency: -1.1, monetary: -1.1 },
];

describe('buildSnakePlotChart', () => {
  const config = buildSnakePlotChart({ segments });

  it('GIVEN two segments THEN each is a line across recency, frequency and monetary, plus the average', () => {
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['Recency', 'Frequency', 'Monetary']);
    expect(config.data.datasets.map((dataset) => dataset.label)).toEqual(['Champions', 'Hibernating', 'Average customer']);
    expect(config.data.datasets[0]!.data).toEqual([-1.3, 1.5, 1.4]);
    expect(config.data.datasets[2]!.data).toEqual([0, 0, 0]);
    expect(config.data.datasets[2]!.borderDash).toBeDefined();
  });

  it('GIVEN segment names THEN lines use the segment colours and the legend is shown', () => {
    expect(config.data.datasets[1]!.borderColor).toBe(segmentColor('Hibernating'));
    expect(config.options?.plugins?.legend?.display).toBe(true);
  });

  it("GIVEN locale 'id' THEN the measures and axis are Indonesian", () => {
    const indonesian = buildSnakePlotChart({ segments }, { locale: 'id' });
    expect(indonesian.data.labels).toEqual(['Recency', 'Frekuensi', 'Nilai belanja']);
    expect(indonesian.options?.scales?.y?.title?.text).toBe('Rata-rata terstandar (skor z)');
    expect(indonesian.options?.plugins?.title?.text).toBe('Profil segmen');
  });
});
