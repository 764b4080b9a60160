import { IngestError, type IngestLimits, type RawRecord } from './types.js';

/**
 * The caps on a table's shape, checked in one pass before any later stage starts, so a refusal names the
 * first offending line and nothing downstream has to re-check.
 */

export function assertHeaderWidth(header: readonly string[], line: number, limits: IngestLimits): void {
  if (header.length > limits.maxColumns) {
    throw new IngestError('too_many_columns', { columns: header.length, limit: limits.maxColumns, line });
  }
}

/**
 * Counts the data records, refusing too many rows, too many columns in a row, or a cell longer than the cap.
 *
 * Cost: O(cells).
 */
export function countWithinCaps(records: Iterable<RawRecord>, header: readonly string[], limits: IngestLimits): number {
  const { maxRows, maxColumns, maxCellLength } = limits;
  let count = 0;
  for (const { line, cells, sheet } of records) {
    if (++count > maxRows) throw new IngestError('too_many_rows', { limit: maxRows, line, ...(sheet !== undefined && { sheet }) });
    if (cells.length > maxColumns) {
      throw new IngestError('too_many_columns', { columns: cells.length, limit: maxColumns, line, ...(sheet !== undefined && { sheet }) });
    }
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (typeof cell === 'string' && cell.length > maxCellLength) {
        throw new IngestError('cell_too_long', {
          line,
          column: i + 1,
          columnName: header[i],
          length: cell.length,
          limit: maxCellLength,
          ...(sheet !== undefined && { sheet }),
        });
      }
    }
  }
  return count;
}
