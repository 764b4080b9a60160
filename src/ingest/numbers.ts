import type { RawCell } from './types.js';

/** Which character separates the decimals: `dot` reads `1,234.56`, `comma` reads `1.234,56`. */
export type DecimalMark = 'dot' | 'comma';

const DOT = 46;
const COMMA = 44;
const PLUS = 43;
const MINUS = 45;
const UNICODE_MINUS = 0x2212;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const DIGIT_0 = 48;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const DOLLAR = 36;

/** Exact powers of ten up to 10^22, so `mantissa / 10^k` is one correctly rounded division (same as `Number('2.55')`). */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** 15 digits always fit in a double exactly; longer numbers take the slow path through `Number()`. */
const MAX_FAST_DIGITS = 15;

const CURRENCY_SYMBOLS = new Set(['$', '£', '€', '¥', '₹', '₩', '₱', '₽', '₺', '₫', '฿', '¢', '₦', '₪']);
/** Letter codes written before or after amounts (ISO 4217 and local shorthands such as Indonesia's `Rp`). */
const CURRENCY_CODES = new Set([
  'RP', 'IDR', 'USD', 'US', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'SGD', 'MYR', 'RM', 'AUD', 'CAD', 'NZD', 'CHF',
  'INR', 'RS', 'PHP', 'THB', 'VND', 'KRW', 'HKD', 'SEK', 'NOK', 'DKK', 'BRL', 'MXN', 'ZAR', 'R', 'PLN', 'CZK', 'TRY',
]);
/** Codes that are abbreviations and are often written with a full stop: `Rp. 15.000`, `Rs. 250`. */
const ABBREVIATED_CODES = new Set(['RP', 'RS']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 10 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isGroupMark(c: number, decimal: number): boolean {
  if (c === DOT || c === COMMA) return c !== decimal;
  return c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === APOSTROPHE || c === RIGHT_QUOTE;
}

/** What the affix scans found; module state keeps the hot path free of allocations. */
let scanPos = 0;
let sign = 0;
let openParens = 0;
let closeParens = 0;
let currency = false;

/**
 * Skips signs, spaces, parentheses and currency marks around the digits.
 * `step` is +1 for the prefix, -1 for the suffix (then `pos` is one past the last unread character).
 */
function skipAffix(text: string, pos: number, limit: number, step: 1 | -1): void {
  while (step === 1 ? pos < limit : pos > limit) {
    const at = step === 1 ? pos : pos - 1;
    const c = text.charCodeAt(at);
    if (isDigit(c)) break;
    if (isSpace(c)) {
      pos += step;
    } else if (c === MINUS || c === UNICODE_MINUS || c === PLUS) {
      if (sign !== 0) break;
      sign = c === PLUS ? 1 : -1;
      pos += step;
    } else if (step === 1 && c === OPEN_PAREN) {
      openParens++;
      pos += step;
    } else if (step === -1 && c === CLOSE_PAREN) {
      closeParens++;
      pos += step;
    } else if (!currency && CURRENCY_SYMBOLS.has(text[at]!)) {
      currency = true;
      pos += step;
    } else if (isLetter(c) || (step === -1 && c === DOT)) {
      const next = skipCurrencyCode(text, pos, limit, step);
      if (next === pos) break;
      pos = next;
    } else {
      break;
    }
  }
  scanPos = pos;
}

/** Skips a currency code (`Rp`, `IDR`, `US$`, a trailing `Rp.`) at `pos`; returns `pos` when there is none. */
function skipCurrencyCode(text: string, pos: number, limit: number, step: 1 | -1): number {
  if (currency) return pos;
  if (step === 1) {
    let end = pos;
    while (end < limit && isLetter(text.charCodeAt(end))) end++;
    const code = text.slice(pos, end).toUpperCase();
    if (!CURRENCY_CODES.has(code)) return pos;
    currency = true;
    if (end < limit && text.charCodeAt(end) === DOLLAR) end++;
    if (end < limit && text.charCodeAt(end) === DOT && ABBREVIATED_CODES.has(code)) end++;
    return end;
  }
  const dotted = text.charCodeAt(pos - 1) === DOT;
  const end = dotted ? pos - 1 : pos;
  let start = end;
  while (start > limit && isLetter(text.charCodeAt(start - 1))) start--;
  const code = text.slice(start, end).toUpperCase();
  if (!CURRENCY_CODES.has(code) || (dotted && !ABBREVIATED_CODES.has(code))) return pos;
  currency = true;
  return start;
}

/**
 * Reads a number written by a person or a spreadsheet: currency marks (`$`, `£`, `Rp`, `IDR`, `USD` ...) before or
 * after, thousands separators (the other mark, spaces, apostrophes) in groups of three, a leading or trailing minus,
 * accounting parentheses `(12.50)`, and an exponent when there is no grouping.
 *
 * Returns null for a blank cell or a lone `-` (an empty accounting cell), NaN when the text is not a number
 * under this decimal mark (a wrong grouping such as `12,5` under `dot` included: inference relies on it).
 *
 * Cost: O(length), no allocation for plain numbers.
 * @example parseNumberText('$5,320 ', 'dot') // 5320
 * @example parseNumberText('Rp 1.234,50', 'comma') // 1234.5
 */
export function parseNumberText(text: string, decimal: DecimalMark): number | null {
  const plain = parsePlainNumber(text, decimal === 'dot' ? DOT : COMMA);
  if (!Number.isNaN(plain)) return plain;
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return null;

  sign = 0;
  openParens = 0;
  closeParens = 0;
  currency = false;
  skipAffix(text, start, end, 1);
  const coreStart = scanPos;
  if (coreStart === end) return sign === -1 && openParens === 0 ? null : NaN;
  skipAffix(text, end, coreStart, -1);
  const coreEnd = scanPos;
  if (openParens !== closeParens || openParens > 1 || (openParens === 1 && sign !== 0)) return NaN;
  const value = parseCore(text, coreStart, coreEnd, decimal === 'dot' ? DOT : COMMA);
  return (sign === -1 || openParens === 1) && value !== 0 ? -value : value;
}

/**
 * The fast path for what machines write (`6`, `-2.55`): an optional minus, up to 15 digits and one decimal mark.
 * NaN sends anything else to the full reader.
 */
function parsePlainNumber(text: string, decimal: number): number {
  const length = text.length;
  let pos = text.charCodeAt(0) === MINUS ? 1 : 0;
  let mantissa = 0;
  let digits = 0;
  let decimalAt = -1;
  for (; pos < length; pos++) {
    const c = text.charCodeAt(pos);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - DIGIT_0);
      digits++;
    } else if (c === decimal && decimalAt === -1) {
      decimalAt = digits;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > MAX_FAST_DIGITS) return NaN;
  const fractionDigits = decimalAt === -1 ? 0 : digits - decimalAt;
  const value = fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits]!;
  return text.charCodeAt(0) === MINUS && value !== 0 ? -value : value;
}

