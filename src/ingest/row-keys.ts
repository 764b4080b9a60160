import type { TransactionRow } from './types.js';

/**
 * A row's identity for idempotent imports: a 64-bit hash of its content plus its occurrence number among
 * identical rows of the same file. Identical line items inside one export are real repeats (Online Retail has
 * 5,268), so they stay distinct; the same row in an overlapping later export gets the same key and is ignored.
 *
 * Two 32-bit lanes (FNV-1a style, different multipliers) instead of a crypto digest: md5 costs ~1.7 µs a row
 * here, this ~0.2 µs. At 64 bits, five million rows in one dataset collide with probability ~7e-7.
 *
 * The content is the row's fields as text joined by U+001F, as `Array.join` writes them. Stored keys depend on
 * that exact text, so it is hashed field by field as it would be written (integers digit by digit) instead of
 * joined: the same keys without an array and a string per row.
 *
 * Cost: O(total characters). Returns one signed 64-bit key per row, in row order.
 */
export function rowKeys(rows: readonly TransactionRow[]): BigInt64Array {
  return new RowKeys(rows.length).of(rows, 0, rows.length);
}

/**
 * rowKeys a chunk of rows at a time, for rows that are written while later ones are still being parsed: the repeat
 * counts carry over from one chunk to the next, so the keys are those rowKeys gives the whole file.
 */
export class RowKeys {
  private readonly repeats: RepeatCounter;
  constructor(expectedRows: number) {
    this.repeats = new RepeatCounter(expectedRows);
  }

  /** Keys of rows[from..to), which must follow the rows given before. */
  of(rows: readonly TransactionRow[], from: number, to: number): BigInt64Array {
    const keys = new BigInt64Array(to - from);
    const halves = new Uint32Array(keys.buffer);
    for (let i = from; i < to; i++) {
      hashRow(rows[i]!, 0);
      halves[2 * (i - from) + LOW_HALF] = laneB;
      halves[2 * (i - from) + HIGH_HALF] = laneA;
    }
    // Counted in a loop of their own: the counter's table is too large for the caches, and lookups one after
    // another wait for their memory together instead of each waiting between two rows' hashing.
    const repeats = this.repeats;
    for (let at = 0; at < halves.length; at += 2) {
      // 53 bits are plenty to count repeats; a rare clash here only renumbers repeats, never merges rows.
      const seen = repeats.next(halves[at + HIGH_HALF]!, halves[at + LOW_HALF]! >>> 11);
      if (seen === 0) continue;
      hashRow(rows[from + at / 2]!, seen);
      halves[at + LOW_HALF] = laneB;
      halves[at + HIGH_HALF] = laneA;
    }
    return keys;
  }
}

/** Where each 32-bit half of a 64-bit integer sits in memory: little-endian almost everywhere, not on s390x. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW_HALF = LITTLE_ENDIAN ? 0 : 1;
const HIGH_HALF = 1 - LOW_HALF;

/**
 * The two 32-bit lanes of the hash being computed; module state keeps the per-row path free of allocations. The
 * loops below copy them into locals and back, as a module binding updated per character is much slower.
 */
let laneA = 0;
let laneB = 0;

const SEPARATOR = 0x1f;
const MINUS = 45;
const DOT = 46;
const DIGIT_0 = 48;

/**
 * The lanes after the invoice, customer and timestamp of the last unsalted row: the line items of one invoice
 * (about 20 in Online Retail) share those fields, a third of the characters a row hashes. Exact, as the lanes at
 * that point depend on those fields alone.
 */
let invoiceOfPrefix: string | null | undefined = undefined;
let customerOfPrefix: string | null = null;
let timestampOfPrefix = 0;
let prefixA = 0;
let prefixB = 0;

/** Two independent 32-bit hashes of the row's content, salted with its occurrence number, into laneA and laneB. */
function hashRow(row: TransactionRow, salt: number): void {
  const identity = row.identity;
  if (identity != null) {
    hashIdentity(identity, salt);
    return;
  }
  if (salt === 0 && row.invoice === invoiceOfPrefix && row.customerId === customerOfPrefix && row.timestamp === timestampOfPrefix) {
    laneA = prefixA;
    laneB = prefixB;
  } else {
    laneA = 0x811c9dc5 ^ salt;
    laneB = 0x01000193 ^ Math.imul(salt, 0x9e3779b1);
    hashText(row.invoice);
    hashChar(SEPARATOR);
    hashText(row.customerId);
    hashChar(SEPARATOR);
    hashNumber(row.timestamp);
    hashChar(SEPARATOR);
    if (salt === 0) {
      invoiceOfPrefix = row.invoice;
      customerOfPrefix = row.customerId;
      timestampOfPrefix = row.timestamp;
      prefixA = laneA;
      prefixB = laneB;
    }
  }
  hashText(row.product);
  hashChar(SEPARATOR);
  hashText(row.description);
  hashChar(SEPARATOR);
  hashNumber(row.quantity);
  hashChar(SEPARATOR);
  hashNumber(row.unitPrice);
  hashChar(SEPARATOR);
  hashNumber(row.amount);
  hashChar(SEPARATOR);
  hashText(row.country);
  hashChar(SEPARATOR);
  hashText(row.category);
  mixLanes();
}

/**
 * A platform line is known by its identity alone (order, item, place; see platforms/order-lines.ts): the same line
 * in a later export, with another status or price, keeps its key and is not stored twice. Salted apart from content
 * keys, so an identity never takes a generic line's key.
 */
function hashIdentity(identity: string, salt: number): void {
  laneA = 0x6a09e667 ^ salt;
  laneB = 0xbb67ae85 ^ Math.imul(salt, 0x9e3779b1);
  hashText(identity);
  mixLanes();
}

