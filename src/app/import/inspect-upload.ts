import { parseExport } from '../../ingest/parse-export.js';
import { readTable } from '../../ingest/read-table.js';
import { IngestError, type ColumnMapping, type IngestErrorCode, type IngestOptions, type TransactionRow } from '../../ingest/types.js';
import { isoWallClock, skippedCounts, type ImportReport } from './import-report.js';

export interface InspectRequest {
  fileName: string;
  bytes: Uint8Array;
  ingest: IngestOptions;
}

/** A line as it would be stored, with its date written out for people and for --json. */
export interface PreviewRow extends TransactionRow {
  /** The timestamp as written in the file: ISO 8601 without a zone. */
  date: string;
}

/** How a file would be read and what an upload of it would store, as `inspect --json` prints it. */
export interface Inspection {
  fileName: string;
  format: string;
  delimiter?: string;
  encoding?: string;
  container: string;
  sheets?: string[];
  /** The platform whose export layout was recognised (`shopify`, `tiktok-shop`), null for a generic file. */
  platform: string | null;
  /** Its name as the reply says it: "Shopify orders export". */
  platformName?: string;
  /** The currency of the amounts, when the export or the workspace says (ISO 4217). */
  currency: string | null;
  /** Field -> the file's column. */
  columns: ColumnMapping;
  /** How a line's amount is found, in the export's column names (recognised platforms only). */
  amountRule?: string;
  rowsRead: number;
  /** Lines an upload would store, before lines an earlier upload of the dataset already stored are ignored. */
  rowsKept: number;
  rowsSkipped: ImportReport['rowsSkipped'];
  skippedExamples: ImportReport['skippedExamples'];
  topNonProductLines: ImportReport['topNonProductLines'];
  /** Orders left out as cancelled, voided, failed or unpaid. */
  cancelledOrders: number;
  /** Orders with a refund or a return, counted as returns. */
  refundedOrders: number;
  /** An order-level export (Stripe, Magento): each order is one line and products are unknown. */
  productsUnknown: boolean;
  anonymousRows: number;
  returnRows: number;
  warnings: string[];
  /** The first lines an upload would store, in file order. */
  firstRows: PreviewRow[];
}

export type InspectOutcome =
  | { ok: true; inspection: Inspection }
  | { ok: false; code: IngestErrorCode; details: Record<string, unknown> };

/** Lines shown before storing: enough to check the mapping, few enough for one Discord message. */
export const PREVIEW_ROWS = 5;

/**
 * Reads a file the way an upload would (same stages, same options) and tells what it would store, storing nothing:
 * it never opens the database, so it cannot say which lines an earlier upload already holds. It runs on the calling
 * thread and parses the whole file, since the counts of what is set aside need every line: a dry run of a big export
 * takes as long as reading it does, and blocks this thread meanwhile; commands call `inspectInWorker`.
 */
export async function inspectUpload(request: InspectRequest): Promise<InspectOutcome> {
  try {
    return { ok: true, inspection: await inspect(request) };
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, code: error.code, details: error.details };
    throw error;
  }
}

async function inspect(request: InspectRequest): Promise<Inspection> {
  const table = await readTable(request.bytes, request.fileName, request.ingest);
  const firstRows: PreviewRow[] = [];
  const parsed = parseExport(table, request.ingest, undefined, (rows, from, to) => {
    // The chunk's array is reused for the next chunk: keep copies.
    for (let at = from; at < to && firstRows.length < PREVIEW_ROWS; at++) {
      const row = rows[at]!;
      firstRows.push({ ...row, date: isoWallClock(row.timestamp) });
    }
  });
  const { format, delimiter, encoding, container, sheets } = parsed.table;
  const platform = parsed.platform;
  return {
    fileName: request.fileName,
    format,
    delimiter,
    encoding,
    container,
    sheets,
    platform: platform?.platform ?? null,
    ...(platform !== null && { platformName: platform.platformName, amountRule: platform.amountRule }),
    currency: platform?.currency ?? request.ingest.currency ?? null,
    columns: parsed.columns,
    rowsRead: parsed.rowsRead,
    rowsKept: parsed.rowsKept,
    ...skippedCounts(parsed),
    cancelledOrders: platform?.cancelledOrders ?? 0,
    refundedOrders: platform?.refundedOrders.length ?? 0,
    productsUnknown: platform?.productsUnknown ?? false,
    anonymousRows: parsed.anonymousRows,
    returnRows: parsed.returnRows,
    warnings: [...new Set([...parsed.table.warnings, ...parsed.warnings])],
    firstRows,
  };
}
