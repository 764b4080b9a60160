import { IngestError, type RawCell, type RawRecord } from './types.js';

/**
 * Finding and checking the header row. Exports often put a report title, a date range or a blank line
 * above the header, so it is searched for rather than assumed to be line 1.
 */

/** How many non-empty rows to search for the header. */
export const HEADER_SEARCH_ROWS = 20;
/** Rows after a candidate that must look like its data. */
const FOLLOWING_ROWS = 5;
/** Non-empty rows the header search needs to see. */
export const HEADER_WINDOW_ROWS = HEADER_SEARCH_ROWS + FOLLOWING_ROWS;
/** Names that would reach into Object.prototype if a later stage keyed an object by column name. */
const UNSAFE_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
/** Digits with currency, sign, thousands, decimal, date and time punctuation: a value, not a column name. */
const VALUE_LIKE = /^[\s\d.,:/+\-−()%'$€£¥₹]*\d[\s\d.,:/+\-−()%'$€£¥₹]*$/;

/**
 * Index of the header among the first non-empty rows, or -1: the first row with at least two filled cells,
 * mostly words rather than values, followed by rows as wide as it (so "Exported by | Bob" above the real
 * header is passed over).
 */
export function findHeaderRow(rows: readonly (readonly RawCell[])[]): number {
  const searched = Math.min(HEADER_SEARCH_ROWS, rows.length);
  for (let i = 0; i < searched; i++) {
    if (looksLikeHeader(rows[i]!) && isFollowedByItsData(rows, i)) return i;
  }
  return -1;
}

function looksLikeHeader(cells: readonly RawCell[]): boolean {
  const filled = cells.filter(isFilled);
  const words = filled.filter((cell) => typeof cell === 'string' && !VALUE_LIKE.test(cell));
  return words.length >= 2 && words.length * 2 > filled.length;
}

function isFollowedByItsData(rows: readonly (readonly RawCell[])[], at: number): boolean {
  const width = filledWidth(rows[at]!);
  const following = rows.slice(at + 1, at + 1 + FOLLOWING_ROWS);
  if (following.length === 0) return true;
  // Data rows may leave their last cells empty, or carry a stray unnamed cell, but not a table's worth more.
  const widest = width + Math.max(1, Math.floor(width / 4));
  const alike = following.filter((row) => {
    const rowWidth = filledWidth(row);
    return rowWidth <= widest && rowWidth * 2 > width;
  });
  return alike.length * 2 > following.length;
}

function filledWidth(cells: readonly RawCell[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (isFilled(cells[i]!)) return i + 1;
  return 0;
}

export function isFilled(cell: RawCell): boolean {
  return cell !== null && (typeof cell !== 'string' || cell.trim() !== '');
}

/**
 * Trimmed column names. Empty names at the end are dropped: they come from a trailing delimiter or from
 * cells formatted beyond the table, and their data rows are trimmed to match (see trimToWidth).
 */
export function headerNames(cells: readonly RawCell[]): string[] {
  const names = cells.map((cell) => cellText(cell).trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return names;
}

function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/**
 * Refuses names that would collide when columns are matched case- and space-insensitively, and names that
 * are unsafe as object keys.
 */
export function assertUsableHeader(names: readonly string[], line: number): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (name === '') continue;
    const key = name.toLowerCase().replace(/\s+/g, '');
    if (UNSAFE_NAMES.has(key)) throw new IngestError('unsafe_header', { name, line });
    if (seen.has(key)) throw new IngestError('duplicate_header', { name, line });
    seen.add(key);
  }
}

/**
 * Drops a row's empty cells beyond the header's width (a trailing delimiter, or empty cells past the
 * table). A filled cell there is kept: the row is ragged, and validation decides.
 */
export function trimToWidth<T extends RawCell>(cells: T[], width: number): T[] {
  while (cells.length > width && !isFilled(cells[cells.length - 1]!)) cells.pop();
  return cells;
}

/**
 * With `header: none` the names given stand for the header, so they must fit the lines: every value needs a name,
 * and every name a value. Widths are the most common among the first lines, so one ragged line (validation flags
 * it) does not decide, and empty values at a line's end (a trailing delimiter) need no name.
 * Throws IngestError `column_count` with a line whose values show how many names it takes.
 */
export function assertNamesFitLines(names: readonly string[], lines: readonly RawRecord[]): void {
  if (lines.length === 0) return;
  const filled = mostCommon(lines.map((record) => filledWidth(record.cells)));
  const written = Math.max(filled, mostCommon(lines.map((record) => record.cells.length)));
  if (names.length >= filled && names.length <= written) return;
  const values = names.length < filled ? filled : written;
  const widthOf = (cells: readonly RawCell[]) => (names.length < filled ? filledWidth(cells) : cells.length);
  const example = lines.find((record) => widthOf(record.cells) === values) ?? lines[0]!;
  throw new IngestError('column_count', { named: names.length, values, line: example.line, example: example.cells.slice(0, values) });
}

/** The most frequent number; the larger on a tie. */
function mostCommon(numbers: readonly number[]): number {
  const times = new Map<number, number>();
  for (const n of numbers) times.set(n, (times.get(n) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [n, count] of times) {
    if (count > most || (count === most && n > best)) [best, most] = [n, count];
  }
  return best;
}
