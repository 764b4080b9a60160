import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKGROUND_WORKERS_ENV, startWorkersInBackground, WORKER_NICE } from '../../src/app/workers/background-thread.js';
import { startWorker, workerBundlesSettled } from '../../src/app/workers/start-worker.js';
import { bundleSlot } from '../../src/worker-boot/bundle-cache.js';
import { projectFile } from '../helpers.js';

/** The nice value of a thread of this process, from /proc (field 19 of its stat line). */
const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);

describe.runIf(process.platform === 'linux')('worker threads run in the background', () => {
  let dir: string;
  let entry: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-background-'));
    entry = join(dir, 'worker.ts');
  });
  afterEach(async () => {
    await workerBundlesSettled();
    rmSync(bundleSlot(entry), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `check` with BACKGROUND_WORKERS_ENV unset, as in a process that has not asked for background workers. */
  const withoutBackgroundSetting = async (check: () => Promise<void>) => {
    const before = process.env[BACKGROUND_WORKERS_ENV];
    try {
      delete process.env[BACKGROUND_WORKERS_ENV];
      await check();
    } finally {
      if (before === undefined) delete process.env[BACKGROUND_WORKERS_ENV];
      else process.env[BACKGROUND_WORKERS_ENV] = before;
    }
  };
  const niceOfWorker = async () => {
    const worker = startWorker(pathToFileURL(entry), undefined);
    try {
      return niceOf(
        await new Promise<string>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
      );
    } finally {
      await worker.terminate();
    }
  };

  it('GIVEN a process that serves people (the bot) THEN its workers are niced, its main thread is not; a CLI process leaves them alone', async () => {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      entry,
      [
        "import { readFileSync } from 'node:fs';",
        "import { parentPort } from 'node:worker_threads';",
        `import { runAsBackgroundThread } from ${JSON.stringify(pathToFileURL(projectFile('src/app/workers/background-thread.ts')).href)};`,
        'runAsBackgroundThread();',
        "parentPort!.postMessage(readFileSync('/proc/thread-self/stat', 'utf8'));",
      ].join('\n'),
    );
    await withoutBackgroundSetting(async () => {
      expect(await niceOfWorker()).toBe(0);
      startWorkersInBackground();
      expect(await niceOfWorker()).toBe(WORKER_NICE);
      expect(niceOf(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(0);
    });
  });

  it('GIVEN a background worker THEN it is niced before its code loads, not only once its module runs', async () => {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    // Reads its nice value as its first statement and never lowers it itself.
    writeFileSync(entry, ["import { readFileSync } from 'node:fs';", "import { parentPort } from 'node:worker_threads';", "parentPort!.postMessage(readFileSync('/proc/thread-self/stat', 'utf8'));"].join('\n'));
    await withoutBackgroundSetting(async () => {
      expect(await niceOfWorker()).toBe(0);
      startWorkersInBackground();
      // Both boots: through tsx (no bundle yet) and from the bundle built meanwhile.
      expect(await niceOfWorker()).toBe(WORKER_NICE);
      await workerBundlesSettled();
      expect(await niceOfWorker()).toBe(WORKER_NICE);
    });
  });
});
