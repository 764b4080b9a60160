/**
 * One change at a time per server: an upload (or a delete) waits for the one before it in the same server, while
 * other servers go ahead in parallel. Reading commands never queue.
 */
export class GuildQueue {
  readonly #lines = new Map<string, { tail: Promise<void>; length: number }>();

  /** How many commands of the server are running or waiting. */
  length(guildId: string): number {
    return this.#lines.get(guildId)?.length ?? 0;
  }

  /** Runs `work` once the server's earlier work is done; `onWait` hears how many are ahead when any are. */
  async run<T>(guildId: string, work: () => Promise<T>, onWait: (ahead: number) => Promise<unknown>): Promise<T> {
    const line = this.#lines.get(guildId) ?? { tail: Promise.resolve(), length: 0 };
    this.#lines.set(guildId, line);
    const ahead = line.length;
    const previous = line.tail;
    let release: () => void = () => {};
    line.tail = new Promise<void>((resolve) => (release = resolve));
    line.length += 1;
    try {
      if (ahead > 0) await onWait(ahead);
      await previous;
      return await work();
    } finally {
      line.length -= 1;
      release();
      if (line.length === 0) this.#lines.delete(guildId);
    }
  }
}
