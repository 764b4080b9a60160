import { parentPort } from 'node:worker_threads';
import { renderLocal } from '../../charts/render-local.js';
import { openDatabase, type Db } from '../../store/open-database.js';
import { runAsBackgroundThread } from './background-thread.js';
import { markPhase } from './phase-trace.js';
import { segmentChartConfigs, type SegmentChartsJob } from '../segments/segment-charts.js';
import type { ChartReply, ChartRequest } from './worker-charts.js';

runAsBackgroundThread();

/**
 * Worker thread: draws chart configs to PNG, one request after another, for as long as its process serves. On the
 * main thread, the five charts of an Online Retail reply held it 0.6-1.3 s on this project's busy 2-core machines
 * (the scatter of 4,338 customers alone 0.3-0.6 s), and no member was answered meanwhile. A run's charts are also
 * read and laid out here: reading 4,338 customers, scaling them and building the configs held the main thread another
 * 0.1-0.3 s in one piece, and cloning the configs across cost more.
 */
markPhase('chart worker ready');
const port = parentPort!;

/** A read-only connection per database file, kept while the worker lives: a run's charts come often. */
const connections = new Map<string, Db>();
const connection = (path: string): Db => {
  let db = connections.get(path);
  if (db === undefined) connections.set(path, (db = openDatabase(path, { readonly: true })));
  return db;
};

async function drawRun(job: SegmentChartsJob): Promise<{ name: string; png: Uint8Array }[]> {
  const configs = segmentChartConfigs(connection(job.databasePath), job.guildId, job.run, job.view, job.locale);
  const files: { name: string; png: Uint8Array }[] = [];
  markPhase('chart configs built');
  for (const [name, config] of configs) {
    files.push({ name, png: new Uint8Array(await renderLocal(config)) });
    markPhase('chart drawn');
  }
  return files;
}

port.on('message', (request: ChartRequest) => {
  const failed = (error: unknown) =>
    port.postMessage({ id: request.id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChartReply);
  if (request.type === 'segment-charts') {
    drawRun(request.job).then((files) => {
      port.postMessage({ id: request.id, type: 'files', files } satisfies ChartReply, files.map((file) => file.png.buffer as ArrayBuffer));
    }, failed);
    return;
  }
  renderLocal(request.config, request.size).then((png) => {
    // A copy this thread owns, so it can be transferred rather than cloned: the encoder's buffer may not be detachable.
    markPhase('chart drawn');
    const owned = new Uint8Array(png);
    port.postMessage({ id: request.id, type: 'png', png: owned } satisfies ChartReply, [owned.buffer]);
  }, failed);
});
