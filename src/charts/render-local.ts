import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { BoxAndWiskers, BoxPlotController } from '@sgratzl/chartjs-chart-boxplot';
import { Chart, registerables, type ChartItem, type Plugin, type Scale } from 'chart.js';
import { Flow, SankeyController } from 'chartjs-chart-sankey';
import type { ChartConfig } from './chart-config.js';
import { assertChartSize, DEFAULT_CHART_SIZE } from './chart-size.js';
import { SANKEY_DEFAULTS, sankeyFlowCounts } from './sankey-local.js';
import type { ChartSize } from './types.js';

/**
 * An alias rather than "DejaVu Sans", so a different DejaVu installed on the host is never
 * picked instead: the bundled files give the same pixels on every machine.
 */
export const CHART_FONT_FAMILY = 'Segmenta DejaVu Sans';

const BUNDLED_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

const whiteBackground: Plugin = {
  id: 'segmentaWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Chart.js labels every log tick in the top fifth of an axis, which crowds "70,000 80,000 100,000"
 * together. Labelling only 1-2-5 steps, in compact form (10K, 10 rb), reads as 10, 20, 50, 100, ...
 * and fits a horizontal axis without rotating. The builders put both ends of a log axis on a step.
 */
function formatLogTick(this: Scale, value: number | string): string {
  const numeric = Number(value);
  const significand = numeric / 10 ** Math.floor(Math.log10(numeric));
  const onStep = [1, 2, 5, 10].some((step) => Math.abs(significand - step) < 1e-9);
  return onStep ? new Intl.NumberFormat(this.chart.options.locale, { notation: 'compact' }).format(numeric) : '';
}

let chartJsReady = false;

/**
 * Draws a Chart.js config onto a Skia canvas and encodes it as PNG, with no browser or network.
 * The config must be plain data (no callbacks): it is deep-copied because Chart.js writes into
 * the config it is given.
 */
export async function renderLocal(config: ChartConfig, size: ChartSize = DEFAULT_CHART_SIZE): Promise<Buffer> {
  assertChartSize(size);
  prepareChartJs();
  const canvas = createCanvas(size.width, size.height);
  const own = structuredClone(config);
  // Without a DOM, Chart.js uses its basic platform: it draws once, synchronously, in the constructor.
  const chart = new Chart(canvas as unknown as ChartItem, {
    ...own,
    options: { ...own.options, responsive: false, animation: false, devicePixelRatio: 1 },
    plugins: [...(own.plugins ?? []), whiteBackground],
  });
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}

function prepareChartJs(): void {
  if (chartJsReady) return;
  registerBundledFont();
  Chart.register(...registerables, BoxPlotController, BoxAndWiskers, SankeyController, Flow, sankeyFlowCounts);
  Chart.defaults.set('datasets.sankey', SANKEY_DEFAULTS);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.scales.logarithmic.ticks.callback = formatLogTick;
  // Auto-skipping thins 1-2-5 labels unevenly (10, 100, 200, 1K), and rotation is judged as if every
  // minor tick had a label; the 1-2-5 labels alone are spaced enough to keep them all, level.
  Chart.defaults.scales.logarithmic.ticks.autoSkip = false;
  Chart.defaults.scales.logarithmic.ticks.maxRotation = 0;
  chartJsReady = true;
}

function registerBundledFont(): void {
  const require = createRequire(import.meta.url);
  const fontDirectory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of BUNDLED_FONT_FILES) {
    if (!GlobalFonts.registerFromPath(join(fontDirectory, file), CHART_FONT_FAMILY)) {
      throw new Error(`could not register chart font ${join(fontDirectory, file)}`);
    }
  }
}