/** Digits with optional grouping, one decimal mark and an optional exponent; NaN when malformed. */
function parseCore(text: string, start: number, end: number, decimal: number): number {
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = 0;
  let groupLength = 0;
  let groupMark = -1;
  let inFraction = false;
  let pos = start;
  for (; pos < end; pos++) {
    const c = text.charCodeAt(pos);
    if (isDigit(c)) {
      mantissa = mantissa * 10 + (c - DIGIT_0);
      digits++;
      if (inFraction) fractionDigits++;
      else groupLength++;
    } else if (c === decimal && !inFraction) {
      if (groupMark !== -1 && groupLength !== 3) return NaN;
      inFraction = true;
    } else if (!inFraction && isGroupMark(c, decimal)) {
      if (groupMark === -1) {
        // `0.001` and `01,234` are never thousands groupings: a leading group does not start with 0.
        if (groupLength === 0 || groupLength > 3 || text.charCodeAt(pos - groupLength) === DIGIT_0) return NaN;
        groupMark = c;
      } else if (c !== groupMark || groupLength !== 3) {
        return NaN;
      }
      if (pos + 1 >= end || !isDigit(text.charCodeAt(pos + 1))) return NaN;
      groupLength = 0;
    } else if ((c === 101 || c === 69) && groupMark === -1 && digits > 0) {
      return parseWithExponent(text, start, end, pos, decimal);
    } else {
      return NaN;
    }
  }
  if (digits === 0) return NaN;
  if (groupMark !== -1 && !inFraction && groupLength !== 3) return NaN;
  if (digits > MAX_FAST_DIGITS || fractionDigits >= POW10.length) return Number(plainDigits(text, start, end, decimal));
  return fractionDigits === 0 ? mantissa : mantissa / POW10[fractionDigits]!;
}

function parseWithExponent(text: string, start: number, end: number, ePos: number, decimal: number): number {
  let pos = ePos + 1;
  const sign = text.charCodeAt(pos);
  if (sign === PLUS || sign === MINUS) pos++;
  if (pos >= end) return NaN;
  for (let i = pos; i < end; i++) if (!isDigit(text.charCodeAt(i))) return NaN;
  return Number(plainDigits(text, start, ePos, decimal) + text.slice(ePos, end));
}