/** The lanes' final avalanche, so nearby inputs land far apart. */
function mixLanes(): void {
  let a = laneA;
  let b = laneB;
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  a ^= a >>> 16;
  b = Math.imul(b ^ (b >>> 16), 0x27d4eb2f);
  b ^= b >>> 15;
  laneA = a >>> 0;
  laneB = b >>> 0;
}

function hashChar(c: number): void {
  laneA = Math.imul(laneA ^ c, 0x01000193);
  const b = Math.imul(laneB ^ c, 0x5bd1e995);
  laneB = b ^ (b >>> 15);
}

function hashText(value: string | null): void {
  if (value === null) return;
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  laneA = a;
  laneB = b;
}

/** Characters of the number being hashed, last first: up to 16 digits, or 13 digits, a point and 2 decimals. */
const digits = new Uint8Array(16);

/**
 * Hashes String(value). Safe integers and whole cents below 10^13 are written out here, as String writes them;
 * anything else goes through String. Online Retail's non-integer unit prices and amounts (1.02 million) are all
 * whole cents: String() on those alone measured ~120 ms, and writing them out here took
 * rowKeys' CPU median over 20 alternating runs from 510-600 ms to 330-540 ms (a busy 2-core machine), with no
 * string per number left for the garbage collector.
 */
function hashNumber(value: number | null): void {
  if (value === null) return;
  if (Number.isSafeInteger(value)) {
    if (value < 0) hashChar(MINUS);
    hashDigits(writeWhole(Math.abs(value), 0));
    return;
  }
  const cents = Math.round(Math.abs(value) * 100);
  if (cents < MAX_CENTS && cents / 100 === Math.abs(value)) {
    if (value < 0) hashChar(MINUS);
    hashDigits(writeCents(cents));
    return;
  }
  hashText(String(value));
}

/**
 * Below this, a double that is exactly `cents / 100` (correctly rounded) prints as those cents: its neighbours
 * are less than 0.005 away (that holds up to 4.5e13), so no decimal with fewer digits reads back as it, and
 * String's shortest round-trip digits are the cents' own, without an exponent.
 */
const MAX_CENTS = 1e15;

/** Writes a non-integer number of cents as String writes cents / 100 (`255` -> `2.55`, `1530` -> `15.3`), last first. */
function writeCents(cents: number): number {
  const whole = Math.floor(cents / 100);
  const fraction = cents - whole * 100;
  let count = fraction % 10 === 0 ? writeDigits(fraction / 10, 1, 0) : writeDigits(fraction, 2, 0);
  digits[count++] = DOT;
  return writeWhole(whole, count);
}

/** Writes the digits of a safe integer >= 0, last first, in two int32 parts below and above 10^8; returns the new count. */
function writeWhole(value: number, count: number): number {
  const high = Math.floor(value / 1e8);
  count = writeDigits(value - high * 1e8, high === 0 ? 1 : 8, count);
  return high === 0 ? count : writeDigits(high, 1, count);
}

/** Hashes the first `count` characters of `digits`, last written first. */
function hashDigits(count: number): void {
  let a = laneA;
  let b = laneB;
  for (let i = count - 1; i >= 0; i--) {
    const c = digits[i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  laneA = a;
  laneB = b;
}

/** Writes the digits of 0 <= value < 10^8, last first, at least `minDigits` of them (zero-padded); returns the new count. */
function writeDigits(value: number, minDigits: number, count: number): number {
  let rest = value | 0;
  let written = 0;
  do {
    const tenth = (rest / 10) | 0;
    digits[count++] = DIGIT_0 + rest - tenth * 10;
    rest = tenth;
    written++;
  } while (rest > 0 || written < minDigits);
  return count;
}

/**
 * How many times each (h1, h2) pair has been seen before: an open-addressing table in typed arrays, as a Map
 * keyed by 53-bit numbers costs a boxed key and a hash lookup per row.
 */
class RepeatCounter {
  private high: Uint32Array;
  private low: Uint32Array;
  private counts: Uint32Array;
  private mask: number;
  private used = 0;

  constructor(expected: number) {
    let size = 16;
    while (size < expected * 1.5) size *= 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.counts = new Uint32Array(size);
    this.mask = size - 1;
  }

  /** Records one more occurrence of (high, low) and returns how many came before it. */
  next(high: number, low: number): number {
    let slot = this.slotOf(high, low);
    for (;;) {
      const count = this.counts[slot]!;
      if (count === 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.counts[slot] = 1;
        // Kept at most two-thirds full, as the constructor sizes it, when more rows come than expected.
        if (++this.used * 1.5 > this.counts.length) this.grow();
        return 0;
      }
      if (this.high[slot] === high && this.low[slot] === low) {
        this.counts[slot] = count + 1;
        return count;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private slotOf(high: number, low: number): number {
    return (Math.imul(high ^ Math.imul(low, 0x9e3779b1), 0x85ebca6b) >>> 0) & this.mask;
  }

  private grow(): void {
    const { high, low, counts } = this;
    const size = counts.length * 2;
    this.high = new Uint32Array(size);
    this.low = new Uint32Array(size);
    this.counts = new Uint32Array(size);
    this.mask = size - 1;
    for (let old = 0; old < counts.length; old++) {
      if (counts[old] === 0) continue;
      let slot = this.slotOf(high[old]!, low[old]!);
      while (this.counts[slot] !== 0) slot = (slot + 1) & this.mask;
      this.high[slot] = high[old]!;
      this.low[slot] = low[old]!;
      this.counts[slot] = counts[old]!;
    }
  }
}
