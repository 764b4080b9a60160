/**
 * One import of a whole file on a worker thread into a fresh database, as the bot runs it, with the figures the
 * issues name. Peak RSS is the process's, so each file is benchmarked in a process of its own.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runImportInWorker } from '../src/app/import/run-import.js';
import { prepareWorkers } from '../src/app/workers/worker-bundles.js';

export interface ImportTargets {
  /** Wall-time target in seconds, as the issue names it. */
  wallSeconds: number;
}

export async function benchImport(file: string, targets: ImportTargets): Promise<void> {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
  // As the bot does before it serves (src/transports/discord/main.ts): the figures are those of a running bot.
  await prepareWorkers();
  const fileName = basename(file);
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-bench-'));
  // The Buffer itself: copying it into a fresh Uint8Array left a second 48 MB in the peak RSS the bench reports.
  const bytes = readFileSync(file);
  const sizeMb = statSync(file).size / 1e6;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const outcome = await runImportInWorker(join(dir, 'bench.db'), {
    guildId: 'bench', userId: 'bench', fileName, bytes, mode: 'append', ingest: {},
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  rmSync(dir, { recursive: true, force: true });
  if (!outcome.ok) throw new Error(`import failed: ${outcome.code}`);
  const rows = outcome.report.rowsRead;
  console.log(`import ${fileName}, ${sizeMb.toFixed(1)} MB (worker thread, fresh database)`);
  console.log(`  rows read ${rows.toLocaleString('en-GB')}, imported ${outcome.report.rowsImported.toLocaleString('en-GB')}`);
  console.log(`  wall ${seconds.toFixed(2)} s  (target < ${targets.wallSeconds} s)`);
  // All threads of the process: less noisy than the wall time for telling whether a change did less work.
  console.log(`  cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s on all threads`);
  console.log(`  ${Math.round(rows / seconds).toLocaleString('en-GB')} rows/s, ${(sizeMb / seconds).toFixed(1)} MB/s`);
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB  (target < 500 MB)`);
  console.log(`  main-thread event loop: max delay ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms  (target max < 50 ms)`);
}
