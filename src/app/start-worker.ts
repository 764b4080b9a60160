import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker from a module next to the caller. Segmenta runs its TypeScript through tsx, and on Node 20 a
 * worker ignores both a loader registered with module.register() in its parent and `--import` in its execArgv,
 * so a .ts worker boots from a tiny script that registers tsx first and then imports the real module.
 */
export function startWorker(moduleUrl: URL, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData, transferList });
  // require.resolve('tsx/esm/api') finds the CommonJS build; the worker needs the ESM one beside it.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
  return new Worker(boot, { eval: true, workerData, transferList });
}
