/**
 * Contracts between the ingest stages:
 * bytes -> RawTable (sniff, decompress, decode, parse CSV/XLSX, find the header)
 *       -> ParsedImport (map columns, parse values, apply row rules).
 */

/** A cell as it came out of the file: text from CSV, typed values from XLSX. */
export type RawCell = string | number | boolean | Date | null;

export interface RawRecord {
  /** 1-based line (CSV) or row (XLSX) number in the source, for error messages. */
  line: number;
  cells: RawCell[];
  /** Sheet the row came from (XLSX only). */
  sheet?: string;
}

export type SourceFormat = 'csv' | 'xlsx';

export interface RawTable {
  format: SourceFormat;
  /** Delimiter for text files (',', '\t', ';', '|', or ' ' for whitespace-aligned columns); absent for XLSX. */
  delimiter?: string;
  /** Encoding the text was decoded from ('utf-8', 'utf-16le', 'utf-16be', 'windows-1252'); absent for XLSX. */
  encoding?: string;
  /** Compression wrapper the file came in. */
  container: 'none' | 'gzip' | 'zip';
  /** Name of the file inside a zip, when there was one. */
  innerFileName?: string;
  /** Sheets whose rows were read (XLSX only). */
  sheets?: string[];
  header: string[];
  /** Line number of the header row; 0 when the file has none and the header is the names given (`header: none`). */
  headerLine: number;
  /** Data rows in file order. Ragged rows are kept as they are; validation decides. */
  records: Iterable<RawRecord>;
  /**
   * Set when the records are an export read through its platform profile (PLATFORM_HEADER in platforms/order-lines):
   * each carries its line identity after the fields, and returns are marked by the profile, not by a `C` invoice.
   */
  platformRows?: {
    /** Day-first or month-first when a date column's values fit both. */
    dateOrder?: 'day-first' | 'month-first';
  };
  /** Total number of data records, when known up front (for progress). */
  recordCount?: number;
  warnings: string[];
}

/** Canonical fields a transaction file can carry. */
export const TRANSACTION_FIELDS = [
  'invoice',
  'customer',
  'date',
  'quantity',
  'unitPrice',
  'amount',
  'product',
  'description',
  'country',
  'category',
] as const;
export type TransactionField = (typeof TRANSACTION_FIELDS)[number];

/** Field -> source column name, as chosen by mapping (and overrides). */
export type ColumnMapping = Partial<Record<TransactionField, string>>;

export type DateOrder = 'auto' | 'day-first' | 'month-first';

export interface IngestOptions {
  /** User-chosen source columns, by field. Case- and space-insensitive match. */
  columns?: ColumnMapping;
  dateOrder?: DateOrder;
  /** Decimal separator when a number column is ambiguous. */
  decimal?: 'auto' | 'dot' | 'comma';
  /** XLSX sheet name to read. */
  sheet?: string;
  /**
   * The columns' names in order, for a text file without a header row (`header: none`): its first line is data.
   * An empty name is a column to ignore.
   */
  columnNames?: readonly string[];
  limits?: Partial<IngestLimits>;
  /**
   * Postage, fees, discounts and other non-goods lines (isNonProductLine in non-product-lines.ts): skipped by default;
   * 'keep' reproduces analyses that include them (the reference RFM figures do).
   */
  nonProductLines?: 'skip' | 'keep';
  /**
   * ISO 4217 code of the workspace's currency (the server's /settings currency), when it set one. `IDR` settles
   * money like `28.500` as twenty-eight thousand five hundred: Rupiah has no cents in practice, so a dot before
   * three digits is a thousands separator.
   */
  currency?: string;
}

export interface IngestLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellLength: number;
  /** Uncompressed size allowed for a zip entry / gzip stream / XLSX part. */
  maxUncompressedBytes: number;
  /** Refuse when uncompressed/compressed exceeds this ratio (zip bomb). */
  maxCompressionRatio: number;
  /** Refuse the file when more than this share of rows is unreadable. */
  maxUnreadableShare: number;
}

export const DEFAULT_INGEST_LIMITS: IngestLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 5_000_000,
  maxColumns: 500,
  maxCellLength: 10_000,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxUnreadableShare: 0.2,
};

