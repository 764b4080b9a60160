import { wallClockMs } from './calendar.js';
import { parseDateText } from './date-text.js';
import type { DayMonthOrder } from './date-text.js';
import { parseNumberText } from './numbers.js';
import type { DateOrder, RawCell } from './types.js';

/** Excel's day 0 in the 1900 date system is 1899-12-30 (its 1900 leap-year bug only shifts serials below 61). */
const EXCEL_DAYS_BEFORE_1970 = 25_569;
/** Excel serial numbers accepted as dates: 1954-10-03 to 2119-01-10, which plain quantities or ids rarely fill. */
const SERIAL_MIN = 20_000;
const SERIAL_MAX = 80_000;

/** An Excel serial day number (fractions are the time of day), rounded to the second. */
export function serialToMs(serial: number): number {
  if (!(serial >= SERIAL_MIN && serial <= SERIAL_MAX)) return NaN;
  return Math.round((serial - EXCEL_DAYS_BEFORE_1970) * 86_400) * 1000;
}

/**
 * A number cell in a date column: an Excel serial in the accepted range, or a `yyyymmdd` integer.
 */
function numberCellToMs(value: number): number {
  if (value >= SERIAL_MIN && value <= SERIAL_MAX) return serialToMs(value);
  if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) {
    return wallClockMs(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100, 0, 0, 0, 0);
  }
  return NaN;
}

function isSerialText(text: string): boolean {
  const value = parseNumberText(text, 'dot');
  return value !== null && value >= SERIAL_MIN && value <= SERIAL_MAX;
}

/** One column's date format, inferred once by `inferDateFormat`. */
export interface DateFormat {
  order: DayMonthOrder;
  /** Text cells are Excel serial numbers (every text value read was a number in the serial range). */
  serial: boolean;
  /** 'auto' found only values that fit both orders and fell back to month-first. */
  orderGuessed: boolean;
  /** Values read that fit only the order that was not chosen (a mixed column); 0 normally. */
  conflicting: number;
  /** A value that fits both orders, for a warning. */
  example?: string;
}

/**
 * Infers a column's date format: a value whose first part is above 12 votes day-first (`21-07-2015`), one whose
 * second part is above 12 votes month-first (`12/13/2010`); the majority wins (month-first on a tie).
 * When `preferred` is 'auto' and no value votes, `knownOrder` is used, else month-first with `orderGuessed` set. Reading stops after
 * `sampleSize` values once a vote is cast; while only order-ambiguous values have been seen it keeps reading.
 *
 * Cost: O(values read), two parses per value.
 */
export function inferDateFormat(
  values: Iterable<RawCell>,
  preferred: DateOrder = 'auto',
  sampleSize = 2000,
  /** The order the file's layout is known to write, for values that fit both (a platform profile's). */
  knownOrder?: DayMonthOrder,
): DateFormat {
  let read = 0;
  let texts = 0;
  let serialTexts = 0;
  let dayVotes = 0;
  let monthVotes = 0;
  let ambiguous = 0;
  let example: string | undefined;
  for (const cell of values) {
    read++;
    if (typeof cell === 'string') {
      texts++;
      if (isSerialText(cell)) serialTexts++;
      const dayFirst = parseDateText(cell, 'day-first');
      const monthFirst = parseDateText(cell, 'month-first');
      const dayValid = dayFirst !== null && !Number.isNaN(dayFirst);
      const monthValid = monthFirst !== null && !Number.isNaN(monthFirst);
      if (dayValid && !monthValid) dayVotes++;
      else if (monthValid && !dayValid) monthVotes++;
      else if (dayValid && monthValid && dayFirst !== monthFirst) {
        ambiguous++;
        example ??= cell.trim();
      }
    }
    if (read >= sampleSize && (preferred !== 'auto' || dayVotes + monthVotes > 0 || ambiguous === 0)) break;
  }
  const serial = texts > 0 && serialTexts === texts;
  if (preferred !== 'auto') return { order: preferred, serial, orderGuessed: false, conflicting: 0 };
  if (dayVotes > monthVotes) return { order: 'day-first', serial, orderGuessed: false, conflicting: monthVotes };
  if (monthVotes > 0) return { order: 'month-first', serial, orderGuessed: false, conflicting: dayVotes };
  if (knownOrder !== undefined) return { order: knownOrder, serial, orderGuessed: false, conflicting: 0 };
  const guessed = ambiguous > 0;
  return { order: 'month-first', serial, orderGuessed: guessed, conflicting: 0, ...(guessed ? { example } : {}) };
}

/**
 * Builds the parser for one date column. Text goes through the fast ISO path or `parseDateText` with the column's
 * order (or is an Excel serial when the column is serial); XLSX number cells are serials or `yyyymmdd`; XLSX date
 * cells are read with UTC fields, as the XLSX reader builds them in UTC, and rounded to the second to drop the
 * float noise of serial conversion. Repeated text (line items of one invoice) is parsed once.
 * Returns epoch ms, null for blank, NaN when unreadable.
 */
export function makeDateParser(format: DateFormat): (cell: RawCell) => number | null {
  let lastText = '';
  let lastValue: number | null = null;
  const order = format.order;
  const serial = format.serial;
  return (cell) => {
    if (typeof cell === 'string') {
      if (cell === lastText) return lastValue;
      let value: number | null;
      if (serial) {
        const number = parseNumberText(cell, 'dot');
        value = number === null ? null : serialToMs(number);
      } else {
        value = parseDateText(cell, order);
      }
      lastText = cell;
      lastValue = value;
      return value;
    }
    if (cell === null) return null;
    if (typeof cell === 'number') return numberCellToMs(cell);
    if (cell instanceof Date) {
      // Date.UTC(getUTCFullYear(), ..., getUTCSeconds()) is getTime() itself: the UTC fields are the wall clock.
      const time = cell.getTime();
      return Number.isNaN(time) ? NaN : Math.round(time / 1000) * 1000;
    }
    return NaN;
  };
}
