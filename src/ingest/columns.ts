import { IngestError, TRANSACTION_FIELDS } from './types.js';
import type { ColumnMapping, TransactionField } from './types.js';

/**
 * The option a user sets to choose each field's column. The transports word it: `--customer-column` in the CLI,
 * `customer_column` in Discord.
 */
export const FIELD_OPTIONS: Record<TransactionField, string> = {
  invoice: 'invoiceColumn',
  customer: 'customerColumn',
  date: 'dateColumn',
  quantity: 'quantityColumn',
  unitPrice: 'priceColumn',
  amount: 'amountColumn',
  product: 'productColumn',
  description: 'descriptionColumn',
  country: 'countryColumn',
  category: 'categoryColumn',
};

/**
 * Header spellings recognised for each field, normalised (see `normaliseHeader`), best first. Exports seen in
 * the wild: UCI Online Retail (InvoiceNo, CustomerID ...), the Kaggle groceries set (Member_number,
 * itemDescription), Chocolate Sales (Boxes Shipped), plus Indonesian headers the bot's users write.
 */
const HEADER_SPELLINGS: Record<TransactionField, readonly string[]> = {
  invoice: [
    'invoiceno', 'invoice', 'invoicenumber', 'invoiceid', 'orderid', 'order', 'orderno', 'ordernumber',
    'transactionid', 'transaction', 'transactionno', 'receipt', 'receiptno', 'receiptid', 'nofaktur', 'nomorfaktur',
    'faktur', 'notransaksi', 'idtransaksi',
  ],
  customer: [
    'customerid', 'customer', 'customerno', 'customernumber', 'customercode', 'custid', 'membernumber', 'memberid',
    'member', 'clientid', 'client', 'idpelanggan', 'kodepelanggan', 'pelanggan',
  ],
  date: [
    'invoicedate', 'date', 'orderdate', 'transactiondate', 'purchasedate', 'saledate', 'salesdate', 'datetime',
    'timestamp', 'tanggal', 'tanggaltransaksi',
  ],
  quantity: ['quantity', 'qty', 'boxesshipped', 'units', 'unitssold', 'quantityordered', 'kuantitas'],
  unitPrice: ['unitprice', 'price', 'priceeach', 'harga', 'hargasatuan'],
  amount: [
    'amount', 'total', 'revenue', 'sales', 'linetotal', 'totalamount', 'totalprice', 'salesamount',
    'totalharga', 'totalpenjualan', 'penjualan',
  ],
  product: ['stockcode', 'sku', 'product', 'productid', 'itemcode', 'productcode', 'itemid', 'kodeproduk', 'kodebarang'],
  description: [
    'description', 'item', 'itemdescription', 'productname', 'itemname', 'productdescription', 'namaproduk',
    'namabarang',
  ],
  country: ['country', 'region', 'negara'],
  category: ['category', 'productcategory', 'kategori'],
};

/**
 * A header without case, spaces, underscores or punctuation: `Customer ID`, `customer_id` and `CustomerID` are
 * all `customerid`.
 */
export function normaliseHeader(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface ColumnPlan {
  /** Field -> source column name. */
  mapping: ColumnMapping;
  /** Field -> position of that column in the header. */
  index: Partial<Record<TransactionField, number>>;
}

/**
 * Maps the header to transaction fields: recognised spellings first, then the user's choices, which win.
 * Throws IngestError `unknown_column` for a chosen column that is not in the header, `customer_table` for a table
 * of customers rather than transactions, and `missing_column` when customer, date, or amount (or quantity and
 * unit price) have no column.
 */
export function mapColumns(header: readonly string[], chosen: ColumnMapping = {}): ColumnPlan {
  const normalised = header.map(normaliseHeader);
  const index: Partial<Record<TransactionField, number>> = {};
  for (const field of TRANSACTION_FIELDS) {
    const found = findSpelling(normalised, HEADER_SPELLINGS[field]);
    if (found !== -1) index[field] = found;
  }
  for (const field of TRANSACTION_FIELDS) {
    const name = chosen[field]?.trim();
    if (!name) continue;
    const found = findChosenColumn(header, name);
    if (found === -1) {
      throw new IngestError('unknown_column', { field, column: name, columnsFound: [...header], option: FIELD_OPTIONS[field] });
    }
    index[field] = found;
  }
  requireTransactionFields(header, normalised, index);
  const mapping: ColumnMapping = {};
  for (const field of TRANSACTION_FIELDS) {
    const at = index[field];
    if (at !== undefined) mapping[field] = header[at]!;
  }
  return { mapping, index };
}

function findSpelling(normalised: readonly string[], spellings: readonly string[]): number {
  for (const spelling of spellings) {
    const found = normalised.indexOf(spelling);
    if (found !== -1) return found;
  }
  return -1;
}

/** Exact name first, then without case and spaces, then without punctuation too. */
function findChosenColumn(header: readonly string[], name: string): number {
  const exact = header.findIndex((column) => column.trim() === name);
  if (exact !== -1) return exact;
  const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, '');
  const squeezed = header.findIndex((column) => squeeze(column) === squeeze(name));
  if (squeezed !== -1) return squeezed;
  const target = normaliseHeader(name);
  return target === '' ? -1 : header.findIndex((column) => normaliseHeader(column) === target);
}

function requireTransactionFields(
  header: readonly string[],
  normalised: readonly string[],
  index: Partial<Record<TransactionField, number>>,
): void {
  const columnsFound = [...header];
  const hasValue = index.amount !== undefined || (index.quantity !== undefined && index.unitPrice !== undefined);
  if ((index.date === undefined || !hasValue) && looksLikeCustomerTable(normalised)) {
    throw new IngestError('customer_table', { columnsFound, kind: 'customers' });
  }
  const missing = (field: TransactionField, alternativeOptions: string[] = []) =>
    new IngestError('missing_column', { field, columnsFound, option: FIELD_OPTIONS[field], alternativeOptions });
  if (index.customer === undefined) throw missing('customer');
  if (index.date === undefined) throw missing('date');
  if (hasValue) return;
  if (index.quantity !== undefined) throw missing('unitPrice', [FIELD_OPTIONS.amount]);
  if (index.unitPrice !== undefined) throw missing('quantity', [FIELD_OPTIONS.amount]);
  throw missing('amount', [FIELD_OPTIONS.quantity, FIELD_OPTIONS.unitPrice]);
}

/**
 * One row per customer with attributes and spend totals, like Kaggle's Customer Personality table
 * (ID, Year_Birth, Income, Dt_Customer, MntWines ...): a signup date column or several per-category spend columns.
 */
function looksLikeCustomerTable(normalised: readonly string[]): boolean {
  const has = (name: string) => normalised.includes(name);
  const spendColumns = normalised.filter((name) => name.startsWith('mnt')).length;
  return has('dtcustomer') || spendColumns >= 3 || (has('income') && (has('yearbirth') || has('recency')));
}
