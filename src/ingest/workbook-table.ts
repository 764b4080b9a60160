import { assertUsableHeader, findHeaderRow, HEADER_WINDOW_ROWS, headerNames, isFilled, trimToWidth } from './header.js';
import { assertHeaderWidth, countWithinCaps } from './table-caps.js';
import { IngestError, type IngestLimits, type RawCell, type RawRecord, type RawTable } from './types.js';
import type { WorkbookSheet } from './xlsx.js';

interface SheetPart {
  sheet: WorkbookSheet;
  /** Position of the header row in sheet.rows. */
  headerIndex: number;
}

/**
 * A workbook as one table. Monthly exports often come as one sheet per month: every sheet with the same
 * columns as the first sheet that has a header is read, in workbook order; other sheets (notes, pivots) are
 * skipped with a warning. With `sheetName`, only that sheet is read.
 */
export function readWorkbookTable(sheets: readonly WorkbookSheet[], sheetName: string | undefined, limits: IngestLimits): Omit<RawTable, 'container'> {
  const candidates = sheetName === undefined ? sheets : [namedSheet(sheets, sheetName)];
  const parts: SheetPart[] = [];
  const skipped: string[] = [];
  let header: string[] | undefined;
  let headerLine = 0;
  for (const sheet of candidates) {
    const headerIndex = headerIndexOf(sheet.rows);
    if (headerIndex === undefined) continue;
    if (headerIndex < 0) {
      skipped.push(sheet.name);
      continue;
    }
    const names = headerNames(sheet.rows[headerIndex]!);
    if (header === undefined) {
      assertHeaderWidth(names, headerIndex + 1, limits);
      assertUsableHeader(names, headerIndex + 1);
      [header, headerLine] = [names, headerIndex + 1];
    } else if (!sameColumns(names, header)) {
      skipped.push(sheet.name);
      continue;
    }
    parts.push({ sheet, headerIndex });
  }
  if (header === undefined) {
    if (skipped.length === 0) throw new IngestError('file_empty', {});
    throw new IngestError('no_header', { sheets: skipped });
  }

  const width = header.length;
  const recordCount = countWithinCaps(sheetRecords(parts, width), header, limits);
  const read = parts.map((part) => part.sheet.name);
  const warnings =
    skipped.length === 0 ? [] : [`Read sheet${read.length === 1 ? '' : 's'} ${read.join(', ')}; skipped ${skipped.join(', ')}, whose columns differ.`];
  return {
    format: 'xlsx',
    sheets: read,
    header,
    headerLine,
    records: { [Symbol.iterator]: () => sheetRecords(parts, width) },
    recordCount,
    warnings,
  };
}

function namedSheet(sheets: readonly WorkbookSheet[], name: string): WorkbookSheet {
  const wanted = name.trim().toLowerCase();
  const sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted);
  if (!sheet) throw new IngestError('sheet_not_found', { sheet: name, available: sheets.map((s) => s.name) });
  return sheet;
}

/** Index of the header row, -1 when the sheet has rows but no header, undefined when it is empty. */
function headerIndexOf(rows: readonly RawCell[][]): number | undefined {
  const window: number[] = [];
  for (let i = 0; i < rows.length && window.length < HEADER_WINDOW_ROWS; i++) if (!isBlank(rows[i]!)) window.push(i);
  if (window.length === 0) return undefined;
  const at = findHeaderRow(window.map((i) => rows[i]!));
  return at < 0 ? -1 : window[at]!;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, '');
  return a.length === b.length && a.every((name, i) => key(name) === key(b[i]!));
}

function* sheetRecords(parts: readonly SheetPart[], width: number): Generator<RawRecord> {
  for (const { sheet, headerIndex } of parts) {
    for (let i = headerIndex + 1; i < sheet.rows.length; i++) {
      const cells = sheet.rows[i]!;
      if (isBlank(cells)) continue;
      yield { line: i + 1, cells: trimToWidth(cells, width), sheet: sheet.name };
    }
  }
}

function isBlank(cells: readonly RawCell[]): boolean {
  return !cells.some(isFilled);
}
