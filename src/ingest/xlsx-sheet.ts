import type { RawCell } from './types.js';
import type { DateStyles } from './xlsx-styles.js';
import { XmlScanner, type XmlHandler } from './xml-scanner.js';

/**
 * A worksheet part's rows, read as its XML streams in. Cells keep their types as read-excel-file (the reader Segmenta
 * used before) gave them: text trimmed, with empty text, errors and empty cells as null; numbers; booleans; dates as
 * Dates, from numbers in a date style or from `t="d"` cells.
 */

export interface SheetRow {
  /** The sheet's row number. */
  line: number;
  /** By column: cells[0] is column A. Ends at the row's last value. */
  cells: RawCell[];
}

export interface CellReading {
  /** The workbook's shared strings, trimmed, with empty ones as null. */
  sharedStrings: readonly (string | null)[];
  dateStyles: DateStyles;
  /** Serial dates count from 1904-01-01 (old Mac workbooks) instead of 1899-12-30. */
  epoch1904: boolean;
}

const TAGS = ['row', 'c', 'v', 'is', 't', 'rPh'] as const;
const [ROW, CELL, VALUE, INLINE_STRING, TEXT, PHONETIC] = [0, 1, 2, 3, 4, 5];

/** `<c t>`: number (the default), shared string, formula string, inline string, boolean, error, ISO date. */
const enum CellType {
  Number,
  SharedString,
  FormulaString,
  InlineString,
  Boolean,
  Error,
  Date,
  Unknown,
}

/** Excel's last column, XFD. */
const MAX_COLUMN = 16_384;
const DAY_MS = 86_400_000;
/** Serial day of 1970-01-01: Excel counts from 1899-12-31 and believes 1900 was a leap year. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days from 1900's day 0 to 1904-01-01 in Excel's reckoning. */
const EPOCH_1904_OFFSET = 1_462;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;

/**
 * The rows that hold at least one value, in order, from the sheet's XML given in chunks. Row and cell positions come
 * from their `r` references (or follow the one before when a writer leaves them out). Throws a plain Error for a
 * cell Excel could not have written (a shared string that does not exist, a number that is not one).
 */
export function* sheetRows(chunks: Iterable<Uint8Array>, reading: CellReading): Generator<SheetRow> {
  const reader = new SheetReader(reading);
  const scanner = new XmlScanner(TAGS, reader);
  for (const chunk of chunks) {
    scanner.write(chunk);
    if (reader.rows.length > 0) {
      const rows = reader.rows;
      reader.rows = [];
      yield* rows;
    }
  }
  scanner.end();
  yield* reader.rows;
}

class SheetReader implements XmlHandler {
  /** Rows completed since the last chunk. */
  rows: SheetRow[] = [];
  private cells: RawCell[] | undefined;
  private line = 0;
  private lineKnown = false;
  private column = 0;
  private type = CellType.Number;
  private dateStyle = false;
  private hasValue = false;
  private number = NaN;
  private string = '';
  private inValue = false;
  private inInlineString = false;
  private inText = false;
  private inPhonetic = false;

  constructor(private readonly reading: CellReading) {}

  open(tag: number, scanner: XmlScanner): void {
    if (tag === ROW) this.openRow(scanner);
    else if (tag === CELL) this.openCell(scanner);
    else if (tag === VALUE) this.inValue = true;
    else if (tag === INLINE_STRING) this.inInlineString = true;
    else if (tag === TEXT) this.inText = true;
    else if (tag === PHONETIC) this.inPhonetic = true;
  }

  close(tag: number): void {
    if (tag === ROW) this.closeRow();
    else if (tag === CELL) this.closeCell();
    else if (tag === VALUE) this.inValue = false;
    else if (tag === INLINE_STRING) this.inInlineString = false;
    else if (tag === TEXT) this.inText = false;
    else if (tag === PHONETIC) this.inPhonetic = false;
  }

  text(start: number, end: number, cdata: boolean, scanner: XmlScanner): void {
    if (this.cells === undefined) return;
    if (this.inValue) {
      this.hasValue = true;
      if (this.type === CellType.Number || this.type === CellType.SharedString) this.number = scanner.number(start, end);
      else this.string = scanner.string(start, end, cdata);
    } else if (this.inInlineString && this.inText && !this.inPhonetic && this.type === CellType.InlineString) {
      this.hasValue = true;
      this.string += scanner.string(start, end, cdata);
    }
  }

  private openRow(scanner: XmlScanner): void {
    const slot = scanner.attribute('r');
    const line = slot < 0 ? NaN : scanner.number(scanner.valueStart(slot), scanner.valueEnd(slot));
    this.lineKnown = Number.isInteger(line) && line > 0;
    if (this.lineKnown) this.line = line;
    this.cells = [];
    this.column = 0;
  }

  private closeRow(): void {
    if (!this.lineKnown) this.line++;
    if (this.cells !== undefined && this.cells.length > 0) this.rows.push({ line: this.line, cells: this.cells });
    this.cells = undefined;
  }

