import type { RawCell } from './types.js';

/** Marks an id a spreadsheet wrote in scientific notation (`1.23E+11`): its trailing digits are gone. */
export const LOST_DIGITS: unique symbol = Symbol('lost_digits');

/** Excel writes large numbers as `1.23E+11`; an id written so cannot be restored. */
const SCIENTIFIC = /^\d+(?:\.\d+)?[eE]\+\d+$/;

/**
 * Normalises a customer or invoice id, keeping it text exactly as written: `17850.0` becomes `17850` (pandas and
 * Excel write integer ids as floats), leading zeros stay (`00123`), XLSX numbers become their integer text.
 * Returns null for blank (an anonymous sale) and LOST_DIGITS when digits were lost to scientific notation or to
 * a number beyond 2^53.
 *
 * Cost: O(length).
 * @example normaliseId('17850.0') // '17850'
 */
export function normaliseId(cell: RawCell): string | null | typeof LOST_DIGITS {
  if (typeof cell === 'string') return normaliseIdText(cell);
  if (cell === null) return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return LOST_DIGITS;
    if (Number.isInteger(cell) && !Number.isSafeInteger(cell)) return LOST_DIGITS;
    return String(cell);
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  return String(cell);
}

function normaliseIdText(cell: string): string | null | typeof LOST_DIGITS {
  const text = cell.trim();
  if (text === '') return null;
  const dot = text.indexOf('.');
  if (dot > 0 && isFloatWrittenInteger(text, dot)) return text.slice(0, dot);
  if (text.includes('+') && SCIENTIFIC.test(text)) return LOST_DIGITS;
  return text;
}

/** `17850.0`, `17850.00`, `17850.`: digits, a dot, then only zeros. */
function isFloatWrittenInteger(text: string, dot: number): boolean {
  for (let i = 0; i < dot; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  for (let i = dot + 1; i < text.length; i++) {
    if (text.charCodeAt(i) !== 48) return false;
  }
  return true;
}
