import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferDateFormat, makeDateParser, serialToMs } from '../../src/ingest/dates.js';
import type { DateFormat } from '../../src/ingest/dates.js';
import { moment, pad, utc } from './helpers/moments.js';
import type { Moment } from './helpers/moments.js';

describe('serialToMs', () => {
  it('GIVEN Excel serial 40513.35 THEN it is 2010-12-01 08:24', () => {
    expect(serialToMs(40513.35)).toBe(utc(2010, 12, 1, 8, 24));
  });

  it('GIVEN a serial outside 20000-80000 THEN it is unreadable', () => {
    expect(serialToMs(19_999)).toBeNaN();
    expect(serialToMs(80_001)).toBeNaN();
  });
});

describe('makeDateParser', () => {
  const format = (overrides: Partial<DateFormat> = {}): DateFormat => ({
    order: 'month-first',
    serial: false,
    orderGuessed: false,
    conflicting: 0,
    ...overrides,
  });

  it('GIVEN XLSX date cells THEN their UTC fields are the wall clock, rounded to the second', () => {
    const parse = makeDateParser(format());
    expect(parse(new Date(Date.UTC(2011, 4, 13, 14, 57, 59, 999)))).toBe(utc(2011, 5, 13, 14, 58));
    expect(parse(new Date(Date.UTC(2011, 9, 30, 16, 17)))).toBe(utc(2011, 10, 30, 16, 17));
    expect(parse(new Date(Number.NaN))).toBeNaN();
  });

  it('GIVEN XLSX number cells THEN they are Excel serials or yyyymmdd', () => {
    const parse = makeDateParser(format());
    expect(parse(40513.35)).toBe(utc(2010, 12, 1, 8, 24));
    expect(parse(20101201)).toBe(utc(2010, 12, 1));
    expect(parse(17)).toBeNaN();
  });

  it('GIVEN a serial column THEN text serials are read, and blank is null', () => {
    const parse = makeDateParser(format({ serial: true }));
    expect(parse('40513.35')).toBe(utc(2010, 12, 1, 8, 24));
    expect(parse('40513')).toBe(utc(2010, 12, 1));
    expect(parse('')).toBeNull();
    expect(parse('2010-12-01')).toBeNaN();
  });

  it('GIVEN the same text twice and other text between THEN each reads correctly', () => {
    const parse = makeDateParser(format({ order: 'day-first' }));
    expect(parse('01/02/2011')).toBe(utc(2011, 2, 1));
    expect(parse('01/02/2011')).toBe(utc(2011, 2, 1));
    expect(parse('02/02/2011')).toBe(utc(2011, 2, 2));
    expect(parse(null)).toBeNull();
    expect(parse(true)).toBeNaN();
  });
});

describe('inferDateFormat', () => {
  it('GIVEN a first part above 12 THEN day-first', () => {
    expect(inferDateFormat(['01/02/2011', '21/07/2015'])).toMatchObject({ order: 'day-first', orderGuessed: false });
  });

  it('GIVEN a second part above 12 THEN month-first', () => {
    expect(inferDateFormat(['01/02/2011', '12/13/2010 8:26'])).toMatchObject({ order: 'month-first', orderGuessed: false });
  });

  it('GIVEN only ambiguous dates and auto THEN month-first, flagged as a guess with an example', () => {
    expect(inferDateFormat(['01/02/2011', '03/04/2011'])).toEqual({
      order: 'month-first',
      serial: false,
      orderGuessed: true,
      conflicting: 0,
      example: '01/02/2011',
    });
  });

  it('GIVEN only ambiguous dates and a chosen order THEN that order, not a guess', () => {
    expect(inferDateFormat(['01/02/2011'], 'day-first')).toMatchObject({ order: 'day-first', orderGuessed: false });
  });

  it('GIVEN ISO dates or month names THEN nothing is guessed', () => {
    expect(inferDateFormat(['2010-12-01 08:26:00', '04-Jan-22', '05/05/2020'])).toMatchObject({ orderGuessed: false });
  });

  it('GIVEN ambiguous dates first and a deciding one after the sample THEN it keeps reading to it', () => {
    const values = [...Array.from({ length: 500 }, () => '01/02/2011'), '13/02/2011'];
    expect(inferDateFormat(values, 'auto', 100)).toMatchObject({ order: 'day-first', orderGuessed: false });
  });

  it('GIVEN votes both ways THEN the majority wins and the others are counted', () => {
    expect(inferDateFormat(['13/01/2011', '14/01/2011', '01/13/2011'])).toMatchObject({ order: 'day-first', conflicting: 1 });
  });

  it('GIVEN text values all in the serial range THEN a serial column', () => {
    expect(inferDateFormat(['40513.35', '40514'])).toMatchObject({ serial: true });
    expect(inferDateFormat(['40513.35', '2010-12-01'])).toMatchObject({ serial: false });
    expect(inferDateFormat([40513.35, new Date(0)])).toMatchObject({ serial: false });
  });
});

describe('date columns (property)', () => {
  it('GIVEN any date-time as an Excel serial THEN it reads back to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20_000 * 86_400, max: 80_000 * 86_400 }), (secondsSinceExcelEpoch) => {
        const serial = secondsSinceExcelEpoch / 86_400;
        expect(serialToMs(serial)).toBe((secondsSinceExcelEpoch - 25_569 * 86_400) * 1000);
      }),
    );
  });

  const european = (m: Moment) => `${pad(m.day)}/${pad(m.month)}/${m.year} ${pad(m.hour)}:${pad(m.minute)}:${pad(m.second)}`;

  it('GIVEN a column of day-first dates with a day above 12 THEN inference reads them all right', () => {
    fc.assert(
      fc.property(fc.array(moment, { minLength: 1, maxLength: 30 }), (moments) => {
        const texts = [...moments.map(european), '13/01/2011 00:00:00'];
        const format = inferDateFormat(texts);
        expect(format.order).toBe('day-first');
        const parse = makeDateParser(format);
        moments.forEach((m, i) => expect(parse(texts[i]!)).toBe(utc(m.year, m.month, m.day, m.hour, m.minute, m.second)));
      }),
      { numRuns: 200 },
    );
  });
});
