import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildBundle } from '../../worker-boot/bundle-build.js';
import { freshBundle, storeBundle } from '../../worker-boot/bundle-cache.js';
import { backgroundNice } from './background-thread.js';

/**
 * Starts a worker from a module next to the caller. Segmenta runs its TypeScript through tsx, and on Node 20 a
 * worker ignores both a loader registered with module.register() in its parent and `--import` in its execArgv.
 * A .ts worker therefore starts from a bundle of its module graph when one is built from the current sources: tsx's
 * loader thread and its per-module hooks cost a worker about 150 ms, and the bundle also tree-shakes what a package
 * exports but the worker never uses. Otherwise it boots through tsx as before, and the bundle is built in the
 * background for the next worker.
 */
export function startWorker(moduleUrl: URL, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  if (!moduleUrl.pathname.endsWith('.ts')) return new Worker(moduleUrl, { workerData, transferList });
  const entryPath = fileURLToPath(moduleUrl);
  const bundle = freshBundle(entryPath);
  if (bundle === undefined) bundleInBackground(entryPath);
  const boot = bundle === undefined ? tsxBoot(moduleUrl) : bundleBoot(bundle);
  return new Worker(`${niceFirst(boot)};`, { eval: true, workerData, transferList });
}

/**
 * The boot expression run after the new thread lowered its priority, when its module would (runAsBackgroundThread):
 * loading its code takes a core for 50-150 ms, and until the module's own call it did so at the main thread's
 * priority, just as a big upload starts, so a member's lookup waited 50-80 ms behind it on a busy 2-core machine.
 */
function niceFirst(boot: string): string {
  const nice = backgroundNice();
  if (nice === undefined) return boot;
  return `${importOf('node:os')}.then((os) => { try { os.setPriority(${nice}); } catch {} return ${boot}; })`;
}

/** Source maps on, as tsx turns them on, so a crash report names the .ts file and line. */
function bundleBoot(bundlePath: string): string {
  return `(process.setSourceMapsEnabled(true), ${importOf(pathToFileURL(bundlePath).href)})`;
}

/**
 * The boot script's import of a module, written so this file's own code never shows `import(` before an
 * expression: workers that start workers bundle this file, and the bundler refuses computed imports.
 */
function importOf(url: string): string {
  return 'import(' + JSON.stringify(url) + ')';
}

function tsxBoot(moduleUrl: URL): string {
  // require.resolve('tsx/esm/api') finds the CommonJS build; the worker needs the ESM one beside it.
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  return `${importOf(tsxApi)}.then((tsx) => { tsx.register(); return ${importOf(moduleUrl.href)}; })`;
}

/** Entries being bundled, and entries whose bundling failed: tried once per process, since tsx still serves them. */
const bundling = new Map<string, Promise<void>>();

function bundleInBackground(entryPath: string): void {
  if (bundling.has(entryPath)) return;
  const done = buildBundle(entryPath)
    .then((bundle) => {
      storeBundle(entryPath, bundle);
      bundling.delete(entryPath);
    })
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      process.emitWarning(`${entryPath} keeps booting through tsx, about 150 ms slower: ${reason}`, 'SegmentaWorkerBundle');
    });
  bundling.set(entryPath, done);
}

/**
 * Builds a .ts worker's bundle now unless a fresh one exists, so the first worker after a deploy or an edit does
 * not boot through tsx, and the build (esbuild's start-up, hashing the sources, writing the files: about 50 ms of
 * this thread in all) is not paid while an upload runs. Never throws: without a bundle, workers boot through tsx.
 */
export async function prepareWorkerBundle(moduleUrl: URL): Promise<void> {
  if (!moduleUrl.pathname.endsWith('.ts')) return;
  const entryPath = fileURLToPath(moduleUrl);
  if (freshBundle(entryPath) === undefined) bundleInBackground(entryPath);
  await bundling.get(entryPath);
}

/** Resolves once every bundle started in this process is stored or has failed; for tests. */
export async function workerBundlesSettled(): Promise<void> {
  await Promise.all(bundling.values());
}
