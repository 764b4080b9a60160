/** Where the fake reads the time: deadlines, token ages, timestamps and snowflakes all come from here. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that moves only when told, so a test can age an interaction token past 15 minutes without waiting, and
 * fire a scheduler's wake-ups (`at`) by advancing past them: a week passes in a call.
 */
export class ManualClock implements Clock {
  #now: number;
  #timers: { at: number; order: number; fire: () => void }[] = [];
  #order = 0;

  constructor(start: Date = new Date('2026-01-01T09:00:00Z')) {
    this.#now = start.getTime();
  }

  now(): number {
    return this.#now;
  }

  /** Calls `fire` once the clock reaches `at` (on the next advance when `at` is already past); returns a cancel. */
  at(at: number, fire: () => void): () => void {
    const timer = { at, order: this.#order++, fire };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((candidate) => candidate !== timer);
    };
  }

  /** Moves time forward, stopping at each timer due on the way (in time order) to fire it. */
  advance(milliseconds: number): void {
    const target = this.#now + milliseconds;
    for (;;) {
      const due = this.#timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      this.#now = Math.max(this.#now, due.at);
      due.fire();
    }
    this.#now = target;
  }

  /** Moves to an instant (never backwards), firing the timers due on the way. */
  advanceTo(instant: Date): void {
    this.advance(Math.max(0, instant.getTime() - this.#now));
  }

  /** When the earliest waiting timer is due, if any. */
  nextTimerAt(): number | undefined {
    return this.#timers.length ? Math.min(...this.#timers.map((timer) => timer.at)) : undefined;
  }

  /** How many timers wait. */
  get pendingTimers(): number {
    return this.#timers.length;
  }
}

const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Discord ids: milliseconds since 2015 in the high bits, a counter in the low 22 bits.
 * discord.js reads creation times back out of ids, so they must follow the real layout.
 */
export function snowflakes(clock: Clock): () => string {
  let counter = 0n;
  return () => {
    counter = (counter + 1n) & 0x3fffffn;
    return (((BigInt(clock.now()) - DISCORD_EPOCH) << 22n) | counter).toString();
  };
}
