import { wallClockMs } from './calendar.js';

/** How `03/04/2011` is read. */
export type DayMonthOrder = 'day-first' | 'month-first';

/** Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999 (the POSIX `%y` pivot). */
function fullYear(value: number, width: number): number {
  if (width === 4) return value;
  if (width === 2) return value < 70 ? 2000 + value : 1900 + value;
  return NaN;
}

function digitAt(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
}

function twoDigits(text: string, at: number): number {
  return digitAt(text, at) * 10 + digitAt(text, at + 1);
}

/**
 * The fast path for `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` and `YYYY-MM-DD[ T]HH:MM:SS`, by character arithmetic.
 * Returns undefined when the text has another shape, NaN when it has this shape but is not a date.
 */
function parseIsoFast(text: string): number | undefined {
  const length = text.length;
  if (length !== 10 && length !== 16 && length !== 19) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (length === 10) return Number.isNaN(year + month + day) ? undefined : wallClockMs(year, month, day, 0, 0, 0, 0);
  const t = text.charCodeAt(10);
  if ((t !== 32 && t !== 84) || text.charCodeAt(13) !== 58) return undefined;
  if (length === 19 && text.charCodeAt(16) !== 58) return undefined;
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = length === 19 ? twoDigits(text, 17) : 0;
  if (Number.isNaN(year + month + day + hour + minute + second)) return undefined;
  return wallClockMs(year, month, day, hour, minute, second, 0);
}

const NUM = 1;
const WORD = 2;
const MARK = 3;

const AM = 101;
const PM = 102;
const T_SEPARATOR = 103;
const ZONE = 104;
const WEEKDAY = 105;

const MONTH_NAMES: Record<string, number> = {};
const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// The bot's users write Indonesian dates too: `4 Mei 2022`, `17-Agu-22`, `1 Des 2021`.
const INDONESIAN_MONTHS = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];
for (const names of [ENGLISH_MONTHS, INDONESIAN_MONTHS]) {
  names.forEach((name, i) => {
    MONTH_NAMES[name] = i + 1;
    MONTH_NAMES[name.slice(0, 3)] = i + 1;
  });
}
Object.assign(MONTH_NAMES, { sept: 9, agt: 8, agus: 8 });

