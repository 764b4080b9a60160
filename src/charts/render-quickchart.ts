import { createRequire } from 'node:module';
import type { ChartConfig } from './chart-config.js';
import { assertChartSize, DEFAULT_CHART_SIZE } from './chart-size.js';
import type { ChartSize } from './types.js';

// quickchart-js types its ESM build as a CommonJS module, so a default import does not type-check;
// its CommonJS build exports the class itself.
type QuickChartClass = (typeof import('quickchart-js'))['default'];
export type QuickChartRequest = InstanceType<QuickChartClass>;
const QuickChart = createRequire(import.meta.url)('quickchart-js') as QuickChartClass;

/**
 * Chart types a QuickChart server cannot be trusted to draw as we mean them: a sankey chart takes its colours and
 * flow counts from code only our local renderer registers (see sankey-local.ts), and whether a server bundles
 * chartjs-chart-sankey at all depends on its version.
 */
const LOCAL_ONLY_TYPES: ReadonlySet<string> = new Set(['sankey']);

/** Whether QuickChart can draw `config`; charts it cannot are drawn locally (see renderer.ts). */
export function quickChartCanDraw(config: ChartConfig): boolean {
  return !LOCAL_ONLY_TYPES.has(config.type);
}

/**
 * A QuickChart request for `config`, ready to send but not sent. `baseUrl` is the team's own
 * QuickChart server (e.g. `http://quickchart.internal:3400`); there is deliberately no default,
 * so customer data never goes to the public service unless someone configures it to.
 */
export function buildQuickChartRequest(
  config: ChartConfig,
  baseUrl: string,
  size: ChartSize = DEFAULT_CHART_SIZE,
): QuickChartRequest {
  assertChartSize(size);
  if (!quickChartCanDraw(config)) throw new Error(`QuickChart cannot draw ${config.type} charts; render them locally`);
  const server = parseServerUrl(baseUrl);
  return new QuickChart()
    .setScheme(server.protocol.slice(0, -1))
    // getBaseUrl() is `${scheme}://${host}`, so a path prefix rides along with the host.
    .setHost(`${server.host}${server.pathname.replace(/\/+$/, '')}`)
    .setConfig(JSON.stringify(config))
    .setVersion('4')
    .setWidth(size.width)
    .setHeight(size.height)
    .setDevicePixelRatio(1)
    .setBackgroundColor('#FFFFFF')
    .setFormat('png');
}

/** Renders `config` to PNG on the QuickChart server at `baseUrl` (HTTP POST). */
export async function renderWithQuickChart(
  config: ChartConfig,
  baseUrl: string,
  size: ChartSize = DEFAULT_CHART_SIZE,
): Promise<Buffer> {
  return buildQuickChartRequest(config, baseUrl, size).toBinary();
}

function parseServerUrl(baseUrl: string): URL {
  let server: URL;
  try {
    server = new URL(baseUrl);
  } catch {
    throw new Error('QuickChart URL is not a valid URL; expected something like http://quickchart.internal:3400');
  }
  if (server.protocol !== 'http:' && server.protocol !== 'https:') {
    throw new Error(`QuickChart URL must start with http:// or https://, got ${server.protocol}//`);
  }
  if (server.search || server.hash || server.username || server.password) {
    throw new Error(`QuickChart URL must be a plain base URL without credentials, query or fragment, got ${server.origin}`);
  }
  return server;
}
