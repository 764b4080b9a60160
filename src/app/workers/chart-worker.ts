import { parentPort } from 'node:worker_threads';
import { renderLocal } from '../../charts/render-local.js';
import { markPhase } from './phase-trace.js';
import type { ChartReply, ChartRequest } from './worker-charts.js';
import { runAsBackgroundThread } from './background-thread.js';

runAsBackgroundThread();

/**
 * Worker thread: draws chart configs to PNG, one request after another, for as long as its process serves. On the
 * main thread, the five charts of an Online Retail reply held it 0.6-1.3 s on this project's busy 2-core machines
 * (the scatter of 4,338 customers alone 0.3-0.6 s), and no member was answered meanwhile.
 */
markPhase('chart worker ready');
const port = parentPort!;

port.on('message', (request: ChartRequest) => {
  renderLocal(request.config, request.size).then(
    (png) => {
      // A copy this thread owns, so it can be transferred rather than cloned: the encoder's buffer may not be detachable.
      markPhase('chart drawn');
      const owned = new Uint8Array(png);
      port.postMessage({ id: request.id, type: 'png', png: owned } satisfies ChartReply, [owned.buffer]);
    },
    (error: unknown) => {
      port.postMessage({ id: request.id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ChartReply);
    },
  );
});
