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

/** Customers, invoices, date range and revenue of the rows a file contributed, given a chunk at a time. O(n). */
export class FileFiguresTally {
  private readonly customers = new Set<string>();
  private readonly invoices = new Set<string>();
  private rows = 0;
  private first = Infinity;
  private last = -Infinity;
  private cents = 0;

  private lastCustomer: string | null = null;
  private lastInvoice: string | null = null;

  /** Adds rows[from..to). */
  add(rows: readonly TransactionRow[], from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const row = rows[i]!;
      // An invoice's lines follow one another, so most lines skip the Set lookups.
      if (row.customerId !== this.lastCustomer && row.customerId !== null) this.customers.add((this.lastCustomer = row.customerId));
      if (row.invoice !== this.lastInvoice && row.invoice !== null) this.invoices.add((this.lastInvoice = row.invoice));
      if (row.timestamp < this.first) this.first = row.timestamp;
      if (row.timestamp > this.last) this.last = row.timestamp;
      this.cents += Math.round(row.amount * 100);
    }
    this.rows += to - from;
  }

  figures(): FileFigures {
    return {
      customers: this.customers.size,
      invoices: this.invoices.size,
      firstDate: this.rows ? isoWallClock(this.first) : null,
      lastDate: this.rows ? isoWallClock(this.last) : null,
      revenue: this.cents / 100,
    };
  }
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
