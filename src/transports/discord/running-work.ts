/**
 * The commands in progress, so a shutdown can stop taking new ones and wait for these to finish.
 * Each entry keeps a way to tell its user when it did not finish in time.
 */
export class RunningWork {
  readonly #running = new Map<Promise<void>, () => Promise<unknown>>();
  #accepting = true;

  constructor(private readonly onError: (error: unknown) => void) {}

  get accepting(): boolean {
    return this.#accepting;
  }

  get size(): number {
    return this.#running.size;
  }

  /** Runs `work` unless a shutdown began; false when it was not started. */
  start(work: () => Promise<void>, tellInterrupted: () => Promise<unknown>): boolean {
    if (!this.#accepting) return false;
    const running: Promise<void> = work()
      .catch(this.onError)
      .finally(() => this.#running.delete(running));
    this.#running.set(running, tellInterrupted);
    return true;
  }

  /**
   * Stops taking work and waits up to `graceMs` for what is running. Whatever is still running then is told it
   * was interrupted; resolves with how many were.
   */
  async drain(graceMs: number): Promise<number> {
    this.#accepting = false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs);
    });
    const outcome = await Promise.race([Promise.allSettled([...this.#running.keys()]).then(() => 'done' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'done') return 0;
    const unfinished = [...this.#running.values()];
    await Promise.allSettled(unfinished.map((tell) => tell()));
    return unfinished.length;
  }
}
