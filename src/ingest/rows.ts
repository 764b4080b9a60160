import { LOST_DIGITS, normaliseId } from './ids.js';
import { NonProductLines } from './non-product-lines.js';
import { IngestError } from './types.js';
import type { NamedCount, RawCell, RawRecord, SkipReason, SkipTally, TransactionField, TransactionRow } from './types.js';

/** Reads one cell of a typed column: a value, null for blank, NaN when unreadable. */
export type CellParser = (cell: RawCell) => number | null;

export interface RowRules {
  /** Cells in the header. */
  width: number;
  /** XLSX rows may end at their last filled cell; a CSV row with fewer cells than the header is ragged. */
  shortRowsAllowed: boolean;
  /** Field -> cell position. */
  index: Partial<Record<TransactionField, number>>;
  /** Field -> header name, for error details. */
  names: Partial<Record<TransactionField, string>>;
  parseDate: CellParser;
  parseQuantity: CellParser | null;
  parseUnitPrice: CellParser | null;
  parseAmount: CellParser | null;
  /** Set aside postage, fee, discount and other lines that are not goods (isNonProductLine). */
  skipNonProductLines: boolean;
  /** Cell position of a line's identity (platform exports), or -1. */
  identityAt?: number;
  /** Whether a `C` then a digit starting the invoice marks a cancellation (Online Retail); platforms say it otherwise. */
  returnsByInvoicePrefix?: boolean;
  /** Told how many records have been read, every `PROGRESS_EVERY`, so a long parse can show how far it got. */
  onRecords?: (done: number) => void;
  /**
   * Given the kept rows every ROWS_PER_CHUNK of them and once more at the end, as rows[from..to), so they can be
   * written while later records are still being read. The rows are then not kept: the outcome's rows are empty, and
   * the parse holds one chunk of row objects instead of the whole file's (Online Retail's parse heap: 72 MB, not 170).
   */
  onRows?: (rows: readonly TransactionRow[], from: number, to: number) => void;
}

/**
 * Rows per onRows call: few enough that they are dropped before the young generation's collections would move
 * them to the old one (65,536 at a time left the parse's heap as large as keeping every row did).
 */
const ROWS_PER_CHUNK = 8_192;

/** Records at which a long parse reports how far it got: often enough for a live bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 25_000;

export interface RowOutcome {
  rows: TransactionRow[];
  rowsKept: number;
  rowsRead: number;
  rowsSkipped: Partial<Record<SkipReason, SkipTally>>;
  anonymousRows: number;
  returnRows: number;
  rowsWithCustomer: number;
  customersSeen: number;
  /** The names most often set aside as non-product lines, most first (see ParsedImport). */
  topNonProductLines: NamedCount[];
}

const EXAMPLE_LINES = 5;
/** Non-product names an import report lists. */
const TOP_NON_PRODUCT_LINES = 5;

/**
 * Line total from quantity x unit price, rounded half away from zero to cents: `0.1 * 3` is 0.30000000000000004
 * in floating point, and amounts are money.
 * @example lineAmount(3, 0.1) // 0.3
 */
export function lineAmount(quantity: number, unitPrice: number): number {
  const product = quantity * unitPrice;
  const cents = Math.round(Math.abs(product) * 100) / 100;
  return product < 0 ? -cents : cents;
}

/** A cancelled invoice: `C` then a digit (`C536379`), so order ids like `CA-2016-152156` are not returns. */
export function isCancellation(invoice: string): boolean {
  const first = invoice.charCodeAt(0);
  const second = invoice.charCodeAt(1);
  return (first === 67 || first === 99) && second >= 48 && second <= 57;
}

function textOf(cell: RawCell | undefined): string | null {
  if (typeof cell === 'string') {
    const text = cell.trim();
    return text === '' ? null : text;
  }
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString();
  return String(cell);
}

function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isBlankRow(cells: readonly RawCell[]): boolean {
  for (const cell of cells) if (!isBlank(cell)) return false;
  return true;
}

/** A row whose cell count differs from the header is ragged, unless only blank cells trail it. */
function hasHeaderWidth(cells: readonly RawCell[], width: number, shortRowsAllowed: boolean): boolean {
  if (cells.length < width) return shortRowsAllowed;
  for (let i = width; i < cells.length; i++) if (!isBlank(cells[i])) return false;
  return true;
}

/**
 * Keeps one id column's last cell and id: line items of one invoice repeat the same customer and invoice,
 * so each distinct run is normalised once.
 */
class IdColumn {
  private lastCell: RawCell | undefined = undefined;
  private lastId: string | null = null;
  constructor(
    private readonly at: number,
    private readonly field: TransactionField,
    private readonly column: string | undefined,
    private readonly onNewId?: (id: string) => void,
  ) {}

