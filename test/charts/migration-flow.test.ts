import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Chart, type Plugin } from 'chart.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerChartRenderer } from '../../src/app/workers/worker-charts.js';
import type { ChartConfig } from '../../src/charts/chart-config.js';
import { bandTopAt, type BandGeometry } from '../../src/charts/flow-count-placement.js';
import { AFTER_KEY, BEFORE_KEY, buildMigrationFlowChart, nodeLabel } from '../../src/charts/migration-flow.js';
import { segmentColor } from '../../src/charts/palette.js';
import { renderLocal } from '../../src/charts/render-local.js';
import { createRenderer } from '../../src/charts/renderer.js';
import { buildQuickChartRequest } from '../../src/charts/render-quickchart.js';
import { runMigration, type RunMember } from '../../src/insights/migration.js';
import { startFakeQuickChart } from './fake-quickchart-server.js';
import { hasPngSignature, pngSize } from './png.js';
import { countColor } from './pixel-count.js';

const OUT_DIR = fileURLToPath(new URL('../../out/charts/', import.meta.url));
mkdirSync(OUT_DIR, { recursive: true });

/** `count` customers `c<start>`..., each spending `monetary`, in `segment`. */
function members(segment: string | null, count: number, start: number, monetary: number): RunMember[] {
  return Array.from({ length: count }, (_, index) => ({ customerId: `c${start + index}`, segment, monetary }));
}

// Before: 30 Champions (c0-c29), 50 At Risk (c30-c79), 1,200 Hibernating (c80-c1279).
// After: 25 Champions stay, 5 fall to At Risk; 45 At Risk stay, 5 are gone; Hibernating all stay; 2 new Champions.
const before = [...members('Champions', 30, 0, 900), ...members('At Risk', 50, 30, 300), ...members('Hibernating', 1_200, 80, 40)];
const after = [
  ...members('Champions', 25, 0, 1_000),
  ...members('At Risk', 5, 25, 350),
  ...members('At Risk', 45, 30, 300),
  ...members('Hibernating', 1_200, 80, 40),
  ...members('Champions', 2, 5_000, 700),
];
const migration = runMigration(before, after);
const config = buildMigrationFlowChart(migration);
const flows = config.data.datasets[0]!.data;
const dataset = config.data.datasets[0]!;

