import type { ColumnMapping, ParsedImport, SkipReason, TransactionRow } from '../ingest/types.js';

/** What an upload did, as `upload --json` prints it and every door words it. */
export interface ImportReport {
  dataset: string;
  fileName: string;
  format: string;
  delimiter?: string;
  encoding?: string;
  container: string;
  sheets?: string[];
  rowsRead: number;
  rowsImported: number;
  duplicatesIgnored: number;
  /** Reason -> count. */
  rowsSkipped: Partial<Record<SkipReason, number>>;
  /** Reason -> up to five example line numbers. */
  skippedExamples: Partial<Record<SkipReason, number[]>>;
  anonymousRows: number;
  returnRows: number;
  customers: number;
  invoices: number;
  firstDate: string | null;
  lastDate: string | null;
  revenue: number;
  columns: ColumnMapping;
  warnings: string[];
  /** The same file (by SHA-256) had been uploaded to this dataset before. */
  alreadyUploaded: boolean;
  mode: 'append' | 'replace';
}

export interface FileFigures {
  customers: number;
  invoices: number;
  firstDate: string | null;
  lastDate: string | null;
  revenue: number;
}

/** Customers, invoices, date range and revenue of the rows a file contributed. O(n). */
export function fileFigures(rows: readonly TransactionRow[]): FileFigures {
  const customers = new Set<string>();
  const invoices = new Set<string>();
  let first = Infinity;
  let last = -Infinity;
  let cents = 0;
  for (const row of rows) {
    if (row.customerId !== null) customers.add(row.customerId);
    if (row.invoice !== null) invoices.add(row.invoice);
    if (row.timestamp < first) first = row.timestamp;
    if (row.timestamp > last) last = row.timestamp;
    cents += Math.round(row.amount * 100);
  }
  return {
    customers: customers.size,
    invoices: invoices.size,
    firstDate: rows.length ? isoWallClock(first) : null,
    lastDate: rows.length ? isoWallClock(last) : null,
    revenue: cents / 100,
  };
}

/** Wall-clock time as written in the file, ISO 8601 without a zone (the file had none). */
export function isoWallClock(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19);
}

export function skippedCounts(parsed: ParsedImport): Pick<ImportReport, 'rowsSkipped' | 'skippedExamples'> {
  const rowsSkipped: ImportReport['rowsSkipped'] = {};
  const skippedExamples: ImportReport['skippedExamples'] = {};
  for (const [reason, tally] of Object.entries(parsed.rowsSkipped) as [SkipReason, { count: number; lines: number[] }][]) {
    rowsSkipped[reason] = tally.count;
    skippedExamples[reason] = tally.lines;
  }
  return { rowsSkipped, skippedExamples };
}