/** The digits with grouping removed and the decimal mark as `.`, for `Number()` on the rare long values. */
function plainDigits(text: string, start: number, end: number, decimal: number): string {
  let out = '';
  for (let pos = start; pos < end; pos++) {
    const c = text.charCodeAt(pos);
    if (isDigit(c)) out += text[pos];
    else if (c === decimal) out += '.';
  }
  return out;
}

/**
 * Reads one cell of a number column: XLSX numbers pass through, text goes through `parseNumberText`.
 * Booleans and dates are not amounts (NaN); blank is null, never 0.
 */
export function parseNumberCell(cell: RawCell, decimal: DecimalMark): number | null {
  if (typeof cell === 'string') return parseNumberText(cell, decimal);
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NaN;
  if (cell === null) return null;
  return NaN;
}

export type DecimalInference =
  | { ok: true; mark: DecimalMark }
  /** No reading fits every value: `examples` shows values that pull each way. */
  | { ok: false; examples: string[] };

/**
 * Chooses a column's decimal mark from its text values.
 *
 * A value that reads one way only votes for it (`12,5`, `1.234,56`, `0,125` vote comma; `2.55`, `1,234,567`,
 * `0.001` vote dot). A value that reads both ways with different results (`1,234`, `1.234`) is ambiguous. Then:
 * - votes for both marks: ambiguous;
 * - dot votes: dot (`1,234` is a thousands group, `1.234` a decimal);
 * - comma votes: comma, unless there are also `1,234`-like values, which would have to mean 1.234 although a
 *   comma before three digits is usually a thousands separator: ambiguous;
 * - no votes and only `1,234`-like values: dot with thousands (English money, `$5,320`);
 * - no votes and `1.234`-like values: ambiguous, as `15.000` is Rp 15,000 in Indonesia and 15.0 elsewhere.
 * `hint`, the mark the file's locale writes (comma for Rupiah, see `signalsRupiah`), settles the ambiguous cases
 * in which no value votes against it.
 * Reading stops after `sampleSize` non-empty values once a vote has been cast; while only ambiguous values have
 * been seen it keeps reading the column for one that decides.
 *
 * Cost: O(values read), two parses per value.
 */
export function inferDecimalMark(values: Iterable<RawCell>, sampleSize = 2000, hint?: DecimalMark): DecimalInference {
  let read = 0;
  let dotVotes = 0;
  let commaVotes = 0;
  let commaGroupLike = 0;
  let dotGroupLike = 0;
  const examples = { dot: '', comma: '', commaGroup: '', dotGroup: '' };
  for (const cell of values) {
    read++;
    if (typeof cell === 'string') {
      const asDot = parseNumberText(cell, 'dot');
      const asComma = parseNumberText(cell, 'comma');
      const dotValid = asDot !== null && !Number.isNaN(asDot);
      const commaValid = asComma !== null && !Number.isNaN(asComma);
      if (dotValid && !commaValid) {
        dotVotes++;
        examples.dot ||= cell;
      } else if (commaValid && !dotValid) {
        commaVotes++;
        examples.comma ||= cell;
      } else if (dotValid && commaValid && asDot !== asComma) {
        if (cell.includes(',')) {
          commaGroupLike++;
          examples.commaGroup ||= cell;
        } else {
          dotGroupLike++;
          examples.dotGroup ||= cell;
        }
      }
    }
    const decided = dotVotes + commaVotes > 0;
    if (read >= sampleSize && (decided || commaGroupLike + dotGroupLike === 0)) break;
  }
  const ambiguous = (...shown: string[]): DecimalInference => {
    const against = hint === 'comma' ? dotVotes : commaVotes;
    return hint !== undefined && against === 0 ? { ok: true, mark: hint } : { ok: false, examples: shown.filter(Boolean) };
  };
  if (dotVotes > 0 && commaVotes > 0) return ambiguous(examples.dot, examples.comma);
  if (dotVotes > 0) return { ok: true, mark: 'dot' };
  if (commaVotes > 0) {
    return commaGroupLike > 0 ? ambiguous(examples.comma, examples.commaGroup) : { ok: true, mark: 'comma' };
  }
  if (dotGroupLike > 0) return ambiguous(examples.dotGroup, examples.commaGroup);
  return { ok: true, mark: 'dot' };
}
