import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/**
 * Where an upload's time goes, for `bench/upload-phases.ts`: when the environment variable SEGMENTA_PHASE_TRACE
 * names a file, each thread appends one JSON line per mark (its name, the wall clock in ms since the epoch, the
 * process's CPU time so far, the thread, the process's resident memory) as it passes the mark. CPU time is the whole process's, every thread
 * included: on a machine shared with other work it tells a phase that did less from one that waited less. Workers inherit the variable, so one file collects every thread's marks. Without
 * the variable a mark costs one comparison; with it, one small synchronous append (the marks are a few dozen).
 */
const traceFile = process.env.SEGMENTA_PHASE_TRACE || undefined;

export interface PhaseMark {
  name: string;
  /** performance.timeOrigin + performance.now(): comparable across threads. */
  at: number;
  /** User + system CPU ms of the whole process so far. */
  cpu: number;
  thread: number;
  /** Resident memory of the whole process at the mark, MB (absent on the process-start mark). */
  rssMb?: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function markPhase(name: string): void {
  if (traceFile === undefined) return;
  const mark: PhaseMark = {
    name, at: performance.timeOrigin + performance.now(), cpu: cpuMs(), thread: threadId, rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
  };
  appendFileSync(traceFile, `${JSON.stringify(mark)}\n`);
}

/** The mark of the moment this process started (node's own time origin), written by the main thread once. */
export function markProcessStart(): void {
  if (traceFile === undefined) return;
  appendFileSync(traceFile, `${JSON.stringify({ name: 'process start', at: performance.timeOrigin, cpu: 0, thread: threadId } satisfies PhaseMark)}\n`);
}
