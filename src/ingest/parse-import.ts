import { mapColumns } from './columns.js';
import { inferDateFormat, makeDateParser } from './dates.js';
import type { DateFormat } from './dates.js';
import { inferDecimalMark, parseNumberCell } from './numbers.js';
import type { DecimalMark } from './numbers.js';
import { ReadAhead } from './read-ahead.js';
import { applyRowRules } from './rows.js';
import type { CellParser, RowOutcome, RowRules } from './rows.js';
import { DEFAULT_INGEST_LIMITS, IngestError, SKIP_REASONS } from './types.js';
import type { ImportFormats, IngestOptions, ParsedImport, RawCell, RawRecord, RawTable, SkipReason } from './types.js';

/** Formats are inferred from this many non-empty values per column (more only while they are ambiguous). */
const SAMPLE_SIZE = 2000;
const NUMBER_FIELDS = ['quantity', 'unitPrice', 'amount'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/**
 * Second ingest stage: RawTable -> ParsedImport. Maps columns, infers each column's date format and decimal mark
 * once, then reads every row with a parser specialised for that format and applies the row rules.
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
  const dateFormat = inferDateFormat(columnValues(records, dateAt), options.dateOrder ?? 'auto', SAMPLE_SIZE);
  warnings.push(...dateWarnings(plan.mapping.date!, dateFormat));

  const decimal: ImportFormats['decimal'] = {};
  const numberParsers: Record<NumberField, CellParser | null> = { quantity: null, unitPrice: null, amount: null };
  for (const field of NUMBER_FIELDS) {
    const at = plan.index[field];
    if (at === undefined) continue;
    const mark = chooseDecimalMark(records, at, plan.mapping[field]!, field, options.decimal ?? 'auto');
    decimal[field] = mark;
    numberParsers[field] = (cell: RawCell) => parseNumberCell(cell, mark);
  }

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
    ...(onRecords !== undefined && { onRecords }),
    ...(onRows !== undefined && { onRows }),
  });
  refuseUnreadable(outcome, limits.maxUnreadableShare);

  const { records: _records, ...tableFacts } = table;
  return {
    ...outcome,
    columns: plan.mapping,
    formats: { dateOrder: dateFormat.order, excelSerialDates: dateFormat.serial, decimal },
    warnings,
    table: tableFacts,
  };
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
): DecimalMark {
  if (preferred !== 'auto') return preferred;
  const inferred = inferDecimalMark(columnValues(records, at), SAMPLE_SIZE);
  if (inferred.ok) return inferred.mark;
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
