import { FIELD_OPTIONS, findChosenColumn, normaliseHeader } from '../columns.js';
import { parseDateText } from '../date-text.js';
import { parseNumberCell, type DecimalMark } from '../numbers.js';
import { ReadAhead } from '../read-ahead.js';
import { lineAmount } from '../rows.js';
import { IngestError, TRANSACTION_FIELDS } from '../types.js';
import type { ColumnMapping, IngestOptions, RawCell, RawRecord, RawTable, SkipTally, TransactionField } from '../types.js';
import type { PlatformMatch } from './detect.js';
import { cleanText, exportCurrency, moneyDecimalMark, readMoney } from './money.js';
import { packedItems } from './packed-items.js';
import type { PlatformColumn, PlatformProfile } from './profile.js';
import { orderStatus, type OrderStatus } from './statuses.js';

/** The columns of an export read through a profile, as the row rules read them; `Line` is the line's identity. */
export const PLATFORM_HEADER = ['Order', 'Customer', 'Date', 'Quantity', 'Unit Price', 'Amount', 'Product', 'Description', 'Country', 'Category', 'Line'];
export const PLATFORM_MAPPING: ColumnMapping = {
  invoice: 'Order', customer: 'Customer', date: 'Date', quantity: 'Quantity', unitPrice: 'Unit Price', amount: 'Amount',
  product: 'Product', description: 'Description', country: 'Country', category: 'Category',
};
export const IDENTITY_AT = 10;

/** What reading an export through its profile found, complete once its lines have all been read. */
export interface PlatformFacts {
  platform: string;
  platformName: string;
  currency: string | null;
  /** Field -> the export's column, as the report shows the mapping. */
  columns: ColumnMapping;
  /** How a line's amount was found, in the export's own column names. */
  amountRule: string;
  /** Orders left out as cancelled, voided, failed or unpaid. */
  cancelledOrders: number;
  /** Those orders' ids: lines an earlier export stored for them are taken out. */
  withdrawnOrders: string[];
  /** Rows of those orders. */
  rowsLeftOut: SkipTally;
  /** Orders with a refund or a return in this export. */
  refundedOrders: string[];
  /** Rows of the export read (its description row aside); a row can give several lines, or none. */
  rowsRead: number;
  /** An order-level export: products are unknown. */
  productsUnknown: boolean;
  warnings: string[];
}

/** Rows sampled for the money format and the currency. */
const SAMPLE_ROWS = 2000;
const EXAMPLE_LINES = 5;
const SEPARATOR = '\u001f';

/**
 * Reads an export through its platform profile into the table the row rules read (PLATFORM_HEADER): one record per
 * line item, in the file's order, with order fields carried down, money read, returns and refunds as lines of their
 * own, and the lines of cancelled and unpaid orders left out and counted. Each line gets an identity — its order, its
 * item and its place among the order's same items — so the same line in a later, overlapping export is known
 * whatever else changed. The user's column choices (`--customer-column` …) override the profile's.
 * Throws IngestError `missing_column` (naming the platform) when the export lacks the buyer, the date or the value.
 *
 * Lazy: the records are read once, as the row rules pull them; `facts()` is complete after that.
 */
export function platformTable(table: RawTable, match: PlatformMatch, options: IngestOptions = {}): { table: RawTable; facts: () => PlatformFacts } {
  const plan = withChosenColumns(table.header, match, options.columns ?? {});
  const { profile } = match;
  requireColumns(table.header, profile, plan);
  const source = Array.isArray(table.records) ? (table.records as RawRecord[]) : new ReadAhead(table.records);
  const sample = sampleRows(source, profile, plan);
  const column = (name: PlatformColumn) => sample.map((cells) => cellOf(cells, plan.index[name]));
  const moneyColumns = (['unitPrice', 'lineTotal', 'lineDiscount', 'orderSubtotal', 'lineRefund', 'orderRefund'] as const)
    .filter((name) => plan.index[name] !== undefined)
    .map((name) => ({ name: table.header[plan.index[name]!]!, values: column(name) }));
  const currency =
    exportCurrency({
      currencyValues: column('currency'),
      profileCurrency: profile.currency,
      moneyValues: moneyColumns.flatMap((money) => money.values),
      countryValues: column('country'),
      header: table.header,
    }) ??
    options.currency ??
    null;
  const mark: DecimalMark = options.decimal !== undefined && options.decimal !== 'auto' ? options.decimal : moneyDecimalMark(moneyColumns, currency);
  const reader = new OrderLineReader(profile, table.header, plan, mark);
  const records = Array.isArray(source) ? source : source.rest();
  const { records: _records, ...tableFacts } = table;
  return {
    table: {
      ...tableFacts,
      header: PLATFORM_HEADER,
      records: { [Symbol.iterator]: () => reader.read(records) },
      platformRows: { ...(profile.dateOrder !== undefined && { dateOrder: profile.dateOrder }) },
    },
    facts: () => reader.facts(currency),
  };
}