  private openCell(scanner: XmlScanner): void {
    this.column = this.columnOf(scanner, scanner.attribute('r'));
    const typeSlot = scanner.attribute('t');
    this.type = typeSlot < 0 ? CellType.Number : typeOf(scanner, typeSlot);
    const styleSlot = scanner.attribute('s');
    this.dateStyle = styleSlot >= 0 && this.reading.dateStyles[scanner.number(scanner.valueStart(styleSlot), scanner.valueEnd(styleSlot))] === true;
    this.hasValue = false;
    this.string = '';
  }

  private closeCell(): void {
    const cells = this.cells;
    if (cells === undefined) return;
    const value = this.hasValue ? this.value() : null;
    if (value === null) return;
    while (cells.length < this.column - 1) cells.push(null);
    cells[this.column - 1] = value;
  }

  private value(): RawCell {
    switch (this.type) {
      case CellType.Number:
        if (Number.isNaN(this.number)) throw new Error(`row ${this.line}, column ${this.column}: a number cell holds no number`);
        return this.dateStyle ? serialDate(this.number, this.reading.epoch1904) : this.number;
      case CellType.SharedString: {
        const text = this.reading.sharedStrings[this.number];
        if (text === undefined) throw new Error(`row ${this.line}, column ${this.column}: no shared string ${this.number}`);
        return text;
      }
      case CellType.FormulaString:
      case CellType.InlineString:
        return cellText(this.string);
      case CellType.Boolean:
        if (this.string === '') return null;
        if (this.string === '1' || this.string === '0') return this.string === '1';
        throw new Error(`row ${this.line}, column ${this.column}: a boolean cell holds ${this.string}`);
      case CellType.Error:
        return null;
      case CellType.Date:
        return this.string === '' ? null : isoDate(this.string, this.line, this.column);
      case CellType.Unknown:
        throw new Error(`row ${this.line}, column ${this.column}: unknown cell type`);
    }
  }

  /** The column of a reference like `AB12` (28); the next column when the cell has none. */
  private columnOf(scanner: XmlScanner, slot: number): number {
    if (slot < 0) return this.column + 1;
    const bytes = scanner.bytes;
    const end = scanner.valueEnd(slot);
    let column = 0;
    let at = scanner.valueStart(slot);
    for (; at < end; at++) {
      const letter = bytes[at]! & ~0x20;
      if (letter < 0x41 || letter > 0x5a) break;
      column = column * 26 + (letter - 0x40);
    }
    if (column === 0 || column > MAX_COLUMN) throw new Error(`cell reference ${scanner.attributeText('r')} is not a cell`);
    if (!this.lineKnown && at < end) {
      const line = scanner.number(at, end);
      if (Number.isInteger(line) && line > 0) [this.line, this.lineKnown] = [line, true];
    }
    return column;
  }

}

/** A cell's `t`, compared as bytes: it is read for every typed cell. */
function typeOf(scanner: XmlScanner, slot: number): CellType {
  const start = scanner.valueStart(slot);
  if (scanner.valueEnd(slot) - start === 1) {
    switch (scanner.bytes[start]) {
      case 0x73: // s
        return CellType.SharedString;
      case 0x6e: // n
        return CellType.Number;
      case 0x62: // b
        return CellType.Boolean;
      case 0x65: // e
        return CellType.Error;
      case 0x64: // d
        return CellType.Date;
    }
  }
  if (scanner.valueIs(slot, 'inlineStr')) return CellType.InlineString;
  if (scanner.valueIs(slot, 'str')) return CellType.FormulaString;
  return CellType.Unknown;
}

/** A text as a cell: `_xHHHH_` escapes decoded, trimmed, null when empty. */
export function cellText(text: string): string | null {
  const trimmed = (text.includes('_x') ? text.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text).trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A serial day number as a Date, floored to the millisecond as read-excel-file does; the serial is a binary fraction,
 * so 14:57:00 comes out as 14:56:59.999 (online_retail_40k_sample.xlsx: 14,837 of 40,000 dates), and values within
 * 1 ms of a second are snapped to it.
 */
function serialDate(serial: number, epoch1904: boolean): Date {
  const days = (epoch1904 ? serial + EPOCH_1904_OFFSET : serial) - UNIX_EPOCH_SERIAL;
  return new Date(snapToSecond(Math.floor(days * DAY_MS)));
}

/** An ISO date cell; a date and time without an offset is a wall-clock time, kept as if UTC like every other date. */
function isoDate(text: string, line: number, column: number): Date {
  const trimmed = text.trim();
  const time = new Date(LOCAL_DATE_TIME.test(trimmed) ? `${trimmed}Z` : trimmed).getTime();
  if (Number.isNaN(time)) throw new Error(`row ${line}, column ${column}: a date cell holds ${text}`);
  return new Date(snapToSecond(time));
}

function snapToSecond(time: number): number {
  const second = Math.round(time / 1000) * 1000;
  return Math.abs(time - second) <= 1 ? second : time;
}
