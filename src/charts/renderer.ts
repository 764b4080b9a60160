import type { ChartConfig } from './chart-config.js';
import { renderLocal } from './render-local.js';
import { renderWithQuickChart } from './render-quickchart.js';
import type { ChartSize } from './types.js';

export type { ChartConfig } from './chart-config.js';

export interface ChartRenderer {
  /** PNG of `config`, 1000 × 560 unless `size` says otherwise. */
  render(config: ChartConfig, size?: ChartSize): Promise<Buffer>;
  /** Stops what the renderer started (a worker thread); renderers that start nothing have none. */
  close?(): Promise<void>;
}

export interface RendererOptions {
  /** 'local' draws in-process with Skia; 'quickchart' posts to a self-hosted QuickChart server. */
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
      return { render: (config, size) => renderWithQuickChart(config, quickchartUrl, size) };
    }
    default:
      throw new Error(`unknown chart renderer kind: ${String((options as { kind: unknown }).kind)}`);
  }
}
