import { numberLocale, type ChartLocale } from './labels.js';

/**
 * A calendar day as a short label, day first in both languages: "5 Dec" / "5 Des", or "5 Dec 2011" with the year.
 * English takes its month names from en-US, whose "Sep" is as short as the others (en-GB writes "Sept").
 *
 * @param day - `YYYY-MM-DD`, read as a date without a time zone
 */
export function formatDay(day: string, locale: ChartLocale = 'en', withYear = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) throw new Error(`expected a YYYY-MM-DD day, got ${day}`);
  const parts = new Intl.DateTimeFormat(numberLocale(locale), { day: 'numeric', month: 'short', timeZone: 'UTC' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((found) => found.type === type)?.value ?? '';
  const label = `${part('day')} ${part('month')}`;
  return withYear ? `${label} ${date.getUTCFullYear()}` : label;
}
