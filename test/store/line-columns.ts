import type { TransactionRow } from '../../src/ingest/types.js';
import type { TextDictionary } from '../../src/store/dataset-texts.js';
import { NO_TEXT, type LineColumns } from '../../src/store/transactions.js';

/** Rows in the columns insertMany takes, their texts numbered by `texts` column by column, then flushed. */
export function lineColumns(rows: readonly TransactionRow[], keys: readonly bigint[], texts: TextDictionary): LineColumns {
  const numbers = (pick: (row: TransactionRow) => number | null) => Float64Array.from(rows, (row) => pick(row) ?? NaN);
  const ids = (pick: (row: TransactionRow) => string | null) =>
    Int32Array.from(rows, (row) => {
      const text = pick(row);
      return text === null ? NO_TEXT : texts.idOf(text);
    });
  const columns: LineColumns = {
    rows: rows.length,
    keys: BigInt64Array.from(keys),
    lines: numbers((r) => r.line),
    timestamps: numbers((r) => r.timestamp),
    quantities: numbers((r) => r.quantity),
    unitPrices: numbers((r) => r.unitPrice),
    amounts: numbers((r) => r.amount),
    returns: Uint8Array.from(rows, (r) => (r.isReturn ? 1 : 0)),
    invoices: ids((r) => r.invoice),
    customers: ids((r) => r.customerId),
    products: ids((r) => r.product),
    descriptions: ids((r) => r.description),
    countries: ids((r) => r.country),
    categories: ids((r) => r.category),
  };
  texts.flush();
  return columns;
}

