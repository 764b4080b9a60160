import type { ChartConfig } from './chart-config.js';
import { quickChartCanDraw, renderWithQuickChart } from './render-quickchart.js';
import type { ChartSize } from './types.js';

/**
 * Loads Skia and Chart.js at the first chart drawn in this thread (0.15-0.2 s): a process whose charts are drawn on a
 * worker, or that draws none (most CLI commands), never pays for them.
 */
async function renderLocal(config: ChartConfig, size?: ChartSize): Promise<Buffer> {
  return (await import('./render-local.js')).renderLocal(config, size);
}

export type { ChartConfig } from './chart-config.js';

export interface ChartRenderer {
  /** PNG of `config`, 1000 × 560 unless `size` says otherwise. */
  render(config: ChartConfig, size?: ChartSize): Promise<Buffer>;
  /** Stops what the renderer started (a worker thread); renderers that start nothing have none. */
  close?(): Promise<void>;
  /** Starts what render() needs (a worker thread) ahead of the first chart, so its start-up overlaps other work. */
  prepare?(): void;
}

export interface RendererOptions {
  /**
   * 'local' draws in-process with Skia; 'quickchart' posts to a self-hosted QuickChart server, except the charts
   * QuickChart cannot draw as we mean them (the migration flow), which it draws locally.
   */
  kind: 'local' | 'quickchart';
  /** Base URL of the QuickChart server; required when `kind` is 'quickchart'. */
  quickchartUrl?: string;
}

export function createRenderer(options: RendererOptions): ChartRenderer {
  switch (options.kind) {
    case 'local':
      return { render: (config, size) => renderLocal(config, size) };
    case 'quickchart': {
      const { quickchartUrl } = options;
      if (!quickchartUrl) throw new Error('quickchartUrl is required when the chart renderer is quickchart');
      return {
        render: (config, size) => (quickChartCanDraw(config) ? renderWithQuickChart(config, quickchartUrl, size) : renderLocal(config, size)),
      };
    }
    default:
      throw new Error(`unknown chart renderer kind: ${String((options as { kind: unknown }).kind)}`);
  }
}
