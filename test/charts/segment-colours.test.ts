import { describe, expect, it } from 'vitest';
import { buildMonetaryBoxplotChart } from '../../src/charts/monetary-boxplot.js';
import { buildRecencyMonetaryChart } from '../../src/charts/recency-monetary.js';
import { buildSegmentSizesChart } from '../../src/charts/segment-sizes.js';
import { buildSnakePlotChart } from '../../src/charts/snake-plot.js';
import { FIVE_SEGMENTS, segmentProfiles, segmentSizes, syntheticCustomers } from './synthetic-customers.js';

describe('segment colours across charts', () => {
  const customers = syntheticCustomers(FIVE_SEGMENTS);

  it('GIVEN the same run THEN every chart paints each segment in the same colour', () => {
    const sizes = buildSegmentSizesChart({ segments: segmentSizes(customers) });
    const sizeNames = sizes.data.labels!.map((label) => label[0]!);
    const fromSizes = new Map(sizeNames.map((name, i) => [name, (sizes.data.datasets[1]!.backgroundColor as string[])[i]]));

    const scatter = buildRecencyMonetaryChart({ customers });
    const fromScatter = new Map(scatter.data.datasets.map((dataset) => [dataset.label!, dataset.borderColor]));

    const snake = buildSnakePlotChart({ segments: segmentProfiles(customers) });
    const fromSnake = new Map(snake.data.datasets.map((dataset) => [dataset.label!, dataset.borderColor]));

    const boxes = buildMonetaryBoxplotChart({
      segments: sizeNames.map((name) => ({ name, values: customers.filter((c) => c.segment === name).map((c) => c.monetary) })),
    });
    const fromBoxes = new Map(sizeNames.map((name, i) => [name, (boxes.data.datasets[0]!.borderColor as string[])[i]]));

    for (const { name } of FIVE_SEGMENTS) {
      expect(fromScatter.get(name), name).toBe(fromSizes.get(name));
      expect(fromSnake.get(name), name).toBe(fromSizes.get(name));
      expect(fromBoxes.get(name), name).toBe(fromSizes.get(name));
    }
    expect(new Set(fromSizes.values()).size).toBe(FIVE_SEGMENTS.length);
  });
});
