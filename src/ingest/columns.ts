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
 * The name each field's column takes in a file without a header row (`header: none`, `columns:` naming the columns
 * in order): the table's header is made of these names, which the spellings below recognise.
 */
export const HEADERLESS_NAMES: Record<TransactionField, string> = {
  invoice: 'invoice',
  customer: 'customer',
  date: 'date',
  quantity: 'quantity',
  unitPrice: 'unit_price',
  amount: 'amount',
  product: 'product',
  description: 'description',
  country: 'country',
  category: 'category',
};

/**
 * Header spellings recognised for each field, normalised (see `headerKey`), best first, English before Indonesian
 * (a file rarely mixes the two). Exports seen in the wild: UCI Online Retail (InvoiceNo, CustomerID ...), the Kaggle
 * groceries set (Member_number, itemDescription), Chocolate Sales (Boxes Shipped), shop and till exports (Shopify
 * `Email`, Square `Net Sales`, Loyverse `Receipt number`, WooCommerce `Item Cost`), and the Indonesian headers of
 * Shopee, Tokopedia, Moka POS and hand-made sales books (`No Faktur`, `Nama Pelanggan`, `Harga Satuan`).
 * Identifiers rank above names: a buyer's username or email tells two people of the same name apart.
 */
const HEADER_SPELLINGS: Record<TransactionField, { english: readonly string[]; indonesian: readonly string[] }> = {
  invoice: {
    english: [
      'invoiceno', 'invoice', 'invoicenumber', 'invoiceid', 'orderid', 'order', 'orderno', 'ordernumber',
      'transactionid', 'transaction', 'transactionno', 'receipt', 'receiptno', 'receiptid', 'receiptnumber',
      'transactionnumber', 'orderreference', 'billno', 'billnumber',
    ],
    indonesian: [
      'nofaktur', 'nomorfaktur', 'faktur', 'notransaksi', 'idtransaksi', 'nopesanan', 'nomorpesanan', 'idpesanan',
      'kodepesanan', 'nomorinvoice', 'noinvoice', 'nomortransaksi', 'kodetransaksi', 'nomorstruk', 'nostruk',
      'nonota', 'nomornota', 'noorder', 'nomororder',
    ],
  },
  customer: {
    english: [
      'customerid', 'customer', 'customerno', 'customernumber', 'customercode', 'custid', 'membernumber', 'memberid',
      'member', 'clientid', 'client', 'buyerid', 'username', 'buyerusername', 'customerusername', 'customeremail',
      'buyeremail', 'email', 'emailaddress', 'billingemail', 'emailbilling', 'buyer', 'customername', 'buyername',
      'clientname', 'billingname',
    ],
    indonesian: [
      'idpelanggan', 'kodepelanggan', 'pelanggan', 'idpembeli', 'usernamepembeli', 'usernamepelanggan',
      'emailpelanggan', 'emailpembeli', 'pembeli', 'namapelanggan', 'namapembeli', 'konsumen', 'namakonsumen',
    ],
  },
  date: {
    english: [
      'invoicedate', 'date', 'orderdate', 'transactiondate', 'purchasedate', 'saledate', 'salesdate', 'datetime',
      'timestamp', 'createdat', 'created', 'createdtime', 'createddate', 'datecreated', 'ordercreatedat',
      'orderdatetime', 'ordertime', 'transactiontime', 'receiptdate',
    ],
    // `waktu` (time) last: Moka POS writes the day in `Tanggal` and the time of day in `Waktu`.
    indonesian: [
      'tanggal', 'tanggaltransaksi', 'tanggalpesanan', 'waktupesanandibuat', 'waktupesanan', 'tanggalpembelian',
      'tanggalpenjualan', 'tanggalfaktur', 'tanggalinvoice', 'tanggalpembayaran', 'tgl', 'tgltransaksi',
      'tglpesanan', 'waktutransaksi', 'waktu',
    ],
  },
  quantity: {
    english: [
      'quantity', 'qty', 'boxesshipped', 'units', 'unitssold', 'quantityordered', 'itemquantity', 'lineitemquantity',
      'quantitysold', 'qtysold', 'qtyordered', 'quantityrefund',
    ],
    indonesian: [
      'kuantitas', 'jumlah', 'jumlahprodukdibeli', 'jumlahproduk', 'jumlahbarang', 'jumlahbeli', 'jumlahterjual',
      'jumlahitem', 'jml', 'banyaknya',
    ],
  },
  unitPrice: {
    english: [
      'unitprice', 'price', 'priceeach', 'itemprice', 'priceperunit', 'lineitemprice', 'sellingprice', 'saleprice',
      'skuunitprice', 'itemcost',
    ],
    indonesian: [
      'hargasatuan', 'harga', 'hargajual', 'hargasetelahdiskon', 'hargaperunit', 'hargaunit', 'hargabarang',
      'hargaproduk', 'hargaitem',
    ],
  },
  // A line's own total ranks above order totals, which are not listed: an order's total repeated on each of its
  // lines would count the order once per line.
  amount: {
    english: [
      'amount', 'total', 'revenue', 'sales', 'linetotal', 'totalamount', 'totalprice', 'salesamount', 'subtotal',
      'itemtotal', 'lineitemtotal', 'lineamount', 'itemsubtotal', 'netsales', 'netamount', 'grosssales',
      'skusubtotalafterdiscount',
    ],
    indonesian: [
      'totalharga', 'totalhargaproduk', 'subtotalproduk', 'totalpenjualan', 'penjualan', 'penjualanbersih',
      'jumlahharga', 'nilaipenjualan', 'penjualankotor',
    ],
  },
  product: {
    english: [
      'stockcode', 'sku', 'product', 'productid', 'itemcode', 'productcode', 'itemid', 'sellersku', 'skuid',
      'lineitemsku', 'variantsku', 'skucode',
    ],
    indonesian: ['kodeproduk', 'kodebarang', 'nomorsku', 'kodesku', 'nomorreferensisku', 'referensisku', 'kodeitem'],
  },
  description: {
    english: [
      'description', 'item', 'itemdescription', 'productname', 'itemname', 'productdescription', 'lineitemname',
      'items', 'producttitle', 'itemtitle',
    ],
    indonesian: ['namaproduk', 'namabarang', 'produk', 'barang', 'namaitem', 'deskripsi', 'deskripsiproduk'],
  },
  country: {
    english: [
      'country', 'region', 'countryname', 'countrycode', 'shippingcountry', 'billingcountry', 'shipcountry',
      'countryregion', 'countrycodebilling',
    ],
    indonesian: ['negara', 'negarapengiriman', 'negaratujuan'],
  },
  category: {
    english: ['category', 'productcategory', 'itemcategory', 'categoryname'],
    indonesian: ['kategori', 'kategoriproduk', 'kategoribarang'],
  },
};

