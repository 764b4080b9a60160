import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { importUpload } from '../../src/app/import/import-upload.js';
import { runCharts, segmentChartConfigs, segmentCharts } from '../../src/app/segments/segment-charts.js';
import { segmentDataset } from '../../src/app/segments/segment-dataset.js';
import { latestRun, runView } from '../../src/app/segments/segment-views.js';
import { workerChartRenderer } from '../../src/app/workers/worker-charts.js';
import { createRenderer } from '../../src/charts/renderer.js';
import { renderLocal } from '../../src/charts/render-local.js';
import { buildSnakePlotChart } from '../../src/charts/snake-plot.js';
import { hasPngSignature, pngSize } from '../charts/png.js';
import { projectFile, temporaryApp } from '../helpers.js';

const config = buildSnakePlotChart({ segments: [{ name: 'Champions', recency: -1, frequency: 1, monetary: 1 }] });

describe('workerChartRenderer', () => {
  let renderer: ReturnType<typeof workerChartRenderer> | undefined;
  afterEach(async () => {
    await renderer?.close();
    renderer = undefined;
  });

  it('GIVEN configs THEN the worker draws the very PNGs the main thread would, several at a time', async () => {
    const charts = (renderer = workerChartRenderer());
    const size = { width: 500, height: 280 };
    const [first, second] = await Promise.all([charts.render(config, size), charts.render(config)]);
    expect(hasPngSignature(first!)).toBe(true);
    expect(pngSize(first!)).toEqual(size);
    expect(pngSize(second!)).toEqual({ width: 1000, height: 560 });
    expect(first!.equals(await renderLocal(config, size))).toBe(true);
  });

  it('GIVEN a chart that cannot be drawn THEN only that chart fails and the worker draws the next', async () => {
    const charts = (renderer = workerChartRenderer());
    await expect(charts.render(config, { width: 0, height: 10 })).rejects.toThrow(/chart worker failed: RangeError: chart size must be whole pixels/);
    expect(hasPngSignature(await charts.render(config, { width: 20, height: 20 }))).toBe(true);
  });

  it('GIVEN the renderer closed with a chart pending THEN that chart is refused and a later chart starts a new worker', async () => {
    const charts = (renderer = workerChartRenderer());
    const refused = expect(charts.render(config)).rejects.toThrow(/chart worker closed/);
    await charts.close();
    await refused;
    expect(hasPngSignature(await charts.render(config, { width: 20, height: 20 }))).toBe(true);
  });

  it('GIVEN prepare() before the first chart THEN the worker is started once and draws the chart', async () => {
    const charts = (renderer = workerChartRenderer());
    charts.prepare();
    charts.prepare();
    const png = await charts.render(config, { width: 40, height: 30 });
    expect(hasPngSignature(png)).toBe(true);
  });

  it('GIVEN a run in a database file THEN the worker reads and draws its charts, the same PNGs in the same order as this thread would', async () => {
    const app = temporaryApp();
    try {
      const bytes = new Uint8Array(readFileSync(projectFile('data/sample_online_retail.csv')));
      await importUpload(app.db, { guildId: 'g', userId: 'u', fileName: 'sample.csv', bytes, mode: 'append', dataset: 'shop', ingest: {} });
      expect(segmentDataset(app.db, { guildId: 'g', convention: 'net', now: new Date('2026-01-01T00:00:00Z') }).ok).toBe(true);
      const latest = latestRun(app.db, 'g', undefined);
      if (!latest.ok) throw new Error(latest.code);
      const view = runView(app.db, 'g', latest.dataset, latest.run, 'clusters');
      const charts = (renderer = workerChartRenderer());

      const drawn = await runCharts({ ...app, charts }, 'g', latest.run, view, 'id');
      const here = await segmentCharts(createRenderer({ kind: 'local' }), segmentChartConfigs(app.db, 'g', latest.run, view, 'id'));
      expect(drawn.map((file) => file.name)).toEqual(here.map((file) => file.name));
      expect(drawn.length).toBeGreaterThanOrEqual(4);
      drawn.forEach((file, index) => expect(file.data.equals(here[index]!.data), file.name).toBe(true));
      expect(drawn.every((file) => file.contentType === 'image/png')).toBe(true);
    } finally {
      app.cleanup();
    }
  });

  it('GIVEN a process that prepared the renderer and drew nothing THEN it still exits on its own', async () => {
    const script = `
      import { workerChartRenderer } from ${JSON.stringify(projectFile('src/app/workers/worker-charts.ts'))};
      workerChartRenderer().prepare();
      console.log('prepared');
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectFile('.'), timeout: 60_000 });
    expect(stdout.trim()).toBe('prepared');
  });

  it('GIVEN a process that drew a chart and never closed the renderer THEN it still exits on its own', async () => {
    const script = `
      import { workerChartRenderer } from ${JSON.stringify(projectFile('src/app/workers/worker-charts.ts'))};
      import { buildSnakePlotChart } from ${JSON.stringify(projectFile('src/charts/snake-plot.ts'))};
      const png = await workerChartRenderer().render(buildSnakePlotChart({ segments: [] }), { width: 20, height: 20 });
      console.log(png.length > 0 ? 'drawn' : 'empty');
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectFile('.'), timeout: 60_000 });
    expect(stdout.trim()).toBe('drawn');
  });
});
