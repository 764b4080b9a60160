import { describe, expect, it } from 'vitest';
import { buildChooseKChart } from '../../src/charts/choose-k.js';
import { ONLINE_RETAIL_K_CANDIDATES } from './synthetic-customers.js';

describe('buildChooseKChart', () => {
  const shuffled = [...ONLINE_RETAIL_K_CANDIDATES].reverse();
  const config = buildChooseKChart({ candidates: shuffled, chosenK: 4 });
  const [inertia, silhouette, marker] = config.data.datasets;

  it('GIVEN candidates in any order THEN inertia and silhouette are drawn by k on their own axes', () => {
    expect(config.data.datasets).toHaveLength(3);
    expect(inertia!.data.map((point) => point.x)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(inertia!.yAxisID).toBe('inertia');
    expect(silhouette!.yAxisID).toBe('silhouette');
    expect(silhouette!.data[0]).toEqual({ x: 2, y: 0.4329 });
    expect(config.options?.scales?.inertia).toMatchObject({ position: 'left' });
    expect(config.options?.scales?.silhouette).toMatchObject({ position: 'right' });
  });

  it('GIVEN a chosen k THEN a labelled vertical line marks it and its points are enlarged', () => {
    expect(marker!.label).toBe('Chosen: k = 4');
    expect(marker!.data).toEqual([
      { x: 4, y: 0 },
      { x: 4, y: 1 },
    ]);
    expect(config.options?.scales?.marker).toMatchObject({ display: false, min: 0, max: 1 });
    const radii = inertia!.pointRadius as number[];
    expect(radii[2]).toBeGreaterThan(radii[0]!);
    expect(radii.filter((radius) => radius === radii[2])).toHaveLength(1);
    expect(silhouette!.pointRadius).toEqual(radii);
  });

  it('GIVEN k values THEN the k axis shows whole numbers only', () => {
    expect(config.options?.scales?.x).toMatchObject({ type: 'linear', min: 1.5, max: 8.5, ticks: { stepSize: 1 } });
  });

  it("GIVEN locale 'id' THEN titles and the marker are Indonesian", () => {
    const indonesian = buildChooseKChart({ candidates: shuffled, chosenK: 4 }, { locale: 'id' });
    expect(indonesian.options?.plugins?.title?.text).toBe('Memilih jumlah segmen');
    expect(indonesian.data.datasets[2]!.label).toBe('Terpilih: k = 4');
    expect(indonesian.options?.scales?.x?.title?.text).toBe('Jumlah segmen (k)');
  });
});