/** A field's spellings in search order. */
function spellingsOf(field: TransactionField): readonly string[] {
  return [...HEADER_SPELLINGS[field].english, ...HEADER_SPELLINGS[field].indonesian];
}

const INDONESIAN_SPELLINGS: ReadonlySet<string> = new Set(TRANSACTION_FIELDS.flatMap((field) => HEADER_SPELLINGS[field].indonesian));

/** A currency written beside a column name: `Harga Jual (IDR)`, `Total [Rp]`, `Amount ($)`, `Harga Rp`. */
const CURRENCY_NOTE = /\s*[([]\s*(?:rp\.?|idr|usd|eur|gbp|sgd|myr|aud|\$|€|£)\s*[)\]]\s*|\s+(?:rp\.?|idr)\s*$/giu;

/**
 * A header without case, spaces, underscores or punctuation: `Customer ID`, `customer_id` and `CustomerID` are
 * all `customerid`.
 */
export function normaliseHeader(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A header as the spellings are written: normalised, without a currency note (`Harga Jual (IDR)` is `hargajual`). */
function headerKey(name: string): string {
  return normaliseHeader(name.replace(CURRENCY_NOTE, ' '));
}

/**
 * How many transaction fields the header names in a spelling recognised here, so a workbook's sheet of orders can
 * be told from its cover, summary or pivot sheets.
 * @example countRecognisedFields(['No Faktur', 'Tanggal', 'Subtotal', 'Catatan']) // 3
 */
export function countRecognisedFields(header: readonly string[]): number {
  const keys = header.map(headerKey);
  return TRANSACTION_FIELDS.filter((field) => findSpelling(keys, spellingsOf(field)) !== -1).length;
}

/** True when the header is an Indonesian spelling of a field (`Nama Pelanggan`, `Harga Satuan (Rp)`). */
export function isIndonesianSpelling(name: string): boolean {
  return INDONESIAN_SPELLINGS.has(headerKey(name));
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
  const normalised = header.map(headerKey);
  const index: Partial<Record<TransactionField, number>> = {};
  for (const field of TRANSACTION_FIELDS) {
    const found = findSpelling(normalised, spellingsOf(field));
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
export function findChosenColumn(header: readonly string[], name: string): number {
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
