import { kRunsWorkerUrl } from '../segments/run-k-runs.js';
import { importWorkerUrl } from '../import/run-import.js';
import { segmentWorkerUrl } from '../segments/run-segmentation.js';
import { prepareWorkerBundle } from './start-worker.js';
import { chartWorkerUrl } from './worker-charts.js';
import { uploadWriterWorkerUrl } from '../import/worker-writer.js';
import { erasureWorkerUrl } from '../workspace/run-erasure.js';
import { inspectWorkerUrl } from '../import/run-inspect.js';

/**
 * Builds the bundle of every worker Segmenta starts, where it is missing or stale. A long-running process (the bot,
 * the console) calls it before serving, so its first upload neither boots workers through tsx nor builds a bundle
 * on the main thread while the import runs.
 */
export async function prepareWorkers(): Promise<void> {
  await Promise.all([importWorkerUrl, uploadWriterWorkerUrl, segmentWorkerUrl, kRunsWorkerUrl, chartWorkerUrl, erasureWorkerUrl, inspectWorkerUrl].map((url) => prepareWorkerBundle(url)));
}