  read(cells: readonly RawCell[], line: number): string | null {
    if (this.at < 0) return null;
    const cell = cells[this.at] ?? null;
    if (cell === this.lastCell) return this.lastId;
    const id = normaliseId(cell);
    if (id === LOST_DIGITS) {
      throw new IngestError('lost_digits', { field: this.field, column: this.column, line, value: String(cell) });
    }
    this.lastCell = cell;
    this.lastId = id;
    if (id !== null) this.onNewId?.(id);
    return id;
  }
}

/** Distinct values a TextColumn shares; beyond this (a column of free text) new values are kept as they come. */
const MAX_SHARED_TEXTS = 65_536;

/**
 * Reads one text column, handing out one string per distinct value: Online Retail repeats about 4,000 products and
 * 38 countries over 536,000 rows, and a string per cell was a fifth of the parsed rows' memory (and of the garbage
 * collector's copying while they were built).
 */
class TextColumn {
  private readonly shared = new Map<string, string>();
  private lastCell: RawCell | undefined = undefined;
  private lastText: string | null = null;
  constructor(private readonly at: number) {}

  read(cells: readonly RawCell[]): string | null {
    if (this.at < 0) return null;
    const cell = cells[this.at];
    // Line items of one invoice repeat its country (532,500 of Online Retail's 536,493 rows): no lookup for those.
    if (cell === this.lastCell) return this.lastText;
    this.lastCell = cell;
    this.lastText = this.share(textOf(cell));
    return this.lastText;
  }

  /** The one string this column hands out for the text. */
  share(text: string | null): string | null {
    if (text === null) return text;
    const known = this.shared.get(text);
    if (known !== undefined) return known;
    if (this.shared.size >= MAX_SHARED_TEXTS) return text;
    const own = ownCopy(text);
    this.shared.set(own, own);
    return own;
  }
}

/** A line's description, shared as TextColumn shares texts, and whether it and the line's product are not goods. */
interface Described {
  description: string | null;
  nonProduct: boolean;
}

/**
 * Reads the description beside a line's product: a product's description is nearly always the same (527,000 of
 * Online Retail's 536,000 rows), and comparing the cell with the one last seen beside that product is cheaper than
 * hashing the new cell's text to find it among every description, as the shared product string hashes once. The same
 * lookup says whether the pair is a non-product line: a lookup of its own per row made the parse 8% slower.
 * It shares texts through a TextColumn of its own rather than as a subclass: a second class calling TextColumn's
 * methods made them polymorphic, and the parse 4% slower.
 */
class DescriptionColumn {
  private readonly texts: TextColumn;
  private readonly byProduct = new Map<string | null, Described>();
  private readonly nonProductLines = new NonProductLines();

  constructor(private readonly at: number) {
    this.texts = new TextColumn(at);
  }

  readBeside(cells: readonly RawCell[], product: string | null): Described {
    const text = this.at < 0 ? null : textOf(cells[this.at]);
    const known = this.byProduct.get(product);
    if (known !== undefined && known.description === text) return known;
    const description = this.texts.share(text);
    const described = { description, nonProduct: this.nonProductLines.test(product, description) };
    if (known !== undefined || this.byProduct.size < MAX_SHARED_TEXTS) this.byProduct.set(product, described);
    return described;
  }
}

/**
 * The same text in a string of its own. A cell cut from a file is a slice that points into the whole file's text,
 * and comparing later cells with shared slices read characters scattered over its 48 MB, missing the caches. A JSON
 * round trip copies any text in O(length), without a string per character.
 */
