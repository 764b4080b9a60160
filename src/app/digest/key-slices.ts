import { setImmediate as nextTurn } from 'node:timers/promises';
import { ROW_KEY_MAX, ROW_KEY_MIN } from '../../store/digest-queries.js';

/** What one slice may hold the thread for: well inside the 50 ms a member's command may wait on the digest. */
const SLICE_TARGET_MS = 6;
const KEY_SPACE = ROW_KEY_MAX - ROW_KEY_MIN + 1n;

/**
 * Reads every line of a dataset in slices of its row keys, one slice per turn of the event loop, so a digest of a
 * large dataset never holds the thread that answers members for long. Row keys hash a line's content, so lines
 * spread evenly over the key space and a slice's time follows its width: each slice's width is set from the last
 * one's time so the next takes about `SLICE_TARGET_MS`. The first slice is a 256th of the key space (Online Retail:
 * 2,100 lines), small because a grouping costs several times a plain scan's time per line. Returns each slice's
 * result, in key order.
 *
 * @param read - a synchronous query over the lines whose key is in [from, to]
 */
export async function readInKeySlices<T>(read: (from: bigint, to: bigint) => T): Promise<T[]> {
  const results: T[] = [];
  let width = KEY_SPACE / 256n;
  for (let from = ROW_KEY_MIN; from <= ROW_KEY_MAX; ) {
    const to = from + width - 1n > ROW_KEY_MAX ? ROW_KEY_MAX : from + width - 1n;
    const started = performance.now();
    results.push(read(from, to));
    const took = performance.now() - started;
    from = to + 1n;
    // In proportion to the time it took, at most doubled (a slice of few lines times badly) and at least an eighth.
    const factor = Math.min(2, Math.max(1 / 8, SLICE_TARGET_MS / Math.max(took, 0.01)));
    width = (width * BigInt(Math.round(factor * 1024))) / 1024n;
    if (width < 1n) width = 1n;
    if (width > KEY_SPACE) width = KEY_SPACE;
    if (from <= ROW_KEY_MAX) await nextTurn();
  }
  return results;
}