describe('buildMigrationFlowChart', () => {
  it('GIVEN a migration THEN it is a sankey with one flow per move, counted in customers, between before: and after: nodes', () => {
    expect(config.type).toBe('sankey');
    expect(flows.map(({ from, to, flow }) => `${from} -> ${to}: ${flow}`).sort()).toEqual(
      [
        'before:(new) -> after:Champions: 2',
        'before:At Risk -> after:(gone): 5',
        'before:At Risk -> after:At Risk: 45',
        'before:Champions -> after:At Risk: 5',
        'before:Champions -> after:Champions: 25',
        'before:Hibernating -> after:Hibernating: 1200',
      ].sort(),
    );
  });

  it('GIVEN the same segment on both sides THEN it has two nodes, one per column, both labelled with its name and count', () => {
    expect(dataset.column).toMatchObject({ [`${BEFORE_KEY}Champions`]: 0, [`${AFTER_KEY}Champions`]: 1 });
    expect(dataset.labels).toEqual({
      'before:Champions': 'Champions  30',
      'before:At Risk': 'At Risk  50',
      'before:Hibernating': 'Hibernating  1,200',
      'before:(new)': 'New customers  2',
      'after:Champions': 'Champions  27',
      'after:At Risk': 'At Risk  50',
      'after:Hibernating': 'Hibernating  1,200',
      'after:(gone)': 'Gone from the data  5',
    });
  });

  it('GIVEN names in both columns THEN labels sit outside the diagram: left of the left column, right of the right one', () => {
    expect(dataset.nodeLabels?.position).toMatchObject({ 'before:Champions': 'left', 'after:Champions': 'right', 'after:(gone)': 'right' });
  });

  it('GIVEN segments THEN each flow carries the colours of the segment it leaves and the one it joins', () => {
    const fall = flows.find((flow) => flow.from === 'before:Champions' && flow.to === 'after:At Risk')!;
    expect(fall).toMatchObject({ fromColor: segmentColor('Champions'), toColor: segmentColor('At Risk') });
    const arrivals = flows.find((flow) => flow.from === 'before:(new)')!;
    const departures = flows.find((flow) => flow.to === 'after:(gone)')!;
    // New and gone customers are grey, and no segment of the three shares their colour.
    expect(new Set([arrivals.fromColor, departures.toColor, ...['Champions', 'At Risk', 'Hibernating'].map(segmentColor)]).size).toBe(5);
  });

  it('GIVEN segments THEN they are ordered by spend per customer, top to bottom, with new and gone customers last', () => {
    const priority = dataset.priority!;
    const leftToRight = (side: string) =>
      Object.keys(priority)
        .filter((key) => key.startsWith(side))
        .sort((a, b) => priority[a]! - priority[b]!);
    expect(leftToRight(BEFORE_KEY)).toEqual(['before:Champions', 'before:At Risk', 'before:Hibernating', 'before:(new)']);
    expect(leftToRight(AFTER_KEY)).toEqual(['after:Champions', 'after:At Risk', 'after:Hibernating', 'after:(gone)']);
  });

  it('GIVEN bands of very different widths THEN only bands thick enough to hold a number show their count', () => {
    const shown = flows.filter((flow) => flow.showCount).map((flow) => `${flow.from} -> ${flow.to}`);
    // 45 of 1,287 customers is 15 px of the 440 px the layout plans for, just enough; 25 is 8 px.
    expect(shown.sort()).toEqual(['before:At Risk -> after:At Risk', 'before:Hibernating -> after:Hibernating']);
    expect(dataset.flowLabels?.font).toMatchObject({ size: 14, weight: 'bold' });
  });

  it("GIVEN locale 'id' and the runs' days THEN words, digits and dates are Indonesian", () => {
    const indonesian = buildMigrationFlowChart(migration, { locale: 'id', asOf: { before: '2011-12-01', after: '2011-12-10' } });
    const set = indonesian.data.datasets[0]!;
    expect(indonesian.options?.plugins?.title?.text).toBe('Perpindahan pelanggan antarsegmen');
    expect(indonesian.options?.plugins?.subtitle?.text).toMatch(/^Kiri: run per 1 Des 2011 {2}→ {2}kanan: run per 10 Des 2011/);
    expect(set.labels).toMatchObject({ 'before:Hibernating': 'Hibernating  1.200', 'before:(new)': 'Pelanggan baru  2', 'after:(gone)': 'Keluar dari data  5' });
  });

  it('GIVEN no dates THEN the subtitle names the sides "previous run" and "this run"', () => {
    expect(config.options?.plugins?.subtitle?.text).toMatch(/^Left: previous run {2}→ {2}right: this run/);
  });

  it('GIVEN customers of a grid-only run THEN their node reads "Not segmented"', () => {
    const gridOnly = buildMigrationFlowChart(runMigration(members(null, 3, 0, 10), members('Champions', 3, 0, 10)));
    expect(gridOnly.data.datasets[0]!.labels).toMatchObject({ 'before:(none)': 'Not segmented  3' });
  });

  it('GIVEN a config THEN it is plain data that survives a structured clone and JSON', () => {
    expect(structuredClone(config)).toEqual(config);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});

describe('nodeLabel', () => {
  it('GIVEN a name and count that fit beside a column THEN they share one line', () => {
    expect(nodeLabel('Potential Loyalists', '1,234')).toBe('Potential Loyalists  1,234');
  });

  it('GIVEN a longer name THEN it wraps at spaces, the count after the last line, and an overlong word is cut', () => {
    expect(nodeLabel('Seasonal Gift Buyers Who Return', '3,000')).toBe('Seasonal Gift Buyers Who\nReturn  3,000');
    expect(nodeLabel('Pelanggan musiman yang membeli hadiah', '12')).toBe('Pelanggan musiman yang\nmembeli hadiah  12');
    expect(nodeLabel('Supercalifragilisticexpialidocious', '7')).toBe('Supercalifragilisticexpial…\n7');
  });
});

describe('migration flow PNG', () => {
  let png: Buffer;
  beforeAll(async () => {
    png = await renderLocal(config as ChartConfig);
    writeFileSync(`${OUT_DIR}migration-flow.png`, png);
  });

  it('GIVEN the local renderer THEN it draws a 1000 × 560 PNG with nodes in the segment colours, not the plugin defaults', async () => {
    expect(hasPngSignature(png)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 1000, height: 560 });
    const colours = await countColor(png, [segmentColor('Champions'), segmentColor('At Risk'), segmentColor('Hibernating'), '#FF0000', '#008000']);
    // Nodes are solid, 14 px wide: a 30-customer node is still a hundred pixels or more of its colour.
    expect(colours[0]).toBeGreaterThan(100);
    expect(colours[1]).toBeGreaterThan(100);
    expect(colours[2]).toBeGreaterThan(2_000);
    // chartjs-chart-sankey's defaults colour flows red to green when no colour reaches it.
    expect(colours[3]).toBe(0);
    expect(colours[4]).toBe(0);
  });

  it('GIVEN the chart worker THEN it draws the very same PNG', async () => {
    const charts = workerChartRenderer();
    try {
      expect((await charts.render(config as ChartConfig)).equals(png)).toBe(true);
    } finally {
      await charts.close();
    }
  });

  describe('GIVEN the QuickChart renderer', () => {
    const answer = Buffer.from('89504e470d0a1a0a', 'hex');
    let server: Awaited<ReturnType<typeof startFakeQuickChart>>;
    beforeAll(async () => {
      server = await startFakeQuickChart(answer);
    });
    afterAll(() => server.close());

    it('THEN the migration flow is drawn locally and never sent, while other charts still go to the server', async () => {
      const renderer = createRenderer({ kind: 'quickchart', quickchartUrl: server.url });
      expect((await renderer.render(config as ChartConfig)).equals(png)).toBe(true);
      expect(server.received).toHaveLength(0);
      expect(() => buildQuickChartRequest(config as ChartConfig, server.url)).toThrow(/QuickChart cannot draw sankey charts/);
    });
  });
});

/** A band's top edge at `px`, found by walking the Bézier chartjs-chart-sankey draws, as it draws it: 2,000 steps. */
function sampledTopAt(band: BandGeometry, px: number): number {
  const dx = band.x2 - band.x;
  const points = [
    { x: band.x, y: band.y },
    { x: band.x + (dx * 2) / 3, y: band.y },
    { x: band.x + dx / 3, y: band.y2 },
    { x: band.x2, y: band.y2 },
  ];
  let nearest = { distance: Infinity, y: band.y };
  for (let step = 0; step <= 2_000; step += 1) {
    const t = step / 2_000;
    const weights = [(1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t ** 2, t ** 3];
    const x = weights.reduce((sum, weight, index) => sum + weight * points[index]!.x, 0);
    const y = weights.reduce((sum, weight, index) => sum + weight * points[index]!.y, 0);
    if (Math.abs(x - px) < nearest.distance) nearest = { distance: Math.abs(x - px), y };
  }
  return nearest.y;
}

describe('flow counts where bands cross', () => {
  // Loyal Customers stay (780) or rise to Potential Loyalists (400); Promising stay (650) or rise (160). The thin
  // Promising -> Potential Loyalists band climbs across the thick Loyal -> Loyal one, and both are centred on the
  // very same point: above each, on the left and the right together, lie the same customers.
  const crossing = runMigration(
    [...members('Loyal Customers', 1_180, 0, 2_000), ...members('Promising', 810, 1_180, 500)],
    [
      ...members('Potential Loyalists', 400, 0, 3_000),
      ...members('Loyal Customers', 780, 400, 2_000),
      ...members('Potential Loyalists', 160, 1_180, 3_000),
      ...members('Promising', 650, 1_340, 500),
    ],
  );
  const written: { text: string; x: number; y: number }[] = [];
  let bands: (BandGeometry & { flow: number })[] = [];
  // Records what the sankey dataset writes and where its bands lie; runs after the counts plugin, registered first.
  const recorder: Plugin = {
    id: 'testFlowCountRecorder',
    beforeDatasetDraw(chart) {
      const { ctx } = chart;
      const fillText = ctx.fillText.bind(ctx);
      ctx.fillText = (text: string, x: number, y: number) => {
        written.push({ text, x, y });
        fillText(text, x, y);
      };
    },
    afterDatasetDraw(chart, { meta }) {
      delete (chart.ctx as { fillText?: unknown }).fillText;
      bands = (meta.data as unknown as (BandGeometry & { flow: number })[]).map(({ x, x2, y, y2, height, flow }) => ({ x, x2, y, y2, height, flow }));
    },
  };
  let png: Buffer;
  beforeAll(async () => {
    Chart.register(recorder);
    try {
      png = await renderLocal(buildMigrationFlowChart(crossing) as ChartConfig);
    } finally {
      Chart.unregister(recorder);
    }
    writeFileSync(`${OUT_DIR}migration-flow-crossing.png`, png);
  });
  const counts = () => written.filter(({ text }) => /^[\d,]+$/.test(text));
  const bandOf = (text: string) => bands.find((band) => band.flow === Number(text.replace(/,/g, '')))!;
  const onBand = (band: BandGeometry, x: number, y: number) => y > sampledTopAt(band, x) && y < sampledTopAt(band, x) + band.height;

  it('GIVEN the two bands centred on one point THEN they do', () => {
    const centre = ({ y, y2, height }: BandGeometry) => (y + y2 + height) / 2;
    expect(centre(bandOf('780'))).toBeCloseTo(centre(bandOf('160')), 6);
  });

  it('GIVEN four bands thick enough THEN each count is written once, with its band\'s own number', () => {
    expect(counts().map(({ text }) => text).sort()).toEqual(['160', '400', '650', '780']);
  });

  it('GIVEN a thin band crossing a thick one THEN each count lies on its own band and on no other', () => {
    for (const { text, x, y } of counts()) {
      expect(onBand(bandOf(text), x, y), `${text} on its band`).toBe(true);
      const others = bands.filter((band) => band !== bandOf(text) && onBand(band, x, y));
      expect(others.map((band) => band.flow), `bands under ${text}`).toEqual([]);
    }
  });

  it('GIVEN counts THEN no two share a spot, and a band no other crosses keeps its count in the middle', () => {
    for (const [index, count] of counts().entries()) {
      for (const other of counts().slice(index + 1)) {
        // A count's box is some 31 × 21 px.
        expect(Math.abs(count.x - other.x) >= 31 || Math.abs(count.y - other.y) >= 21, `${count.text} clear of ${other.text}`).toBe(true);
      }
    }
    const rise = counts().find(({ text }) => text === '400')!;
    expect(rise.x).toBeCloseTo((bandOf('400').x + bandOf('400').x2) / 2, 6);
  });
});

describe('bandTopAt', () => {
  it('GIVEN a band climbing 200 px THEN its top edge at any x is where the drawn Bézier passes', () => {
    const band = { x: 257, x2: 749, y: 377, y2: 177, height: 14 };
    for (const px of [257, 300, 400, 503, 600, 700, 749]) expect(bandTopAt(band, px)).toBeCloseTo(sampledTopAt(band, px), 0);
    expect(bandTopAt(band, 503)).toBeCloseTo(277, 6);
  });
});
