/** Where the fake reads the time: deadlines, token ages, timestamps and snowflakes all come from here. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told, so a test can age an interaction token past 15 minutes without waiting. */
export class ManualClock implements Clock {
  #now: number;

  constructor(start: Date = new Date('2026-01-01T09:00:00Z')) {
    this.#now = start.getTime();
  }

  now(): number {
    return this.#now;
  }

  advance(milliseconds: number): void {
    this.#now += milliseconds;
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
