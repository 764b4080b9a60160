import { IngestError } from '../../../src/ingest/types.js';
import type { RawCell, RawRecord, RawTable, SourceFormat } from '../../../src/ingest/types.js';

/** A small RawTable: the header on line 1, data from line 2. */
export function rawTable(header: string[], rows: RawCell[][], format: SourceFormat = 'csv'): RawTable {
  const records: RawRecord[] = rows.map((cells, i) => ({ line: i + 2, cells }));
  return { format, container: 'none', header, headerLine: 1, records, warnings: [] };
}

/** Catches the IngestError a call throws. */
export function ingestError(run: () => unknown): IngestError {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}