interface ColumnPlan {
  index: Partial<Record<PlatformColumn, number>>;
  customer: number[];
  amount: PlatformProfile['amount'];
}

/** Profile columns, with the user's choices in their place: a chosen amount column is a line total. */
function withChosenColumns(header: readonly string[], match: PlatformMatch, chosen: ColumnMapping): ColumnPlan {
  const index = { ...match.index };
  let customer = match.customer;
  let amount = match.profile.amount;
  for (const field of TRANSACTION_FIELDS) {
    const name = chosen[field]?.trim();
    if (!name) continue;
    const at = findChosenColumn(header, name);
    if (at === -1) throw new IngestError('unknown_column', { field, column: name, columnsFound: [...header], option: FIELD_OPTIONS[field] });
    if (field === 'customer') customer = [at];
    else if (field === 'amount') {
      index.lineTotal = at;
      amount = 'lineTotal';
    } else index[field] = at;
  }
  return { index, customer, amount };
}

function requireColumns(header: readonly string[], profile: PlatformProfile, plan: ColumnPlan): void {
  const missing = (field: TransactionField, expected: readonly string[]) =>
    new IngestError('missing_column', { field, columnsFound: [...header], option: FIELD_OPTIONS[field], alternativeOptions: [], platform: profile.name, expected: [...expected] });
  if (plan.customer.length === 0) throw missing('customer', profile.customer);
  if (plan.index.date === undefined) throw missing('date', profile.columns.date ?? []);
  const { index } = plan;
  const hasValue =
    plan.amount === 'orderSubtotal' ? index.orderSubtotal !== undefined
    : index.packedItems !== undefined || index.lineTotal !== undefined || (index.unitPrice !== undefined && (index.quantity !== undefined || profile.unitRows === true));
  if (!hasValue) throw missing('amount', profile.columns.lineTotal ?? profile.columns.unitPrice ?? profile.columns.orderSubtotal ?? []);
}

/** The first rows, as the money format and the currency are inferred from them. */
function sampleRows(source: Iterable<RawRecord>, profile: PlatformProfile, plan: ColumnPlan): RawCell[][] {
  const rows: RawCell[][] = [];
  for (const record of source) {
    rows.push(record.cells);
    if (rows.length >= SAMPLE_ROWS) break;
  }
  // The description row of TikTok Shop is words, which would count as unreadable money.
  if (profile.descriptionRow === true && rows.length > 0 && isDescriptionRow(rows[0]!, plan)) rows.shift();
  return rows;
}

function isDescriptionRow(cells: readonly RawCell[], plan: ColumnPlan): boolean {
  const date = cellOf(cells, plan.index.date);
  if (typeof date !== 'string') return false;
  const parsed = parseDateText(cleanText(date), 'day-first');
  return parsed === null || Number.isNaN(parsed);
}

function cellOf(cells: readonly RawCell[], at: number | undefined): RawCell {
  return at === undefined ? null : (cells[at] ?? null);
}

function textOf(cell: RawCell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    const text = cleanText(cell);
    return text === '' ? null : text;
  }
  if (cell instanceof Date) return cell.toISOString();
  return String(cell);
}

/** Order fields remembered from an order's first line, for the lines that leave them blank. */
const ORDER_FIELDS: readonly PlatformColumn[] = ['date', 'time', 'status', 'cancelledAt', 'country', 'currency', 'orderRefund', 'orderSubtotal'];

interface OutputLine {
  quantity: number | null;
  unitPrice: number | null;
  amount: number;
  product: string | null;
  description: string | null;
  item: string;
}

