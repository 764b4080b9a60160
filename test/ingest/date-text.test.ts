import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../src/ingest/date-text.js';
import type { DayMonthOrder } from '../../src/ingest/date-text.js';
import { moment, pad, utc } from './helpers/moments.js';
import type { Moment } from './helpers/moments.js';

describe('parseDateText', () => {
  it.each([
    ['2010-12-01', utc(2010, 12, 1)],
    ['2010-12-01 08:26:00', utc(2010, 12, 1, 8, 26)],
    ['2010-12-01T08:26:00', utc(2010, 12, 1, 8, 26)],
    ['2010-12-01 08:26', utc(2010, 12, 1, 8, 26)],
    ['2010-12-01T08:26:00Z', utc(2010, 12, 1, 8, 26)],
    ['2010-12-01T08:26:00+07:00', utc(2010, 12, 1, 8, 26)],
    ['2010-12-01 08:26:00.250', utc(2010, 12, 1, 8, 26, 0, 250)],
    ['2010/12/01', utc(2010, 12, 1)],
    ['2010.12.01', utc(2010, 12, 1)],
    ['12/1/2010 8:26', utc(2010, 12, 1, 8, 26)],
    ['12/1/2010 8:26 PM', utc(2010, 12, 1, 20, 26)],
    ['12/1/2010 12:05 AM', utc(2010, 12, 1, 0, 5)],
    ['12/1/2010 12:05 pm', utc(2010, 12, 1, 12, 5)],
    ['12/13/10', utc(2010, 12, 13)],
    ['04-Jan-22', utc(2022, 1, 4)],
    ['4 Jan 2022', utc(2022, 1, 4)],
    ['4-January-2022 10:30', utc(2022, 1, 4, 10, 30)],
    ['Jan 4, 2022', utc(2022, 1, 4)],
    ['January 4 2022 10:30:15', utc(2022, 1, 4, 10, 30, 15)],
    ['Tue, 4 Jan 2022', utc(2022, 1, 4)],
    ['17 Agu 2021', utc(2021, 8, 17)],
    ['4 Mei 2022', utc(2022, 5, 4)],
    ['1-Des-21', utc(2021, 12, 1)],
    ['20101201', utc(2010, 12, 1)],
    ['  2010-12-01  ', utc(2010, 12, 1)],
  ])('GIVEN %j THEN it reads as the wall-clock time in UTC', (text, expected) => {
    expect(parseDateText(text, 'month-first')).toBe(expected);
  });

  it.each([
    ['21-07-2015', utc(2015, 7, 21)],
    ['01.12.2010', utc(2010, 12, 1)],
    ['01/12/2010 08:26:00', utc(2010, 12, 1, 8, 26)],
    ['04-09-2012', utc(2012, 9, 4)],
  ])('GIVEN %j read day-first THEN the first part is the day', (text, expected) => {
    expect(parseDateText(text, 'day-first')).toBe(expected);
  });

  it('GIVEN 03/04/2011 THEN the order decides the month', () => {
    expect(parseDateText('03/04/2011', 'month-first')).toBe(utc(2011, 3, 4));
    expect(parseDateText('03/04/2011', 'day-first')).toBe(utc(2011, 4, 3));
  });

  it.each([
    ['01-01-00', 2000],
    ['01-01-69', 2069],
    ['01-01-70', 1970],
    ['01-01-99', 1999],
  ])('GIVEN the two-digit year in %j THEN the century is %d', (text, year) => {
    expect(parseDateText(text, 'day-first')).toBe(utc(year, 1, 1));
  });

  it.each([
    '2011-02-30',
    '2011-02-29',
    '2011-13-01',
    '2010-12-01 24:00:00',
    '2010-12-01 08:60',
    '31/04/2011',
    '21-07-2015 extra',
    '21/07-2015',
    '2015',
    '12/1/201',
    'Jan 2022',
    '13/13/2013',
    '12/1/2010 13:00 PM',
    'tomorrow',
    '40513.35',
  ])('GIVEN %j THEN it is unreadable (NaN)', (text) => {
    expect(parseDateText(text, 'day-first')).toBeNaN();
  });

  it('GIVEN 29 February of a leap year THEN it reads', () => {
    expect(parseDateText('2012-02-29', 'day-first')).toBe(utc(2012, 2, 29));
    expect(parseDateText('29/02/2000', 'day-first')).toBe(utc(2000, 2, 29));
    expect(parseDateText('29/02/1900', 'day-first')).toBeNaN();
  });

  it('GIVEN blank text THEN it is null', () => {
    expect(parseDateText('', 'day-first')).toBeNull();
    expect(parseDateText('   ', 'day-first')).toBeNull();
  });
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Each supported way of writing a moment, with the order it needs and what it keeps of the time. */
const WRITERS: Record<string, { order: DayMonthOrder; keeps: 'second' | 'minute' | 'day'; write: (m: Moment) => string }> = {
  isoSpace: { order: 'month-first', keeps: 'second', write: (m) => `${m.year}-${pad(m.month)}-${pad(m.day)} ${pad(m.hour)}:${pad(m.minute)}:${pad(m.second)}` },
  isoT: { order: 'month-first', keeps: 'second', write: (m) => `${m.year}-${pad(m.month)}-${pad(m.day)}T${pad(m.hour)}:${pad(m.minute)}:${pad(m.second)}` },
  isoDate: { order: 'month-first', keeps: 'day', write: (m) => `${m.year}-${pad(m.month)}-${pad(m.day)}` },
  usShort: { order: 'month-first', keeps: 'minute', write: (m) => `${m.month}/${m.day}/${m.year} ${m.hour}:${pad(m.minute)}` },
  usTwelveHour: {
    order: 'month-first',
    keeps: 'minute',
    write: (m) => `${m.month}/${m.day}/${m.year} ${m.hour % 12 === 0 ? 12 : m.hour % 12}:${pad(m.minute)} ${m.hour < 12 ? 'AM' : 'PM'}`,
  },
  european: { order: 'day-first', keeps: 'second', write: (m) => `${pad(m.day)}/${pad(m.month)}/${m.year} ${pad(m.hour)}:${pad(m.minute)}:${pad(m.second)}` },
  dashes: { order: 'day-first', keeps: 'day', write: (m) => `${pad(m.day)}-${pad(m.month)}-${m.year}` },
  dots: { order: 'day-first', keeps: 'day', write: (m) => `${pad(m.day)}.${pad(m.month)}.${m.year}` },
  twoDigitYear: { order: 'day-first', keeps: 'day', write: (m) => `${pad(m.day)}/${pad(m.month)}/${pad(m.year % 100)}` },
  monthName: { order: 'month-first', keeps: 'day', write: (m) => `${pad(m.day)}-${MONTHS[m.month - 1]}-${pad(m.year % 100)}` },
  monthFirstName: { order: 'day-first', keeps: 'minute', write: (m) => `${MONTHS[m.month - 1]} ${m.day}, ${m.year} ${m.hour}:${pad(m.minute)}` },
  compact: { order: 'day-first', keeps: 'day', write: (m) => `${m.year}${pad(m.month)}${pad(m.day)}` },
};
describe('date round trips (property)', () => {
  it('GIVEN any valid date-time written in any supported format THEN it parses back to the same epoch', () => {
    fc.assert(
      fc.property(moment, fc.constantFrom(...Object.keys(WRITERS)), (m, name) => {
        const { order, keeps, write } = WRITERS[name]!;
        const expected = utc(
          m.year,
          m.month,
          m.day,
          keeps === 'day' ? 0 : m.hour,
          keeps === 'day' ? 0 : m.minute,
          keeps === 'second' ? m.second : 0,
        );
        expect(parseDateText(write(m), order)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
