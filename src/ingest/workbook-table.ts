import { countRecognisedFields } from './columns.js';
import { assertUsableHeader, findHeaderRow, HEADER_WINDOW_ROWS, headerNames, trimToWidth } from './header.js';
import { assertHeaderWidth, countWithinCaps } from './table-caps.js';
import { IngestError, type IngestLimits, type RawCell, type RawRecord, type RawTable } from './types.js';
import type { SheetRow, WorkbookSheet } from './xlsx.js';

interface SheetPart {
  sheet: WorkbookSheet;
  /** Sheet row number of the header. */
  headerLine: number;
  names: string[];
}

/**
 * A workbook as one table. The table is the sheet that looks most like transactions: the one whose header names
 * the most transaction fields, then one named like orders or sales (`orders`, `Laporan Penjualan`), then the first;
 * so a cover, summary or pivot sheet in front of the data is passed over. Monthly exports often come as one sheet per
 * month: every sheet with the same columns as that sheet is read, in workbook order; other sheets (notes, pivots)
 * are skipped with a warning. With `sheetName`, only that sheet is read.
 */
export function readWorkbookTable(sheets: readonly WorkbookSheet[], sheetName: string | undefined, limits: IngestLimits): Omit<RawTable, 'container'> {
  const candidates = sheetName === undefined ? sheets : [namedSheet(sheets, sheetName)];
  const headed: SheetPart[] = [];
  const unheaded: WorkbookSheet[] = [];
  for (const sheet of candidates) {
    const header = headerRowOf(sheet);
    if (header === undefined) continue;
    if (header === null) unheaded.push(sheet);
    else headed.push({ sheet, headerLine: header.line, names: headerNames(header.cells) });
  }
  const table = mostTransactionLike(headed);
  if (table === undefined) {
    if (unheaded.length === 0) throw new IngestError('file_empty', {});
    throw new IngestError('no_header', { sheets: unheaded.map((sheet) => sheet.name) });
  }
  const header = table.names;
  const headerLine = table.headerLine;
  assertHeaderWidth(header, headerLine, limits);
  assertUsableHeader(header, headerLine);
  const parts = headed.filter((part) => part === table || sameColumns(part.names, header));
  const read = parts.map((part) => part.sheet.name);
  const skipped = candidates.filter((sheet) => unheaded.includes(sheet) || headed.some((part) => part.sheet === sheet && !parts.includes(part)));

  const width = header.length;
  const recordCount = countWithinCaps(sheetRecords(parts, width), header, limits);
  const warnings =
    skipped.length === 0
      ? []
      : [`Read sheet${read.length === 1 ? '' : 's'} ${read.join(', ')}; skipped ${skipped.map((sheet) => sheet.name).join(', ')}, whose columns differ.`];
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

/** Sheet names that say they hold the orders, in English and Indonesian. */
const TRANSACTION_SHEET_NAME = /order|pesanan|penjualan|transaksi|transaction|sales|invoice|faktur/i;

/** The sheet whose header names the most transaction fields; on a tie, one named like orders, then the first. */
function mostTransactionLike(headed: readonly SheetPart[]): SheetPart | undefined {
  let best: SheetPart | undefined;
  let bestScore = -1;
  for (const part of headed) {
    const score = countRecognisedFields(part.names) * 2 + (TRANSACTION_SHEET_NAME.test(part.sheet.name) ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [part, score];
  }
  return best;
}

function namedSheet(sheets: readonly WorkbookSheet[], name: string): WorkbookSheet {
  const wanted = name.trim().toLowerCase();
  const sheet = sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted);
  if (!sheet) throw new IngestError('sheet_not_found', { sheet: name, available: sheets.map((s) => s.name) });
  return sheet;
}

/**
 * The header row, null when the sheet has rows but no header, undefined when it is empty. Only the first rows are
 * read: the sheet part is inflated no further than they are.
 */
function headerRowOf(sheet: WorkbookSheet): SheetRow | null | undefined {
  const window: SheetRow[] = [];
  for (const row of sheet.rows()) {
    window.push(row);
    if (window.length === HEADER_WINDOW_ROWS) break;
  }
  if (window.length === 0) return undefined;
  const at = findHeaderRow(window.map((row) => row.cells));
  return at < 0 ? null : window[at]!;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, '');
  return a.length === b.length && a.every((name, i) => key(name) === key(b[i]!));
}

/** Each iteration reads the sheets again; see WorkbookSheet.rows. */
function* sheetRecords(parts: readonly SheetPart[], width: number): Generator<RawRecord> {
  for (const { sheet, headerLine } of parts) {
    for (const { line, cells } of sheet.rows()) {
      if (line <= headerLine) continue;
      yield { line, cells: trimToWidth(padToWidth(cells, width), width), sheet: sheet.name };
    }
  }
}

/** A row ends at its last value; read-excel-file gave every row the sheet's full width, so rows still reach the header's. */
function padToWidth(cells: RawCell[], width: number): RawCell[] {
  while (cells.length < width) cells.push(null);
  return cells;
}
