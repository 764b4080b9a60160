import readXlsxFile from 'read-excel-file/universal';
import { assertEntryWithinLimits, listZipEntries } from './decompress.js';
import { megabytes } from './limits.js';
import { IngestError, type IngestLimits, type RawCell } from './types.js';

export interface WorkbookSheet {
  name: string;
  /** Rows by position: rows[i] is sheet row i + 1. Cells keep their types; date cells are Dates. */
  rows: RawCell[][];
}

/**
 * Every sheet of an XLSX workbook. The parts' declared sizes are checked first; read-excel-file's universal
 * build then inflates with fflate from the same central directory, into buffers of exactly those sizes, so
 * a part that lies about its size cannot grow past the check.
 */
export async function readWorkbook(bytes: Uint8Array, limits: IngestLimits): Promise<WorkbookSheet[]> {
  assertPartsWithinLimits(bytes, limits);
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(arrayBufferOf(bytes));
  } catch (error) {
    throw new IngestError('not_a_table', { detected: 'damaged_xlsx', reason: error instanceof Error ? error.message : String(error) });
  }
  return sheets.map(({ sheet, data }) => ({ name: sheet, rows: data.map((row) => row.map(toRawCell)) }));
}

function assertPartsWithinLimits(bytes: Uint8Array, limits: IngestLimits): void {
  let total = 0;
  for (const part of listZipEntries(bytes)) {
    assertEntryWithinLimits(part, limits);
    total += part.uncompressedSize;
  }
  // All parts are held at once while the workbook is read.
  if (total > limits.maxUncompressedBytes) {
    throw new IngestError('zip_bomb', { reason: 'size', sizeMb: megabytes(total), limitMb: megabytes(limits.maxUncompressedBytes) });
  }
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
}

/** read-excel-file types date cells as `typeof Date`; at run time they are Date instances. */
function toRawCell(cell: unknown): RawCell {
  if (cell instanceof Date) return snapToSecond(cell);
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return null;
}

/**
 * read-excel-file floors serial × 86,400,000, and the serial is a binary fraction, so 14:57:00 comes out as
 * 14:56:59.999 (online_retail_40k_sample.xlsx: 14,837 of 40,000 dates). Snap values within 1 ms of a second.
 */
function snapToSecond(date: Date): Date {
  const time = date.getTime();
  const second = Math.round(time / 1000) * 1000;
  return Math.abs(time - second) <= 1 ? new Date(second) : date;
}