const WORDS = new Map<string, number>(Object.entries(MONTH_NAMES));
for (const [word, code] of [
  ['am', AM],
  ['pm', PM],
  ['t', T_SEPARATOR],
  ['z', ZONE],
  ['utc', ZONE],
  ['gmt', ZONE],
] as const) {
  WORDS.set(word, code);
}
for (const day of ['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun']) WORDS.set(day, WEEKDAY);
for (const day of ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']) WORDS.set(day, WEEKDAY);

/** Token buffers reused across calls: the generic parser allocates only for words. */
const MAX_TOKENS = 32;
const kinds = new Uint8Array(MAX_TOKENS);
const values = new Float64Array(MAX_TOKENS);
const widths = new Uint16Array(MAX_TOKENS);
let tokenCount = 0;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Splits text into numbers, words and single punctuation marks (a run of spaces is one mark). */
function tokenize(text: string): boolean {
  tokenCount = 0;
  let pos = 0;
  let end = text.length;
  while (pos < end && text.charCodeAt(pos) <= 32) pos++;
  while (end > pos && text.charCodeAt(end - 1) <= 32) end--;
  while (pos < end) {
    if (tokenCount === MAX_TOKENS) return false;
    const c = text.charCodeAt(pos);
    if (c >= 48 && c <= 57) {
      let value = 0;
      const start = pos;
      while (pos < end) {
        const d = text.charCodeAt(pos) - 48;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
        pos++;
      }
      kinds[tokenCount] = NUM;
      values[tokenCount] = value;
      widths[tokenCount] = Math.min(pos - start, 0xffff);
    } else if (isLetter(c)) {
      const start = pos;
      while (pos < end && isLetter(text.charCodeAt(pos))) pos++;
      const code = WORDS.get(text.slice(start, pos).toLowerCase());
      if (code === undefined) return false;
      kinds[tokenCount] = WORD;
      values[tokenCount] = code;
    } else {
      kinds[tokenCount] = MARK;
      values[tokenCount] = c <= 32 ? 32 : c;
      pos++;
      if (c <= 32) while (pos < end && text.charCodeAt(pos) <= 32) pos++;
    }
    tokenCount++;
  }
  return tokenCount > 0;
}

function isNum(at: number, minWidth: number, maxWidth: number): boolean {
  return at < tokenCount && kinds[at] === NUM && widths[at]! >= minWidth && widths[at]! <= maxWidth;
}

function isMark(at: number, mark: number): boolean {
  return at < tokenCount && kinds[at] === MARK && values[at] === mark;
}

function isDateMark(at: number): boolean {
  return at < tokenCount && kinds[at] === MARK && (values[at] === 45 || values[at] === 47 || values[at] === 46);
}

function isMonthWord(at: number): boolean {
  return at < tokenCount && kinds[at] === WORD && values[at]! <= 12;
}

/** Skips one optional separator among `-`, `/`, `.`, `,` and space, and a space after it. */
function skipSeparator(at: number): number {
  if (at < tokenCount && kinds[at] === MARK) {
    const mark = values[at];
    if (mark === 45 || mark === 47 || mark === 46 || mark === 44 || mark === 32) at++;
    if (mark !== 32 && isMark(at, 32)) at++;
  }
  return at;
}

/** Date fields read by `parseDatePart`, then `parseTimePart`. */
let year = 0;
let month = 0;
let day = 0;
let hour = 0;
let minute = 0;
let second = 0;
let millisecond = 0;

/** Reads a date at token `at`; returns the next token index, or -1. */
function parseDatePart(at: number, order: DayMonthOrder): number {
  if (kinds[at] === WORD && values[at] === WEEKDAY) at = skipSeparator(at + 1);
  // 2010-12-01, 2010/12/01, 2010.12.01
  if (isNum(at, 4, 4) && isDateMark(at + 1) && isNum(at + 2, 1, 2) && isMark(at + 3, values[at + 1]!) && isNum(at + 4, 1, 2)) {
    year = values[at]!;
    month = values[at + 2]!;
    day = values[at + 4]!;
    return at + 5;
  }
  // 12/1/2010, 21-07-2015, 01.12.10
  if (isNum(at, 1, 2) && isDateMark(at + 1) && isNum(at + 2, 1, 2) && isMark(at + 3, values[at + 1]!) && isNum(at + 4, 2, 4)) {
    const first = values[at]!;
    const second = values[at + 2]!;
    day = order === 'day-first' ? first : second;
    month = order === 'day-first' ? second : first;
    year = fullYear(values[at + 4]!, widths[at + 4]!);
    return at + 5;
  }
  // 04-Jan-22, 4 Jan 2022, 4Jan2022
  if (isNum(at, 1, 2)) {
    const monthAt = skipSeparator(at + 1);
    if (!isMonthWord(monthAt)) return -1;
    const yearAt = skipSeparator(monthAt + 1);
    if (!isNum(yearAt, 2, 4)) return -1;
    day = values[at]!;
    month = values[monthAt]!;
    year = fullYear(values[yearAt]!, widths[yearAt]!);
    return yearAt + 1;
  }
  // Jan 4, 2022; January 4 2022
  if (isMonthWord(at)) {
    const dayAt = skipSeparator(at + 1);
    if (!isNum(dayAt, 1, 2)) return -1;
    const yearAt = skipSeparator(dayAt + 1);
    if (!isNum(yearAt, 2, 4)) return -1;
    month = values[at]!;
    day = values[dayAt]!;
    year = fullYear(values[yearAt]!, widths[yearAt]!);
    return yearAt + 1;
  }
  // 20101201
  if (isNum(at, 8, 8)) {
    const compact = values[at]!;
    year = Math.floor(compact / 10_000);
    month = Math.floor(compact / 100) % 100;
    day = compact % 100;
    return at + 1;
  }
  return -1;
}

/** Reads an optional time (`8:26`, `08:26:00.5`, `8:26 PM`, `T08:26:00Z`, `+07:00`) up to the end; false if malformed. */
function parseTimePart(at: number): boolean {
  hour = 0;
  minute = 0;
  second = 0;
  millisecond = 0;
  if (at === tokenCount) return true;
  if (isMark(at, 32) || isMark(at, 44) || (kinds[at] === WORD && values[at] === T_SEPARATOR)) at++;
  if (isMark(at, 32)) at++;
  if (!(isNum(at, 1, 2) && isMark(at + 1, 58) && isNum(at + 2, 2, 2))) return false;
  hour = values[at]!;
  minute = values[at + 2]!;
  at += 3;
  if (isMark(at, 58) && isNum(at + 1, 2, 2)) {
    second = values[at + 1]!;
    at += 2;
    if ((isMark(at, 46) || isMark(at, 44)) && isNum(at + 1, 1, 15)) {
      const width = widths[at + 1]!;
      const fraction = values[at + 1]!;
      millisecond = width <= 3 ? fraction * 10 ** (3 - width) : Math.floor(fraction / 10 ** (width - 3));
      at += 2;
    }
  }
  if (isMark(at, 32)) at++;
  if (at < tokenCount && kinds[at] === WORD && (values[at] === AM || values[at] === PM)) {
    if (hour < 1 || hour > 12) return false;
    hour = (hour % 12) + (values[at] === PM ? 12 : 0);
    at++;
  }
  return skipZone(at) === tokenCount;
}

/** Skips a zone suffix; the wall-clock time as written is what we keep, so the offset itself is ignored. */
function skipZone(at: number): number {
  if (isMark(at, 32)) at++;
  if (at < tokenCount && kinds[at] === WORD && values[at] === ZONE) at++;
  if ((isMark(at, 43) || isMark(at, 45)) && isNum(at + 1, 2, 4)) {
    at += 2;
    if (isMark(at, 58) && isNum(at + 1, 2, 2)) at += 2;
  }
  return at;
}

/**
 * Reads a date or date-time written as text: ISO (`2010-12-01 08:26:00`, `2010-12-01T08:26:00`), numeric with
 * `/`, `-` or `.` (`12/1/2010 8:26`, `21-07-2015`, `01.12.2010`), month names in English or Indonesian
 * (`04-Jan-22`, `Jan 4, 2022`, `4 Mei 2022`) and compact `20101201`. `order` decides `03/04/2011`.
 * Returns epoch milliseconds of the wall-clock time as UTC, null for blank text, NaN when unreadable.
 *
 * Cost: O(length); allocates only to look up words.
 * @example parseDateText('04-Jan-22', 'month-first') // Date.UTC(2022, 0, 4)
 */
export function parseDateText(text: string, order: DayMonthOrder): number | null {
  const iso = parseIsoFast(text);
  if (iso !== undefined) return iso;
  if (!tokenize(text)) return text.trim() === '' ? null : NaN;
  const next = parseDatePart(0, order);
  if (next < 0 || !parseTimePart(next)) return NaN;
  return wallClockMs(year, month, day, hour, minute, second, millisecond);
}
