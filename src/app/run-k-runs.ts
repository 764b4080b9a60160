import type { ChooseKOptions, KRun } from '../segment/choose-k.js';
import type { FeatureMatrix } from '../segment/types.js';
import { startWorker } from './start-worker.js';

export type KRunsWorkerMessage = { type: 'runs'; runs: KRun[] } | { type: 'crash'; message: string };

export const kRunsWorkerUrl = new URL(`./k-runs-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * `kRuns` on a worker thread of its own. The matrix is copied to it (4,338 customers: 100 kB). Aborting the
 * signal terminates the worker and rejects.
 */
export function kRunsInWorker(
  matrix: FeatureMatrix,
  ks: readonly number[],
  options: Pick<ChooseKOptions, 'seed' | 'restarts'>,
  signal?: AbortSignal,
): Promise<KRun[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(kRunsWorkerUrl, { matrix, ks, options });
    let settled = false;
    const settle = (action: () => void) => {
      if (!settled) action();
      settled = true;
    };
    signal?.addEventListener('abort', () => settle(() => {
      void worker.terminate();
      reject(new Error('k-means worker aborted'));
    }), { once: true });
    worker.on('message', (message: KRunsWorkerMessage) =>
      settle(() => (message.type === 'runs' ? resolve(message.runs) : reject(new Error(`k-means worker failed: ${message.message}`)))),
    );
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`k-means worker exited with code ${code}`))));
  });
}