/** Reads the export's rows into line records, tallying what it leaves out as it goes. */
class OrderLineReader {
  private readonly keptOrders = new Set<string>();
  private readonly leftOutOrders = new Set<string>();
  private readonly refundedOrders = new Set<string>();
  private readonly firstLines = new Map<string, RawCell[]>();
  private readonly occurrences = new Map<string, number>();
  private readonly rowsLeftOut: SkipTally = { count: 0, lines: [] };
  private usedCustomerName = false;
  private packedUnread = 0;
  private rowsRead = 0;
  /** Where the order fields sit: carried down from an order's first line (orderFieldsOnFirstLine). */
  private readonly orderFieldPositions: number[];

  constructor(
    private readonly profile: PlatformProfile,
    private readonly header: readonly string[],
    private readonly plan: ColumnPlan,
    private readonly mark: DecimalMark,
  ) {
    const positions = [...ORDER_FIELDS.map((column) => plan.index[column]), ...plan.customer];
    this.orderFieldPositions = [...new Set(positions.filter((at): at is number => at !== undefined))];
  }

  *read(records: Iterable<RawRecord>): Generator<RawRecord> {
    let first = true;
    for (const record of records) {
      if (first && this.profile.descriptionRow === true && isDescriptionRow(record.cells, this.plan)) {
        first = false;
        continue;
      }
      first = false;
      this.rowsRead++;
      yield* this.linesOf(record);
    }
  }

  facts(currency: string | null): PlatformFacts {
    const { profile, plan, header } = this;
    const name = (column: PlatformColumn) => (plan.index[column] === undefined ? undefined : header[plan.index[column]!]);
    const columns: ColumnMapping = {};
    const set = (field: TransactionField, value: string | undefined) => {
      if (value !== undefined) columns[field] = value;
    };
    set('invoice', name('invoice'));
    set('customer', plan.customer.map((at) => header[at]!).join(' / '));
    set('date', [name('date'), name('time')].filter(Boolean).join(' + '));
    set('quantity', name('quantity'));
    set('unitPrice', name('unitPrice'));
    set('amount', this.amountRule(name));
    set('product', name('product'));
    set('description', name('description'));
    set('country', name('country'));
    set('category', name('category'));
    const withdrawn = [...this.leftOutOrders].filter((order) => !this.keptOrders.has(order));
    const warnings: string[] = [];
    if (this.usedCustomerName) {
      warnings.push(`Customers are known by their name here (${profile.customerNames!.join(', ')}): two buyers with the same name count as one customer.`);
    }
    if (this.packedUnread > 0) {
      warnings.push(`The items of ${this.packedUnread} order(s) could not be read from ${name('packedItems')}; their subtotal counts as one line, product unknown.`);
    }
    const productsUnknown = plan.amount === 'orderSubtotal';
    if (productsUnknown) warnings.push(`${profile.name} lists orders, not products: each order counts as one line, and products are unknown.`);
    return {
      platform: profile.id,
      platformName: profile.name,
      currency,
      columns,
      amountRule: columns.amount ?? '',
      cancelledOrders: withdrawn.length,
      withdrawnOrders: withdrawn,
      rowsLeftOut: this.rowsLeftOut,
      refundedOrders: [...this.refundedOrders],
      rowsRead: this.rowsRead,
      productsUnknown,
      warnings,
    };
  }

  private amountRule(name: (column: PlatformColumn) => string | undefined): string {
    const { plan, profile } = this;
    if (plan.amount === 'orderSubtotal') return `${name('orderSubtotal')} (order subtotal)`;
    if (plan.index.packedItems !== undefined && plan.index.lineTotal === undefined) return `the items in ${name('packedItems')}`;
    if (plan.amount === 'lineTotal' && plan.index.lineTotal !== undefined) return name('lineTotal')!;
    const quantity = profile.unitRows ? '1 per row' : name('quantity');
    const discount = name('lineDiscount');
    return `${quantity} × ${name('unitPrice')}${discount ? ` − ${discount}` : ''}`;
  }