function ownCopy(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/**
 * Turns raw records into transaction rows, setting aside (and counting, with example lines) rows that are empty,
 * ragged, undated, unreadable, not a product, or priced at zero or below. A zero price carries no money (Online
 * Retail's 2,515 are stock adjustments and samples); a negative price is kept only on a cancelled invoice, where
 * it is a refund written as a price. Rows without a customer are kept (anonymous sales); cancellations and
 * negative quantities (or negative amounts when there is no quantity) are kept as returns with a negative amount.
 * Throws IngestError `lost_digits` for an id in scientific notation.
 *
 * Cost: O(cells), one pass.
 */
export function applyRowRules(records: Iterable<RawRecord>, rules: RowRules): RowOutcome {
  const { width, shortRowsAllowed, index, names, parseDate, parseQuantity, parseUnitPrice, parseAmount } = rules;
  const skipNonProductLines = rules.skipNonProductLines;
  const at = (field: TransactionField) => index[field] ?? -1;
  const dateAt = at('date');
  const quantityAt = at('quantity');
  const unitPriceAt = at('unitPrice');
  const amountAt = at('amount');
  const productColumn = new TextColumn(at('product'));
  const descriptionColumn = new DescriptionColumn(at('description'));
  const countryColumn = new TextColumn(at('country'));
  const categoryColumn = new TextColumn(at('category'));
  const identityAt = rules.identityAt ?? -1;
  const returnsByInvoicePrefix = rules.returnsByInvoicePrefix ?? true;

  const customers = new Set<string>();
  const customerColumn = new IdColumn(at('customer'), 'customer', names.customer, (id) => customers.add(id));
  const invoiceColumn = new IdColumn(at('invoice'), 'invoice', names.invoice);
  const skipped: Partial<Record<SkipReason, SkipTally>> = {};
  const nonProductNames = new Map<string, number>();
  const skip = (reason: SkipReason, line: number) => {
    const tally = (skipped[reason] ??= { count: 0, lines: [] });
    tally.count++;
    if (tally.lines.length < EXAMPLE_LINES) tally.lines.push(line);
  };
  const cellAt = (cells: readonly RawCell[], position: number): RawCell => (position < 0 ? null : (cells[position] ?? null));

  const rows: TransactionRow[] = [];
  let rowsRead = 0;
  let anonymousRows = 0;
  let returnRows = 0;
  let rowsWithCustomer = 0;
  const onRows = rules.onRows;
  let rowsGiven = 0;

  for (const record of records) {
    // Counted here rather than by a generator around `records`: one layer of generator resumes fewer per record.
    if (++rowsRead % PROGRESS_EVERY === 0) rules.onRecords?.(rowsRead);
    const cells = record.cells;
    const line = record.line;
    if (cells.length !== width && !hasHeaderWidth(cells, width, shortRowsAllowed)) {
      skip(isBlankRow(cells) ? 'emptyRow' : 'raggedRow', line);
      continue;
    }
    const customerId = customerColumn.read(cells, line);
    if (customerId !== null) rowsWithCustomer++;
    const invoice = invoiceColumn.read(cells, line);

    const timestamp = parseDate(cellAt(cells, dateAt));
    if (timestamp === null) {
      skip(isBlankRow(cells) ? 'emptyRow' : 'missingDate', line);
      continue;
    }
    if (Number.isNaN(timestamp)) {
      skip('unparseableDate', line);
      continue;
    }
    const quantity = parseQuantity === null ? null : parseQuantity(cellAt(cells, quantityAt));
    const unitPrice = parseUnitPrice === null ? null : parseUnitPrice(cellAt(cells, unitPriceAt));
    const amountCell = parseAmount === null ? null : parseAmount(cellAt(cells, amountAt));
    if (Number.isNaN(quantity) || Number.isNaN(unitPrice) || Number.isNaN(amountCell)) {
      skip('unparseableNumber', line);
      continue;
    }
    const product = productColumn.read(cells);
    const { description, nonProduct } = descriptionColumn.readBeside(cells, product);
    if (skipNonProductLines && nonProduct) {
      skip('nonProductLine', line);
      // Named as a basket names a product: by its description, else its code.
      const name = description ?? product!;
      nonProductNames.set(name, (nonProductNames.get(name) ?? 0) + 1);
      continue;
    }
    const cancelled = returnsByInvoicePrefix && invoice !== null && isCancellation(invoice);
    if (unitPrice !== null && (unitPrice === 0 || (unitPrice < 0 && !cancelled))) {
      skip('nonPositivePrice', line);
      continue;
    }
    let amount = amountCell ?? (quantity !== null && unitPrice !== null ? lineAmount(quantity, unitPrice) : null);
    if (amount === null) {
      skip('missingAmount', line);
      continue;
    }
    const isReturn = cancelled || (quantity !== null ? quantity < 0 : amount < 0);
    if (isReturn && amount > 0) amount = -amount;
    if (customerId === null) anonymousRows++;
    if (isReturn) returnRows++;
    rows.push({
      line,
      invoice,
      customerId,
      timestamp,
      product,
      description,
      quantity,
      unitPrice,
      amount,
      country: countryColumn.read(cells),
      category: categoryColumn.read(cells),
      isReturn,
      identity: identityAt < 0 ? null : (cells[identityAt] as string | null),
    });
    if (onRows !== undefined && rows.length === ROWS_PER_CHUNK) {
      onRows(rows, 0, rows.length);
      rowsGiven += rows.length;
      rows.length = 0;
    }
  }
  if (onRows !== undefined && rows.length > 0) {
    onRows(rows, 0, rows.length);
    rowsGiven += rows.length;
    rows.length = 0;
  }
  return {
    rows,
    rowsKept: rowsGiven + rows.length,
    rowsRead, rowsSkipped: skipped, anonymousRows, returnRows, rowsWithCustomer, customersSeen: customers.size,
    topNonProductLines: mostCounted(nonProductNames, TOP_NON_PRODUCT_LINES),
  };
}

/** The `top` names with the highest counts, most first; ties go to the alphabetically first. O(n log n). */
function mostCounted(counts: ReadonlyMap<string, number>, top: number): NamedCount[] {
  return [...counts]
    .sort(([nameA, a], [nameB, b]) => b - a || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0))
    .slice(0, top)
    .map(([name, count]) => ({ name, count }));
}
