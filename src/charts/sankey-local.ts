import type { Chart, FontSpec, Plugin, ScriptableContext } from 'chart.js';
import { toFont } from 'chart.js/helpers';
import { flowCountPositions, type BandGeometry } from './flow-count-placement.js';

/**
 * What chartjs-chart-sankey needs from our local renderer. The plugin takes per-flow colours only from callbacks,
 * and writes a flow's count as bare digits ("1434") on top of the bands drawn before it, under those drawn after.
 * A config must stay plain data (it is cloned, posted to the chart worker), so the builders put each flow's colours
 * and whether to print its count on the flow's data point (see migration-flow.ts), and this file reads them back.
 */

/** A sankey flow as our builders write it. */
interface FlowHints {
  fromColor?: string;
  toColor?: string;
  showCount?: boolean;
}

/** What the counts need of a flow element: where its band lies, and the customers it carries. */
interface FlowElement extends BandGeometry {
  flow: number;
}

interface FlowCountStyle {
  color?: string;
  backgroundColor?: string;
  borderRadius?: number;
  padding?: number;
  font?: Partial<FontSpec>;
}

const hintsOf = (context: ScriptableContext<'sankey'>) => (context.raw ?? {}) as FlowHints;
const FALLBACK_COLOR = '#8C8C8C';

/** Dataset defaults for every sankey chart: colours from the data points; the plugin's own bare counts off. */
export const SANKEY_DEFAULTS = {
  colorFrom: (context: ScriptableContext<'sankey'>) => hintsOf(context).fromColor ?? FALLBACK_COLOR,
  colorTo: (context: ScriptableContext<'sankey'>) => hintsOf(context).toColor ?? FALLBACK_COLOR,
  flowLabels: { display: false },
};

/**
 * Writes the count of every flow marked `showCount`, in the chart's locale ("1,434", "1.434"), on its band where no
 * other band crosses it and clear of the other counts (see flow-count-placement.ts), after all bands are drawn so
 * none covers a count. Styled by the dataset's `flowLabels`. Our builders draw sankeys left to right only.
 */
export const sankeyFlowCounts: Plugin = {
  id: 'segmentaSankeyFlowCounts',
  afterDatasetDraw(chart: Chart, { index, meta }) {
    if (meta.type !== 'sankey') return;
    const dataset = chart.data.datasets[index] as { data: FlowHints[]; flowLabels?: FlowCountStyle };
    const style = dataset.flowLabels ?? {};
    const font = toFont(style.font ?? {});
    const padding = style.padding ?? 2;
    const format = new Intl.NumberFormat(chart.options.locale, { maximumFractionDigits: 0 });
    // chartjs-chart-sankey makes one element per data point, in the data's order.
    const bands = meta.data as unknown as FlowElement[];
    const { ctx } = chart;
    ctx.save();
    ctx.font = font.string;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const counts = bands.flatMap((band, flowIndex) => {
      if (!dataset.data[flowIndex]?.showCount) return [];
      const text = format.format(band.flow);
      return [{ text, box: { band: flowIndex, width: ctx.measureText(text).width + 2 * padding, height: font.lineHeight + 2 * padding } }];
    });
    const positions = flowCountPositions(bands, counts.map(({ box }) => box));
    counts.forEach(({ text, box }, countIndex) => {
      const { x, y } = positions[countIndex]!;
      if (style.backgroundColor) {
        ctx.fillStyle = style.backgroundColor;
        ctx.beginPath();
        ctx.roundRect(x - box.width / 2, y - box.height / 2, box.width, box.height, style.borderRadius ?? 0);
        ctx.fill();
      }
      ctx.fillStyle = style.color ?? '#000000';
      ctx.fillText(text, x, y);
    });
    ctx.restore();
  },
};
