import { Cron } from 'croner';

/** The time zone a digest uses when neither the command nor the server names one: most Segmenta teams are in Indonesia. */
export const DEFAULT_DIGEST_TIMEZONE = 'Asia/Jakarta';

/** Weekday names as the command offers them, index = cron's weekday number (0 = Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];
export const weekdayNumber = (name: WeekdayName): number => WEEKDAYS.indexOf(name);

/** When a weekly digest is due: a weekday and wall-clock time in an IANA zone. */
export interface WeeklyTime {
  weekday: number;
  /** 'HH:MM', 24-hour. */
  time: string;
  timezone: string;
}

/** 'HH:MM' or 'H:MM' (24-hour) as hours and minutes; null when it is not a time of day. */
export function parseTimeOfDay(text: string): { hours: number; minutes: number } | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  return match ? { hours: Number(match[1]), minutes: Number(match[2]) } : null;
}

/** Whether Intl (hence croner) knows the zone; 'UTC' and every canonical IANA name such as 'Europe/Berlin' do. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The cron pattern of a weekly time: one minute, one hour, one weekday (a fixed-time job for croner's DST rules). */
function cronPattern({ weekday, time }: WeeklyTime): string {
  const parsed = parseTimeOfDay(time);
  if (!parsed) throw new Error(`not a time of day: ${time}`);
  return `${parsed.minutes} ${parsed.hours} * * ${weekday}`;
}

/** A paused croner job used only to compute times: croner knows IANA zones and what happens at daylight-saving changes. */
const calendar = (weekly: WeeklyTime) => new Cron(cronPattern(weekly), { timezone: weekly.timezone, paused: true });

/**
 * The first due instant strictly after `after`. In a zone with daylight saving, a time that does not exist that day
 * (skipped by the spring change) is due at the first valid time after the gap, and a time that occurs twice (autumn)
 * is due once, at its first occurrence (croner's fixed-time rule, as Vixie cron).
 */
export function nextDueAfter(weekly: WeeklyTime, after: Date): Date {
  const next = calendar(weekly).nextRun(after);
  if (!next) throw new Error('a weekly schedule always has a next run');
  return next;
}

/** Due instants in (`from`, `to`], oldest first; at most `limit`, the newest kept. A week's schedule has few. */
export function dueBetween(weekly: WeeklyTime, from: Date, to: Date, limit = 8): Date[] {
  return calendar(weekly)
    // previousRuns excludes its reference instant; one millisecond later includes a time due exactly at `to`.
    .previousRuns(limit, new Date(to.getTime() + 1))
    .filter((due) => due.getTime() > from.getTime() && due.getTime() <= to.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
}

/** The calendar date of an instant in a zone, as year, month (1-12) and day. */
function dateInZone(instant: Date, timezone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/**
 * The period a scheduled post belongs to: the ISO week ('2026-W49') of its due instant's date in the schedule's
 * zone. One post per server per period; the key (not the instant) is what the post record and the nonce hang on,
 * so moving the schedule to another day of the same week cannot post that week twice.
 */
export function periodOf(instant: Date, timezone: string): string {
  const { year, month, day } = dateInZone(instant, timezone);
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // ISO weeks belong to the year of their Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** An instant as people in the zone read it: 'Monday 7 December 2026, 09:00 (Asia/Jakarta)'. */
export function formatInZone(instant: Date, timezone: string, locale: 'en' | 'id'): string {
  const text = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: timezone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(instant);
  return `${text} (${timezone})`;
}
