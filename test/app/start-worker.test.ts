import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kRunsWorkerUrl } from '../../src/app/segments/run-k-runs.js';
import { importWorkerUrl } from '../../src/app/import/run-import.js';
import { segmentWorkerUrl } from '../../src/app/segments/run-segmentation.js';
import { startWorker, workerBundlesSettled } from '../../src/app/workers/start-worker.js';
import { prepareWorkers } from '../../src/app/workers/worker-bundles.js';
import { chartWorkerUrl } from '../../src/app/workers/worker-charts.js';
import { uploadWriterWorkerUrl } from '../../src/app/import/worker-writer.js';
import { buildBundle } from '../../src/worker-boot/bundle-build.js';
import { bundleSlot, freshBundle, storeBundle } from '../../src/worker-boot/bundle-cache.js';
import { projectFile } from '../helpers.js';
import { freshBundle as freshBinBundle } from '../../bin/fresh-bundle.js';

const firstMessage = (worker: Worker) =>
  new Promise<unknown>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });

describe('starting a TypeScript worker', () => {
  let dir: string;
  let entry: string;
  const write = (name: string, source: string) => writeFileSync(join(dir, name), source);
  const run = async () => {
    const worker = startWorker(pathToFileURL(entry), { greeting: 'hi' });
    try {
      return await firstMessage(worker);
    } finally {
      await worker.terminate();
    }
  };
  const bundleNow = async () => storeBundle(entry, await buildBundle(entry));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-start-worker-'));
    entry = join(dir, 'worker.ts');
    // As in this project: without it, tsx loads the .ts files as CommonJS.
    write('package.json', '{ "type": "module" }\n');
    write('answer.ts', 'export const answer: number = 1;\n');
    write('worker.ts', "import { parentPort, workerData } from 'node:worker_threads';\nimport { answer } from './answer.js';\nparentPort!.postMessage({ answer, workerData });\n");
  });
  afterEach(async () => {
    // A start that found no fresh bundle is still building one in the background.
    await workerBundlesSettled();
    rmSync(bundleSlot(entry), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN no bundle yet THEN it boots through tsx and leaves a bundle for the next start', async () => {
    expect(freshBundle(entry)).toBeUndefined();
    expect(await run()).toEqual({ answer: 1, workerData: { greeting: 'hi' } });
    await workerBundlesSettled();
    expect(freshBundle(entry)).toBeDefined();
    expect(await run()).toEqual({ answer: 1, workerData: { greeting: 'hi' } });
  });

  it('GIVEN a dependency edited after bundling THEN the next worker runs the edited code', async () => {
    await bundleNow();
    expect(freshBundle(entry)).toBeDefined();
    expect(freshBinBundle(entry)).toBe(freshBundle(entry));
    write('answer.ts', 'export const answer: number = 2;\n');
    expect(freshBundle(entry)).toBeUndefined();
    expect(freshBinBundle(entry)).toBeUndefined();
    expect(await run()).toEqual({ answer: 2, workerData: { greeting: 'hi' } });
  });

  it('GIVEN inputs already checked and untouched since THEN they are not read again; one touched is', async () => {
    // Sources last changed a minute ago, as a running bot's are.
    const minuteAgo = new Date(Date.now() - 60_000);
    for (const name of ['package.json', 'answer.ts', 'worker.ts']) utimesSync(join(dir, name), minuteAgo, minuteAgo);
    await bundleNow();
    expect(freshBundle(entry)).toBeDefined();
    // Same size and the same time: only reading the bytes could tell, and a checked input is not read again.
    const { mtime } = statSync(join(dir, 'answer.ts'));
    write('answer.ts', 'export const answer: number = 3;\n');
    utimesSync(join(dir, 'answer.ts'), mtime, mtime);
    expect(freshBundle(entry)).toBeDefined();
    // An edit as an editor makes it, with a new time: checked again, stale.
    write('answer.ts', 'export const answer: number = 4;\n');
    expect(freshBundle(entry)).toBeUndefined();
    expect(await run()).toEqual({ answer: 4, workerData: { greeting: 'hi' } });
  });

  it('GIVEN a module that reads a file beside itself THEN the bundled worker still finds it', async () => {
    write('note.txt', 'beside the source');
    write('worker.ts', "import { readFileSync } from 'node:fs';\nimport { parentPort } from 'node:worker_threads';\nparentPort!.postMessage([readFileSync(new URL('./note.txt', import.meta.url), 'utf8'), import.meta.dirname]);\n");
    await bundleNow();
    expect(freshBundle(entry)).toBeDefined();
    expect(await run()).toEqual(['beside the source', dir]);
  });

  it('GIVEN a crash in a bundled worker THEN the stack names the .ts file and line', async () => {
    write('answer.ts', "export function answer(): number {\n  throw new Error('no answer');\n}\n");
    write('worker.ts', "import { parentPort } from 'node:worker_threads';\nimport { answer } from './answer.js';\ntry {\n  answer();\n} catch (error) {\n  parentPort!.postMessage((error as Error).stack);\n}\n");
    await bundleNow();
    expect(freshBundle(entry)).toBeDefined();
    expect(await run()).toContain(`${join(dir, 'answer.ts')}:2:`);
  });

  it('GIVEN an import of a computed specifier THEN bundling is refused and the worker still boots through tsx', async () => {
    write('worker.ts', "import { parentPort } from 'node:worker_threads';\nconst name = './answer.js';\nconst { answer } = await import(name);\nparentPort!.postMessage({ answer });\n");
    await expect(buildBundle(entry)).rejects.toThrow(/computed specifier/);
    expect(await run()).toEqual({ answer: 1 });
  });
});

