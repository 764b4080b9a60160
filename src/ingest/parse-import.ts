import { decideAmountColumns } from './amount-columns.js';
import type { AmountSample } from './amount-columns.js';
import { FIELD_OPTIONS, mapColumns } from './columns.js';
import type { ColumnPlan } from './columns.js';
import { inferDateFormat, makeDateParser } from './dates.js';
import type { DateFormat } from './dates.js';
import { inferDecimalMark, parseNumberCell } from './numbers.js';
import type { DecimalMark } from './numbers.js';
import { exportCurrency } from './platforms/money.js';
import { IDENTITY_AT } from './platforms/order-lines.js';
import { ReadAhead } from './read-ahead.js';
import { signalsRupiah } from './rupiah.js';
import { applyRowRules } from './rows.js';
import type { CellParser, RowOutcome, RowRules } from './rows.js';
import { DEFAULT_INGEST_LIMITS, IngestError, SKIP_REASONS } from './types.js';
import type { ColumnMapping, ImportFormats, IngestOptions, ParsedImport, RawCell, RawRecord, RawTable, SkipReason } from './types.js';

/** Formats are inferred from this many non-empty values per column (more only while they are ambiguous). */
const SAMPLE_SIZE = 2000;
const NUMBER_FIELDS = ['quantity', 'unitPrice', 'amount'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/**
 * Second ingest stage: RawTable -> ParsedImport. Maps columns, infers each column's date format and decimal mark
 * once, then reads every row with a parser specialised for that format and applies the row rules. An amount column
 * that holds order totals, or a price column that holds line totals, is found from the sample (settleMoneyColumns).
 * Throws IngestError for user mistakes: unknown_column, missing_column, customer_table, ambiguous_decimal,
 * lost_digits, too_many_unreadable, no_rows.
 *
 * `onRows` is given the rows as they are kept (see RowRules); a file refused at the end was given some or all of its
 * rows by then, so what it wrote must be undone.
 *
 * Cost: O(cells). Records that are not an array are read once, through a ReadAhead: only the rows format inference
 * samples are held, not the whole table.
 */
export function parseImport(
  table: RawTable,
  options: IngestOptions = {},
  onRecords?: (done: number) => void,
  onRows?: RowRules['onRows'],
): ParsedImport {
  const limits = { ...DEFAULT_INGEST_LIMITS, ...options.limits };
  const plan = mapColumns(table.header, options.columns);
  const records: readonly RawRecord[] | ReadAhead<RawRecord> = Array.isArray(table.records) ? table.records : new ReadAhead(table.records);
  const warnings: string[] = [];

  const dateAt = plan.index.date!;
  const dateFormat = inferDateFormat(columnValues(records, dateAt), options.dateOrder ?? 'auto', SAMPLE_SIZE, table.platformRows?.dateOrder);
  warnings.push(...dateWarnings(plan.mapping.date!, dateFormat));

  const decimal: ImportFormats['decimal'] = {};
  const numberParsers: Record<NumberField, CellParser | null> = { quantity: null, unitPrice: null, amount: null };
  let rupiah: boolean | undefined;
  const isRupiah = () =>
    (rupiah ??= options.currency?.trim().toUpperCase() === 'IDR' || signalsRupiah(table.header, moneyValues(records, plan)));
  for (const field of NUMBER_FIELDS) {
    const at = plan.index[field];
    if (at === undefined) continue;
    const mark = chooseDecimalMark(records, at, plan.mapping[field]!, field, options.decimal ?? 'auto', isRupiah);
    decimal[field] = mark;
    numberParsers[field] = (cell: RawCell) => parseNumberCell(cell, mark);
  }
  if (table.platformRows === undefined) {
    warnings.push(...settleMoneyColumns(table.header, records, plan, numberParsers, decimal, options.columns ?? {}));
  }
  // A platform's lines carry plain numbers; its profile says the currency.
  const currency = table.platformRows === undefined ? fileCurrency(table.header, records, plan) : null;

  const remaining = records instanceof ReadAhead ? records.rest() : records;
  const outcome = applyRowRules(remaining, {
    width: table.header.length,
    shortRowsAllowed: table.format === 'xlsx',
    index: plan.index,
    names: plan.mapping,
    parseDate: makeDateParser(dateFormat),
    parseQuantity: numberParsers.quantity,
    parseUnitPrice: numberParsers.unitPrice,
    parseAmount: numberParsers.amount,
    skipNonProductLines: (options.nonProductLines ?? 'skip') === 'skip',
    ...(table.platformRows !== undefined && { identityAt: IDENTITY_AT, returnsByInvoicePrefix: false }),
    ...(onRecords !== undefined && { onRecords }),
    ...(onRows !== undefined && { onRows }),
  });
  refuseUnreadable(outcome, limits.maxUnreadableShare);

  const { records: _records, ...tableFacts } = table;
  return {
    ...outcome,
    columns: plan.mapping,
    formats: { dateOrder: dateFormat.order, excelSerialDates: dateFormat.serial, decimal, currency },
    warnings,
    table: tableFacts,
  };
}

/**
 * The currency a generic file's money says: a symbol or code in its values or headers (`Rp 28.500`, `$4.00`,
 * `Harga (IDR)`), or Rupiah for Indonesian headers; null when nothing says. Reads a sample of the money columns.
 */
function fileCurrency(header: readonly string[], records: Iterable<RawRecord>, plan: ColumnPlan): string | null {
  const values: RawCell[] = [];
  for (const value of moneyValues(records, plan)) {
    values.push(value);
    if (values.length >= SAMPLE_SIZE) break;
  }
  return exportCurrency({ currencyValues: [], moneyValues: values, countryValues: [], header }) ?? (signalsRupiah(header, values) ? 'IDR' : null);
}

/** Non-blank cells of one column, lazily, for format inference. */
function* columnValues(records: Iterable<RawRecord>, at: number): Generator<RawCell> {
  for (const record of records) {
    const cell = record.cells[at];
    if (cell === undefined || cell === null || cell === '') continue;
    yield cell;
  }
}

function chooseDecimalMark(
  records: Iterable<RawRecord>,
  at: number,
  column: string,
  field: NumberField,
  preferred: 'auto' | DecimalMark,
  isRupiah: () => boolean,
): DecimalMark {
  if (preferred !== 'auto') return preferred;
  const inferred = inferDecimalMark(columnValues(records, at), SAMPLE_SIZE);
  if (inferred.ok) return inferred.mark;
  // Money only: `1.000` pieces may be one piece written with three decimals.
  if (field !== 'quantity' && isRupiah()) {
    const settled = inferDecimalMark(columnValues(records, at), SAMPLE_SIZE, 'comma');
    if (settled.ok) return settled.mark;
  }
  throw new IngestError('ambiguous_decimal', { column, field, examples: inferred.examples, option: 'decimal' });
}

function dateWarnings(column: string, format: DateFormat): string[] {
  const warnings: string[] = [];
  if (format.orderGuessed) {
    warnings.push(
      `Dates in column "${column}" fit both day-first and month-first (e.g. "${format.example}"); they were read ` +
        'month-first. Use --date-order / date_order to choose.',
    );
  }
  if (format.conflicting > 0) {
    warnings.push(
      `Column "${column}" mixes day-first and month-first dates; it was read ${format.order}, and dates that only ` +
        'fit the other order are skipped. Use --date-order / date_order to choose.',
    );
  }
  return warnings;
}

/**
 * Refuses the file when too many rows could not be read: the mapping or the formats are probably wrong, and a
 * segmentation built on the rest would mislead. Empty rows do not count either way.
 */
function refuseUnreadable(outcome: RowOutcome, maxShare: number): void {
  const dataRows = outcome.rowsRead - (outcome.rowsSkipped.emptyRow?.count ?? 0);
  if (dataRows === 0) throw new IngestError('no_rows', { rowsRead: outcome.rowsRead });
  const unreadable = (Object.keys(outcome.rowsSkipped) as SkipReason[])
    .filter((reason) => SKIP_REASONS[reason].unreadable)
    .map((reason) => ({ reason, ...outcome.rowsSkipped[reason]! }))
    .sort((a, b) => b.count - a.count);
  const unreadableRows = unreadable.reduce((sum, tally) => sum + tally.count, 0);
  const share = unreadableRows / dataRows;
  if (share > maxShare) {
    throw new IngestError('too_many_unreadable', {
      share,
      limit: maxShare,
      rowsRead: outcome.rowsRead,
      unreadableRows,
      reasons: unreadable.slice(0, 3),
    });
  }
  if (outcome.rowsKept === 0) throw new IngestError('no_rows', { rowsRead: outcome.rowsRead, rowsSkipped: outcome.rowsSkipped });
}

/** The money columns' non-blank cells, one column after the other, for the Rupiah signal. */
function* moneyValues(records: Iterable<RawRecord>, plan: ColumnPlan): Generator<RawCell> {
  for (const field of ['unitPrice', 'amount'] as const) {
    const at = plan.index[field];
    if (at !== undefined) yield* columnValues(records, at);
  }
}

/**
 * Checks the money columns against each other on the sample and fixes the plan, the parsers and the formats in place
 * (they are parseImport's own), returning the warnings to give:
 * - an amount column whose value repeats on every line of an order is an order total: it is dropped, and each line
 *   is quantity × unit price;
 * - with no amount column, a price column that grows with the quantity of the same product is the line total: it is
 *   read as the amount, not multiplied again;
 * - an amount column that carries the price's numbers while quantities differ means one of the two is mislabelled:
 *   refused with missing_column, naming both candidates, unless the user chose the price column.
 * A column the user chose is taken as its name says.
 */
function settleMoneyColumns(
  header: readonly string[],
  records: Iterable<RawRecord>,
  plan: ColumnPlan,
  parsers: Record<NumberField, CellParser | null>,
  decimal: ImportFormats['decimal'],
  chosen: ColumnMapping,
): string[] {
  const { quantity, unitPrice, amount } = plan.mapping;
  if (quantity === undefined || unitPrice === undefined || chosen.amount?.trim()) return [];
  const priceChosen = Boolean(chosen.unitPrice?.trim());
  const decision = decideAmountColumns(sampleMoney(records, plan, parsers));
  if (amount === undefined) {
    if (priceChosen || decision.unitPriceIs !== 'lineTotal') return [];
    [plan.index.amount, plan.mapping.amount, parsers.amount, decimal.amount] = [plan.index.unitPrice, unitPrice, parsers.unitPrice, decimal.unitPrice];
    dropField('unitPrice', plan, parsers, decimal);
    return [
      `Column "${unitPrice}" grows with the quantity of the same product, so it holds line totals, not unit prices: it ` +
        `was read as each line's amount, not multiplied by "${quantity}" again. Use --price-column / price_column to read it as unit prices.`,
    ];
  }
  if (decision.amountIs === 'orderTotal') {
    dropField('amount', plan, parsers, decimal);
    return [
      `Column "${amount}" repeats one total on every line of an order, so it holds order totals, not line totals: it was ` +
        `ignored, and each line's amount is "${quantity}" × "${unitPrice}". Use --amount-column / amount_column to read it as line totals.`,
    ];
  }
  if (decision.amountIs !== 'unknown' || !decision.amountEqualsPrice) return [];
  if (!priceChosen) {
    throw new IngestError('missing_column', {
      field: 'amount',
      columnsFound: [...header],
      option: FIELD_OPTIONS.amount,
      alternativeOptions: [FIELD_OPTIONS.unitPrice],
      candidates: [unitPrice, amount],
    });
  }
  dropField('amount', plan, parsers, decimal);
  return [
    `Column "${amount}" carries the same numbers as the price column "${unitPrice}" although quantities differ, so it ` +
      `was ignored, and each line's amount is "${quantity}" × "${unitPrice}". Use --amount-column / amount_column to read it as line totals.`,
  ];
}

function dropField(field: NumberField, plan: ColumnPlan, parsers: Record<NumberField, CellParser | null>, decimal: ImportFormats['decimal']): void {
  delete plan.index[field];
  delete plan.mapping[field];
  delete decimal[field];
  parsers[field] = null;
}

/** The first SAMPLE_SIZE rows' quantities, prices, amounts, invoices and products, as settleMoneyColumns compares them. */
function sampleMoney(records: Iterable<RawRecord>, plan: ColumnPlan, parsers: Record<NumberField, CellParser | null>): AmountSample {
  const number = (field: NumberField, cells: readonly RawCell[]) => {
    const at = plan.index[field];
    const parse = parsers[field];
    return at === undefined || parse === null ? null : parse(cells[at] ?? null);
  };
  const text = (at: number | undefined, cells: readonly RawCell[]) => {
    const cell = at === undefined ? null : (cells[at] ?? null);
    const value = cell === null ? '' : String(cell).trim();
    return value === '' ? null : value;
  };
  const quantity: (number | null)[] = [];
  const unitPrice: (number | null)[] = [];
  const amount: (number | null)[] = [];
  const invoice: (string | null)[] = [];
  const product: (string | null)[] = [];
  const productAt = plan.index.product ?? plan.index.description;
  for (const { cells } of records) {
    if (quantity.length >= SAMPLE_SIZE) break;
    quantity.push(number('quantity', cells));
    unitPrice.push(number('unitPrice', cells));
    amount.push(number('amount', cells));
    invoice.push(text(plan.index.invoice, cells));
    product.push(text(productAt, cells));
  }
  return { quantity, unitPrice, amount, invoice, product };
}