  private *linesOf(record: RawRecord): Generator<RawRecord> {
    const { plan, profile } = this;
    const cells = this.withOrderFields(record.cells);
    const order = textOf(cellOf(cells, plan.index.invoice));
    const status = orderStatus(profile, textOf(cellOf(cells, plan.index.status)), textOf(cellOf(cells, plan.index.cancelledAt)));
    if (status === 'cancelled' || status === 'unpaid') {
      if (order !== null) this.leftOutOrders.add(order);
      this.rowsLeftOut.count++;
      if (this.rowsLeftOut.lines.length < EXAMPLE_LINES) this.rowsLeftOut.lines.push(record.line);
      return;
    }
    const isNewOrder = order === null || !this.keptOrders.has(order);
    if (order !== null) this.keptOrders.add(order);
    const customer = this.customerOf(cells);
    const date = this.dateOf(cells);
    const country = textOf(cellOf(cells, plan.index.country));
    const category = textOf(cellOf(cells, plan.index.category));
    const refundRow = this.isRefundRow(cells);
    const emit = (line: OutputLine, identity: string | null): RawRecord => ({
      line: record.line,
      ...(record.sheet !== undefined && { sheet: record.sheet }),
      cells: [order, customer, date, line.quantity, line.unitPrice, line.amount, line.product, line.description, country, category, identity],
    });
    if (plan.amount === 'orderSubtotal' && !isNewOrder) return;
    let refunded = false;
    for (const line of this.itemsOf(cells)) {
      const identity = order === null ? null : this.identityOf(order, line.item);
      if (refundRow) {
        yield emit({ ...line, quantity: negative(line.quantity), amount: -Math.abs(line.amount) }, identity);
        refunded = true;
        continue;
      }
      yield emit(line, identity);
      const back = this.returnOf(cells, line, status);
      if (back !== null) {
        yield emit(back, identity === null ? null : `${identity}${SEPARATOR}return`);
        refunded = true;
      }
    }
    const orderRefund = this.orderRefundOf(cells, status, isNewOrder);
    if (orderRefund !== null) {
      yield emit(orderRefund, order === null ? null : `${order}${SEPARATOR}refund`);
      refunded = true;
    }
    if (refunded && order !== null) this.refundedOrders.add(order);
  }

  /** The row with its order's first-line fields where it leaves them blank. */
  private withOrderFields(cells: RawCell[]): RawCell[] {
    const { plan } = this;
    if (!this.profile.orderFieldsOnFirstLine) return cells;
    const order = textOf(cellOf(cells, plan.index.invoice));
    if (order === null) return cells;
    const first = this.firstLines.get(order);
    if (first === undefined) {
      // Only the order fields are kept: an export of 100,000 orders would otherwise hold every first line whole.
      this.firstLines.set(order, this.orderFieldPositions.map((at) => cells[at] ?? null));
      return cells;
    }
    const filled = [...cells];
    this.orderFieldPositions.forEach((at, i) => {
      if (textOf(cellOf(filled, at)) === null) filled[at] = first[i] ?? null;
    });
    return filled;
  }

  private customerOf(cells: readonly RawCell[]): string | null {
    for (const at of this.plan.customer) {
      const text = textOf(cellOf(cells, at));
      if (text === null) continue;
      if (this.profile.customerNames?.some((name) => normaliseHeader(name) === normaliseHeader(this.header[at] ?? ''))) this.usedCustomerName = true;
      return text.includes('@') ? text.toLowerCase() : text;
    }
    return null;
  }