describe('the worker bundles', () => {
  it('GIVEN the segmentation worker THEN ml-kmeans\'s ES modules are inlined and CommonJS packages are imported from node_modules', async () => {
    const bundle = await buildBundle(projectFile('src/app/segments/segment-worker.ts'));
    const code = Buffer.from(bundle.files.find((file) => file.name === bundle.entryFile)!.contents).toString('utf8');
    expect(code).not.toMatch(/from "[^"]*ml-kmeans/);
    expect(code).toContain(`from "${projectFile('node_modules/better-sqlite3/lib/index.js')}"`);
    expect([...bundle.inputs.keys()]).toContain(projectFile('node_modules/ml-kmeans/lib/kmeans.js'));
    expect(readFileSync(projectFile('src/app/segments/segment-worker.ts'))).toEqual(bundle.inputs.get(projectFile('src/app/segments/segment-worker.ts')));
  });

  it('GIVEN the import worker THEN an ES module package (fflate) is inlined', async () => {
    const bundle = await buildBundle(projectFile('src/app/import/import-worker.ts'));
    const code = Buffer.from(bundle.files.map((file) => Buffer.from(file.contents).toString('utf8')).join('\n'));
    expect(code.toString()).not.toMatch(/from "[^"]*fflate/);
    expect([...bundle.inputs.keys()]).toContain(projectFile('node_modules/fflate/esm/index.mjs'));
  });

  it('GIVEN a stored build of the same inputs whose files differ THEN storing a build replaces it, and the cache finds it fresh', async () => {
    const entry = projectFile('src/app/segments/k-runs-worker.ts');
    const bundle = await buildBundle(entry);
    storeBundle(entry, bundle);
    const manifest = JSON.parse(readFileSync(join(bundleSlot(entry), 'manifest.json'), 'utf8')) as { key: string; files: string[] };
    // As an older builder left it: the same key, other file names (its chunks were named from other path comments).
    const keyDir = join(bundleSlot(entry), manifest.key);
    rmSync(keyDir, { recursive: true, force: true });
    mkdirSync(keyDir);
    writeFileSync(join(keyDir, 'chunk-OTHER.mjs'), '');
    expect(freshBundle(entry)).toBeUndefined();
    storeBundle(entry, bundle);
    expect(freshBundle(entry)).toBe(join(keyDir, bundle.entryFile));
  });

  it('GIVEN the CLI, whose zod mentions `import()` in a comment THEN it bundles, and bin/fresh-bundle.js finds the same bundle as the cache', async () => {
    const entry = projectFile('src/transports/cli/main.ts');
    storeBundle(entry, await buildBundle(entry));
    expect(freshBundle(entry)).toBeDefined();
    expect(freshBinBundle(entry)).toBe(freshBundle(entry));
  });
});

describe('preparing the workers before serving', () => {
  it('GIVEN the project\'s workers THEN each has a fresh bundle afterwards', async () => {
    await prepareWorkers();
    for (const url of [importWorkerUrl, uploadWriterWorkerUrl, segmentWorkerUrl, kRunsWorkerUrl, chartWorkerUrl]) expect(freshBundle(fileURLToPath(url)), url.pathname).toBeDefined();
  });
});
