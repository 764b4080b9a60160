import type { ColumnMapping, ParsedImport, SkipReason } from '../ingest/types.js';
import { NO_TEXT, type LineColumns } from '../store/transactions.js';

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

/**
 * Customers, invoices, date range and revenue of the rows a file contributed, given a chunk at a time, its texts
 * numbered as the upload numbers them: distinct customers are distinct numbers. O(n).
 */
export class FileFiguresTally {
  private readonly customers = new DistinctIds();
  private readonly invoices = new DistinctIds();
  private rows = 0;
  private first = Infinity;
  private last = -Infinity;
  private cents = 0;

  add(lines: LineColumns): void {
    const { customers, invoices, timestamps, amounts } = lines;
    for (let i = 0; i < lines.rows; i++) {
      this.customers.add(customers[i]!);
      this.invoices.add(invoices[i]!);
      const timestamp = timestamps[i]!;
      if (timestamp < this.first) this.first = timestamp;
      if (timestamp > this.last) this.last = timestamp;
      this.cents += Math.round(amounts[i]! * 100);
    }
    this.rows += lines.rows;
  }

  figures(): FileFigures {
    return {
      customers: this.customers.count,
      invoices: this.invoices.count,
      firstDate: this.rows ? isoWallClock(this.first) : null,
      lastDate: this.rows ? isoWallClock(this.last) : null,
      revenue: this.cents / 100,
    };
  }
}

/** How many distinct text ids were added, NO_TEXT aside. */
class DistinctIds {
  private seen = new Uint8Array(1024);
  count = 0;

  add(id: number): void {
    if (id === NO_TEXT) return;
    if (id >= this.seen.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.seen.length * 2));
      grown.set(this.seen);
      this.seen = grown;
    }
    if (this.seen[id] === 0) {
      this.seen[id] = 1;
      this.count++;
    }
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