/** One normalised line item. Timestamps are wall-clock times as written in the file, encoded as if UTC. */
export interface TransactionRow {
  line: number;
  invoice: string | null;
  /** Null for anonymous sales (no customer id): kept for product and country trends, left out of RFM. */
  customerId: string | null;
  /** Epoch milliseconds of the naive local timestamp, read as UTC. */
  timestamp: number;
  product: string | null;
  description: string | null;
  quantity: number | null;
  unitPrice: number | null;
  /** Line total: the amount column, or quantity x unit price. Negative for returns. */
  amount: number;
  country: string | null;
  category: string | null;
  /** Cancellation (invoice prefixed C) or negative quantity. */
  isReturn: boolean;
  /**
   * What makes this line the same line in a later export of the same platform (order, item, place), whatever
   * else changed; absent for a generic file, whose lines are known by their whole content.
   */
  identity?: string | null;
}

/** Reasons a row is set aside. `unreadable` reasons count toward the refusal threshold. */
export const SKIP_REASONS = {
  unparseableDate: { unreadable: true },
  unparseableNumber: { unreadable: true },
  raggedRow: { unreadable: true },
  missingDate: { unreadable: true },
  missingAmount: { unreadable: true },
  nonPositivePrice: { unreadable: false },
  nonProductLine: { unreadable: false },
  cancelledOrder: { unreadable: false },
  emptyRow: { unreadable: false },
} as const;
export type SkipReason = keyof typeof SKIP_REASONS;

export interface NamedCount {
  name: string;
  count: number;
}

export interface SkipTally {
  count: number;
  /** Up to five example line numbers. */
  lines: number[];
}

/** How the values of a file were read, so a reply can say so. */
export interface ImportFormats {
  dateOrder: 'day-first' | 'month-first';
  /** Date text cells were Excel serial day numbers. */
  excelSerialDates: boolean;
  /** Decimal mark per number column present. */
  decimal: Partial<Record<'quantity' | 'unitPrice' | 'amount', 'dot' | 'comma'>>;
  /** What a generic file's money is in, when its values or headers say (ISO 4217); platforms report theirs apart. */
  currency: string | null;
}

export interface ParsedImport {
  /** The kept rows; empty when they were handed over in chunks as they were read (see RowRules.onRows). */
  rows: TransactionRow[];
  /** How many rows were kept. */
  rowsKept: number;
  rowsRead: number;
  rowsSkipped: Partial<Record<SkipReason, SkipTally>>;
  /** Kept rows without a customer id. */
  anonymousRows: number;
  /** Kept rows that are returns or cancellations. */
  returnRows: number;
  /** Rows read (kept or skipped, empty and ragged rows aside) that carry a customer id. */
  rowsWithCustomer: number;
  /** Distinct customer ids among all rows read, kept or skipped. */
  customersSeen: number;
  /**
   * The five names (a line's description, else its code) most often set aside as non-product lines, with their lines,
   * most first: what a user would get back with `nonProductLines: 'keep'`. Empty when they were kept.
   */
  topNonProductLines: NamedCount[];
  columns: ColumnMapping;
  formats: ImportFormats;
  /** Warnings of this stage; the first stage's stay in `table.warnings`. */
  warnings: string[];
  table: Omit<RawTable, 'records'>;
}

/**
 * User-facing failure codes. The domain returns a code and details; the transports word it
 * (see src/app/messages.ts), so every door says the same thing in the user's language.
 */
export type IngestErrorCode =
  | 'file_too_large'
  | 'file_empty'
  | 'not_a_table'
  | 'unsupported_format'
  | 'encrypted_workbook'
  | 'zip_bomb'
  | 'zip_contents'
  | 'unclosed_quote'
  | 'no_header'
  | 'column_count'
  | 'duplicate_header'
  | 'unsafe_header'
  | 'missing_column'
  | 'unknown_column'
  | 'customer_table'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'cell_too_long'
  | 'ambiguous_decimal'
  | 'lost_digits'
  | 'too_many_unreadable'
  | 'no_rows'
  | 'sheet_not_found';

export interface IngestFailure {
  ok: false;
  code: IngestErrorCode;
  /** Facts for the message: line, column, columnsFound, option, reasons, limit, ... */
  details: Record<string, unknown>;
}

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: IngestErrorCode, details: Record<string, unknown> = {}) {
    super(`${code}: ${JSON.stringify(details)}`);
    this.name = 'IngestError';
    this.code = code;
    this.details = details;
  }
}