  /** The date cell, with a separate time column joined to it. */
  private dateOf(cells: readonly RawCell[]): RawCell {
    const date = cellOf(cells, this.plan.index.date);
    const time = textOf(cellOf(cells, this.plan.index.time));
    if (typeof date === 'string') {
      const text = cleanText(date);
      return time === null ? text : `${text} ${time}`;
    }
    if (date instanceof Date && time !== null) {
      const [hours = 0, minutes = 0, seconds = 0] = time.split(':').map(Number);
      return new Date(date.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
    }
    return date;
  }

  private isRefundRow(cells: readonly RawCell[]): boolean {
    const kinds = this.profile.refundLineKinds;
    if (kinds === undefined) return false;
    const kind = textOf(cellOf(cells, this.plan.index.lineKind));
    return kind !== null && kinds.includes(kind.toLowerCase());
  }

  /** The row's items: one, or the packed ones, or the order's subtotal. */
  private *itemsOf(cells: readonly RawCell[]): Generator<OutputLine> {
    const { plan, profile, mark } = this;
    const money = (column: PlatformColumn) => readMoney(cellOf(cells, plan.index[column]), mark);
    if (plan.amount === 'orderSubtotal') {
      yield { quantity: null, unitPrice: null, amount: money('orderSubtotal') ?? NaN, product: null, description: textOf(cellOf(cells, plan.index.description)), item: 'order' };
      return;
    }
    if (plan.index.packedItems !== undefined && plan.index.lineTotal === undefined) {
      const packed = textOf(cellOf(cells, plan.index.packedItems));
      const items = packed === null ? [] : packedItems(packed, (text) => readMoney(text, 'dot'));
      if (items.length === 0) {
        this.packedUnread++;
        yield { quantity: null, unitPrice: null, amount: money('orderSubtotal') ?? NaN, product: null, description: null, item: 'order' };
        return;
      }
      for (const item of items) {
        const amount = item.total ?? lineAmount(item.quantity!, item.unitPrice!);
        yield { quantity: item.quantity, unitPrice: item.unitPrice, amount, product: item.sku, description: item.name, item: item.sku ?? item.name ?? '' };
      }
      return;
    }
    const quantity = profile.unitRows ? 1 : parseNumberCell(cellOf(cells, plan.index.quantity), 'dot');
    const unitPrice = money('unitPrice');
    const lineTotal = plan.amount === 'lineTotal' ? money('lineTotal') : null;
    let amount: number;
    if (lineTotal !== null) amount = lineTotal;
    else if (quantity !== null && unitPrice !== null && !Number.isNaN(quantity) && !Number.isNaN(unitPrice)) {
      amount = round2(lineAmount(quantity, unitPrice) - (money('lineDiscount') ?? 0));
    } else amount = NaN;
    const product = textOf(cellOf(cells, plan.index.product));
    const name = textOf(cellOf(cells, plan.index.description));
    const variant = textOf(cellOf(cells, plan.index.variant));
    const description = name !== null && variant !== null && variant.toLowerCase() !== 'default' && !name.includes(variant) ? `${name} - ${variant}` : name;
    const lineId = textOf(cellOf(cells, plan.index.lineId));
    yield {
      quantity: quantity !== null && Number.isNaN(quantity) ? null : quantity,
      unitPrice: unitPrice !== null && Number.isNaN(unitPrice) ? null : unitPrice,
      amount,
      product,
      description,
      item: lineId ?? product ?? description ?? '',
    };
  }

  /** A line's return: the whole line for a refunded order, else its refund or its returned quantity. */
  private returnOf(cells: readonly RawCell[], line: OutputLine, status: OrderStatus): OutputLine | null {
    const { plan, mark } = this;
    if (Number.isNaN(line.amount) || line.amount <= 0) return null;
    // In an order-level export the order is the line: its refund is the line's.
    const refundColumn = plan.amount === 'orderSubtotal' ? plan.index.orderRefund : plan.index.lineRefund;
    const refund = readMoney(cellOf(cells, refundColumn), mark);
    const hasRefund = refund !== null && !Number.isNaN(refund) && refund > 0;
    if (status === 'refunded') {
      const amount = hasRefund ? Math.min(refund, line.amount) : line.amount;
      return { ...line, quantity: negative(line.quantity), amount: -amount };
    }
    if (hasRefund) return { ...line, quantity: this.profile.unitRows ? -1 : null, amount: -Math.min(refund, line.amount) };
    const returned = parseNumberCell(cellOf(cells, plan.index.returnedQuantity), 'dot');
    if (returned === null || Number.isNaN(returned) || returned <= 0 || line.quantity === null || line.quantity <= 0) return null;
    const share = Math.min(returned, line.quantity) / line.quantity;
    return { ...line, quantity: -Math.min(returned, line.quantity), amount: -round2(line.amount * share) };
  }

  /**
   * A partial refund written for the whole order (Shopify's Refunded Amount), once per order. A refunded order's
   * lines came back whole already, and an order-level export's order is its line (see returnOf).
   */
  private orderRefundOf(cells: readonly RawCell[], status: OrderStatus, isNewOrder: boolean): OutputLine | null {
    const { plan, mark } = this;
    if (!isNewOrder || plan.index.orderRefund === undefined || status === 'refunded' || plan.amount === 'orderSubtotal') return null;
    const refund = readMoney(cellOf(cells, plan.index.orderRefund), mark);
    if (refund === null || Number.isNaN(refund) || refund <= 0) return null;
    return refundLine(refund);
  }

  /** Order, item and the item's place among the order's lines of the same item: stable across exports. */
  private identityOf(order: string, item: string): string {
    const key = `${order}${SEPARATOR}${item}`;
    const seen = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, seen);
    return seen === 1 ? key : `${key}${SEPARATOR}${seen}`;
  }
}

function refundLine(amount: number): OutputLine {
  return { quantity: null, unitPrice: null, amount: -round2(amount), product: null, description: null, item: 'refund' };
}

function negative(value: number | null): number | null {
  return value === null ? null : -Math.abs(value);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
