import type { Worker } from 'node:worker_threads';
import type { ChartConfig, ChartRenderer } from '../../charts/renderer.js';
import type { ChartSize } from '../../charts/types.js';
import { markPhase } from './phase-trace.js';
import type { ReplyFile } from '../reply.js';
import type { SegmentChartsJob } from '../segments/segment-charts.js';
import { startWorker } from './start-worker.js';

export type ChartRequest = { id: number; type: 'config'; config: ChartConfig; size?: ChartSize } | { id: number; type: 'segment-charts'; job: SegmentChartsJob };

export type ChartReply =
  | { id: number; type: 'png'; png: Uint8Array }
  | { id: number; type: 'files'; files: { name: string; png: Uint8Array }[] }
  | { id: number; type: 'failed'; message: string };

export const chartWorkerUrl = new URL(`./chart-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Draws charts locally, as `createRenderer({ kind: 'local' })` does, but on one worker thread of the process, so the
 * thread that answers members never waits on Skia. The worker starts with the first chart, or at prepare(), and then
 * stays, holding the process open only while a chart is being drawn; a worker that fails is replaced at the next
 * chart. close() stops it (a later chart starts another).
 */
export function workerChartRenderer(): ChartRenderer & { close(): Promise<void>; prepare(): void; segmentCharts(job: SegmentChartsJob): Promise<ReplyFile[]> } {
  let current: ChartWorker | undefined;
  const ready = () => {
    if (current === undefined || current.lost) current = new ChartWorker();
    return current;
  };
  return {
    render: (config, size) => ready().render(config, size),
    segmentCharts: (job) => ready().segmentCharts(job),
    // The worker loads Chart.js, Skia and the fonts (0.2-0.4 s) while the caller still computes what to draw.
    prepare: () => void ready(),
    async close() {
      const closing = current;
      current = undefined;
      await closing?.close();
    },
  };
}

/** One worker and the charts it has been asked for. */
class ChartWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (reply: Exclude<ChartReply, { type: 'failed' }>) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  /** The worker failed or exited: it takes no more charts. */
  lost = false;

  constructor() {
    markPhase('chart worker started');
    this.worker = startWorker(chartWorkerUrl, undefined);
    this.worker.on('message', (reply: ChartReply) => {
      const job = this.pending.get(reply.id);
      if (job === undefined) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.type === 'failed') job.reject(new Error(`chart worker failed: ${reply.message}`));
      else job.resolve(reply);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`chart worker exited with code ${code}`)));
    // After the listeners: adding a 'message' listener refs the worker's port again, which held a process that only
    // prepared the renderer open for good.
    this.worker.unref();
  }

  async render(config: ChartConfig, size?: ChartSize): Promise<Buffer> {
    const reply = await this.ask({ id: this.nextId++, type: 'config', config, ...(size ? { size } : {}) });
    if (reply.type !== 'png') throw new Error(`chart worker answered ${reply.type} to a chart`);
    return asBuffer(reply.png);
  }

  async segmentCharts(job: SegmentChartsJob): Promise<ReplyFile[]> {
    const reply = await this.ask({ id: this.nextId++, type: 'segment-charts', job });
    if (reply.type !== 'files') throw new Error(`chart worker answered ${reply.type} to a run's charts`);
    return reply.files.map(({ name, png }) => ({ name, data: asBuffer(png), contentType: 'image/png' as const }));
  }

  private ask(request: ChartRequest): Promise<Exclude<ChartReply, { type: 'failed' }>> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('chart worker closed'));
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.lost = true;
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}

const asBuffer = (png: Uint8Array): Buffer => Buffer.from(png.buffer, png.byteOffset, png.byteLength);
