/**
 * A sequence read once from its source but replayable from the start while it is being sampled: format inference
 * reads the first values of a few columns, then the row pass reads everything, and a text file is parsed once
 * without holding all of its records. Only what the samples read is kept, and `rest` lets go of it as it goes.
 */
export class ReadAhead<T> implements Iterable<T> {
  private kept: (T | undefined)[] = [];
  private readonly source: Iterator<T>;
  private exhausted = false;

  constructor(source: Iterable<T>) {
    this.source = source[Symbol.iterator]();
  }

  /** From the start: what was kept, then more of the source, kept too. */
  *[Symbol.iterator](): Generator<T> {
    for (let i = 0; ; i++) {
      if (i < this.kept.length) {
        yield this.kept[i] as T;
        continue;
      }
      const next = this.pull();
      if (next === DONE) return;
      this.kept.push(next);
      yield next;
    }
  }

  /** Everything from the start, once: the kept items are released as they are passed on, the rest is not kept. */
  *rest(): Generator<T> {
    const kept = this.kept;
    this.kept = [];
    for (let i = 0; i < kept.length; i++) {
      const item = kept[i] as T;
      kept[i] = undefined;
      yield item;
    }
    for (;;) {
      const next = this.pull();
      if (next === DONE) return;
      yield next;
    }
  }

  private pull(): T | typeof DONE {
    if (this.exhausted) return DONE;
    const next = this.source.next();
    if (next.done) {
      this.exhausted = true;
      return DONE;
    }
    return next.value;
  }
}

const DONE: unique symbol = Symbol('done');
