/** Milliseconds in a day and in a week. Stored timestamps are wall-clock times read as UTC, so days have no DST. */
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/**
 * Monday 00:00 of the week holding `timestamp` (epoch ms of a wall-clock time read as UTC, as every stored
 * timestamp is): weeks start on Monday, as ISO 8601 weeks and Indonesian calendars do. O(1).
 *
 * @example
 * weekStartOf(Date.UTC(2011, 11, 9, 12, 50)); // Date.UTC(2011, 11, 5): Friday 9 Dec 2011 is in the week of Monday 5 Dec
 */
export function weekStartOf(timestamp: number): number {
  const day = Math.floor(timestamp / DAY_MS);
  // 1970-01-01, day 0, was a Thursday: three days after a Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return (day - sinceMonday) * DAY_MS;
}

/** `YYYY-MM-DD` of an epoch ms read as UTC. */
export const isoDay = (timestamp: number): string => new Date(timestamp).toISOString().slice(0, 10);
