import fc from 'fast-check';

/** A wall-clock date-time, field by field. */
export interface Moment {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Any moment from 1970 to 2069, so that two-digit years map back to the same century. */
export const moment = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2069-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date): Moment => ({
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  }));

export const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, mi, s, ms);
