import { buildChooseKChart } from '../../charts/choose-k.js';
import { buildMonetaryBoxplotChart } from '../../charts/monetary-boxplot.js';
import { buildRecencyMonetaryChart } from '../../charts/recency-monetary.js';
import type { ChartConfig, ChartRenderer } from '../../charts/renderer.js';
import { buildSegmentSizesChart } from '../../charts/segment-sizes.js';
import { buildSnakePlotChart } from '../../charts/snake-plot.js';
import { RETURNED_EVERYTHING } from '../../segment/returned-everything.js';
import { scaledRfm, segmentMeans } from '../../segment/scaling.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository, type RunRecord } from '../../store/runs.js';
import type { AppContext } from '../context.js';
import type { Locale, ReplyFile } from '../reply.js';
import { shownSegmentName } from './segment-names.js';
import type { RunView } from './segment-views.js';

/** Chart configs for a run through one lens, by file name, in the order a reader wants them. Pure but for the read. */
export function segmentChartConfigs(db: Db, guildId: string, run: RunRecord, view: RunView, locale: Locale): [string, ChartConfig][] {
  const customers = runsRepository(db).chartPoints(guildId, run.runId);
  const storedSegmentOf = (c: (typeof customers)[number]) => (view.lens === 'clusters' ? c.segment : c.gridSegment) ?? c.gridSegment;
  // Charts show names as the reader's language has them; the palette knows both spellings.
  const segmentOf = (c: (typeof customers)[number]) => shownSegmentName(storedSegmentOf(c), locale);
  const ordered = view.segments.map((segment) => shownSegmentName(segment.name, locale));
  const configs: [string, ChartConfig][] = [
    ['segment-sizes.png', buildSegmentSizesChart({ segments: view.segments.map((s) => ({ name: shownSegmentName(s.name, locale), customers: s.customers, revenue: s.revenue })) }, { locale }) as ChartConfig],
    [
      'recency-vs-spend.png',
      buildRecencyMonetaryChart(
        // Spend at or below zero (net returns) has no place on a log axis.
        { customers: customers.filter((c) => c.monetary > 0).map((c) => ({ segment: segmentOf(c), recencyDays: c.recencyDays, monetary: c.monetary })) },
        { locale },
      ) as ChartConfig,
    ],
    [
      'spend-by-segment.png',
      buildMonetaryBoxplotChart(
        { segments: ordered.map((name) => ({ name, values: customers.filter((c) => segmentOf(c) === name && c.monetary > 0).map((c) => c.monetary) })) },
        { locale },
      ) as ChartConfig,
    ],
  ];
  // The snake plot of any lens: mean scaled R, F and M per segment (for clusters, their centroids). Customers who
  // returned everything are outside the clusters' feature space, so in that lens they have no point either.
  const plotted = view.lens === 'clusters' ? customers.filter((c) => c.segment !== RETURNED_EVERYTHING) : customers;
  const means = segmentMeans(scaledRfm(plotted).matrix, plotted.map(segmentOf));
  configs.push([
    'segment-profiles.png',
    buildSnakePlotChart(
      // A segment can be left without members in the store after /data forget; it has no point to draw.
      { segments: ordered.flatMap((name) => { const point = means.get(name); return point ? [{ name, recency: point[0]!, frequency: point[1]!, monetary: point[2]! }] : []; }) },
      { locale },
    ) as ChartConfig,
  ]);
  // One candidate (a forced k is the only k clustered) is a point, not a curve to choose from.
  if (run.method === 'kmeans' && run.k !== null && run.details.candidates.length >= 2) {
    configs.push(['choosing-k.png', buildChooseKChart({ candidates: run.details.candidates, chosenK: run.k }, { locale }) as ChartConfig]);
  }
  return configs;
}

/** What a thread with its own connection needs to read and draw a run's charts (`segmentChartConfigs`). */
export interface SegmentChartsJob {
  databasePath: string;
  guildId: string;
  run: RunRecord;
  view: RunView;
  locale: Locale;
}

/** A renderer that reads and draws a run's charts itself, on another thread (the chart worker). */
interface RunChartsDrawer {
  segmentCharts(job: SegmentChartsJob): Promise<ReplyFile[]>;
}

const drawsRuns = (renderer: ChartRenderer): renderer is ChartRenderer & RunChartsDrawer => typeof (renderer as Partial<RunChartsDrawer>).segmentCharts === 'function';

/**
 * The run's charts as PNG attachments, none when the app draws no charts. With the chart worker and a database file,
 * the worker reads the customers and builds the configs too, so the thread that answers members only waits; an
 * in-memory database (tests) is read here, where it lives.
 */
export async function runCharts(app: AppContext, guildId: string, run: RunRecord, view: RunView, locale: Locale): Promise<ReplyFile[]> {
  if (!app.charts) return [];
  if (drawsRuns(app.charts) && app.databasePath !== ':memory:') return app.charts.segmentCharts({ databasePath: app.databasePath, guildId, run, view, locale });
  return segmentCharts(app.charts, segmentChartConfigs(app.db, guildId, run, view, locale));
}

/** The run's charts as PNG attachments. */
export async function segmentCharts(renderer: ChartRenderer, configs: readonly [string, ChartConfig][]): Promise<ReplyFile[]> {
  return Promise.all(configs.map(async ([name, config]) => ({ name, data: await renderer.render(config), contentType: 'image/png' as const })));
}
