import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import type { ChartConfig } from '../../src/charts/chart-config.js';
import { buildChooseKChart } from '../../src/charts/choose-k.js';
import { buildMonetaryBoxplotChart } from '../../src/charts/monetary-boxplot.js';
import { buildRecencyMonetaryChart } from '../../src/charts/recency-monetary.js';
import { CHART_FONT_FAMILY, renderLocal } from '../../src/charts/render-local.js';
import { buildSegmentSizesChart } from '../../src/charts/segment-sizes.js';
import { buildSnakePlotChart } from '../../src/charts/snake-plot.js';
import { hasPngSignature, pngSize, surveyPixels } from './png.js';
import {
  FIVE_SEGMENTS,
  ONLINE_RETAIL_K_CANDIDATES,
  SEVEN_SEGMENTS,
  segmentProfiles,
  segmentSizes,
  syntheticCustomers,
} from './synthetic-customers.js';

const OUT_DIR = fileURLToPath(new URL('../../out/charts/', import.meta.url));

const customers = syntheticCustomers(FIVE_SEGMENTS);
const manyCustomers = syntheticCustomers(SEVEN_SEGMENTS, 7);
const byName = (name: string) => customers.filter((customer) => customer.segment === name).map((c) => c.monetary);

const charts: Record<string, ChartConfig> = {
  'segment-sizes': buildSegmentSizesChart({ segments: segmentSizes(customers) }),
  'segment-sizes.id': buildSegmentSizesChart({ segments: segmentSizes(manyCustomers) }, { locale: 'id' }),
  'recency-monetary': buildRecencyMonetaryChart({ customers }),
  'recency-monetary.sampled.id': buildRecencyMonetaryChart({ customers: manyCustomers, currency: 'IDR' }, { locale: 'id' }),
  'choose-k': buildChooseKChart({ candidates: [...ONLINE_RETAIL_K_CANDIDATES], chosenK: 4 }),
  'snake-plot': buildSnakePlotChart({ segments: segmentProfiles(customers) }),
  'snake-plot.id': buildSnakePlotChart({ segments: segmentProfiles(manyCustomers) }, { locale: 'id' }),
  'monetary-boxplot': buildMonetaryBoxplotChart({
    segments: FIVE_SEGMENTS.map(({ name }) => ({ name, values: byName(name) })),
  }),
  'monetary-boxplot.id': buildMonetaryBoxplotChart(
    {
      segments: SEVEN_SEGMENTS.map(({ name }) => ({
        name,
        values: manyCustomers.filter((customer) => customer.segment === name).map((c) => c.monetary),
      })),
      currency: 'IDR',
    },
    { locale: 'id' },
  ),
};

describe('renderLocal', () => {
  mkdirSync(OUT_DIR, { recursive: true });

  it.each(Object.entries(charts))('GIVEN the %s chart THEN it renders a 1000 × 560 PNG with a white background and ink', async (name, config) => {
    const started = performance.now();
    const png = await renderLocal(config);
    const elapsed = performance.now() - started;
    writeFileSync(`${OUT_DIR}${name}.png`, png);
    console.info(`${name}: ${elapsed.toFixed(0)} ms, ${(png.length / 1024).toFixed(0)} KiB`);

    expect(hasPngSignature(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1000, height: 560 });
    const survey = await surveyPixels(png);
    expect(survey.corner).toEqual([255, 255, 255, 255]);
    expect(survey.distinctColors).toBeGreaterThanOrEqual(5);
    expect(survey.inkShare).toBeGreaterThan(0.02);
  });

  it('GIVEN a size THEN the PNG has that size', async () => {
    const png = await renderLocal(charts['choose-k']!, { width: 640, height: 360 });
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });
  });

  it('GIVEN a config THEN rendering leaves it unchanged, so it can be rendered again', async () => {
    const config = charts['snake-plot']!;
    const before = JSON.stringify(config);
    const first = await renderLocal(config);
    expect(JSON.stringify(config)).toBe(before);
    expect((await renderLocal(config)).equals(first)).toBe(true);
  });

  it('GIVEN a render THEN text uses the bundled DejaVu Sans, regular and bold, not whatever the host has', async () => {
    await renderLocal(charts['choose-k']!);
    const family = GlobalFonts.families.find((candidate) => candidate.family === CHART_FONT_FAMILY);
    expect(family?.styles.map((style) => style.weight).sort()).toEqual([400, 700]);
  });

  it('GIVEN a size that is not whole positive pixels THEN it refuses', async () => {
    await expect(renderLocal(charts['choose-k']!, { width: 0, height: 560 })).rejects.toThrow(/whole pixels/);
    await expect(renderLocal(charts['choose-k']!, { width: 10.5, height: 560 })).rejects.toThrow(/whole pixels/);
  });
});
