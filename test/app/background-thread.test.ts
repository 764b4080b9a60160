import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_NICE } from '../../src/app/background-thread.js';
import { startWorker, workerBundlesSettled } from '../../src/app/start-worker.js';
import { bundleSlot } from '../../src/worker-boot/bundle-cache.js';
import { projectFile } from '../helpers.js';

/** The nice value of a thread of this process, from /proc (field 19 of its stat line). */
const niceOf = (stat: string) => Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);

describe.runIf(process.platform === 'linux')('worker threads run in the background', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-background-'));
  const entry = join(dir, 'worker.ts');
  afterEach(async () => {
    await workerBundlesSettled();
    rmSync(bundleSlot(entry), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a worker that calls runAsBackgroundThread THEN only its own thread is niced: the main thread keeps answering first', async () => {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      entry,
      [
        "import { readFileSync } from 'node:fs';",
        "import { parentPort } from 'node:worker_threads';",
        `import { runAsBackgroundThread } from ${JSON.stringify(pathToFileURL(projectFile('src/app/background-thread.ts')).href)};`,
        'runAsBackgroundThread();',
        "parentPort!.postMessage(readFileSync('/proc/thread-self/stat', 'utf8'));",
      ].join('\n'),
    );
    const worker = startWorker(pathToFileURL(entry), undefined);
    try {
      const stat = await new Promise<string>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(niceOf(stat)).toBe(WORKER_NICE);
      expect(niceOf(readFileSync('/proc/thread-self/stat', 'utf8'))).toBe(0);
    } finally {
      await worker.terminate();
    }
  });
});
