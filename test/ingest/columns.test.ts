import { describe, expect, it } from 'vitest';
import { countRecognisedFields, FIELD_OPTIONS, isIndonesianSpelling, mapColumns, normaliseHeader } from '../../src/ingest/columns.js';
import type { ColumnMapping, TransactionField } from '../../src/ingest/types.js';
import { ingestError } from './helpers/tables.js';

describe('normaliseHeader', () => {
  it('GIVEN spellings differing in case, spaces, underscores and punctuation THEN they normalise alike', () => {
    for (const header of ['CustomerID', 'Customer ID', 'customer_id', ' CUSTOMER-ID ', 'Customer.Id', '\ufeffCustomerID']) {
      expect(normaliseHeader(header)).toBe('customerid');
    }
  });
});

describe('mapColumns: header spellings', () => {
  const base: Record<TransactionField, string> = {
    invoice: 'InvoiceNo',
    customer: 'CustomerID',
    date: 'InvoiceDate',
    quantity: 'Quantity',
    unitPrice: 'UnitPrice',
    amount: 'Amount',
    product: 'StockCode',
    description: 'Description',
    country: 'Country',
    category: 'Category',
  };
  const spellings: [TransactionField, string][] = [
    ['invoice', 'InvoiceNo'], ['invoice', 'Invoice'], ['invoice', 'Invoice Number'], ['invoice', 'Order ID'],
    ['invoice', 'Order'], ['invoice', 'Transaction ID'], ['invoice', 'Receipt'], ['invoice', 'No Faktur'],
    ['customer', 'CustomerID'], ['customer', 'Customer ID'], ['customer', 'customer_id'], ['customer', 'Member_number'],
    ['customer', 'Client'], ['customer', 'Customer'], ['customer', 'ID Pelanggan'],
    ['date', 'InvoiceDate'], ['date', 'Date'], ['date', 'Order Date'], ['date', 'Transaction Date'], ['date', 'Tanggal'],
    ['quantity', 'Quantity'], ['quantity', 'Qty'], ['quantity', 'Boxes Shipped'], ['quantity', 'Units'],
    ['unitPrice', 'UnitPrice'], ['unitPrice', 'Price'], ['unitPrice', 'Unit Price'], ['unitPrice', 'Harga'],
    ['amount', 'Amount'], ['amount', 'Total'], ['amount', 'Revenue'], ['amount', 'Sales'], ['amount', 'Line Total'],
    ['product', 'StockCode'], ['product', 'SKU'], ['product', 'Product'], ['product', 'Product ID'], ['product', 'Item Code'],
    ['description', 'Description'], ['description', 'Item'], ['description', 'itemDescription'], ['description', 'Product Name'],
    ['country', 'Country'], ['country', 'Region'],
    ['category', 'Category'], ['category', 'Kategori'],
  ];

  it.each(spellings)('GIVEN the header %s spelt %j THEN it is recognised', (field, spelling) => {
    const header = Object.entries(base).map(([f, name]) => (f === field ? spelling : name));
    expect(mapColumns(header).mapping[field]).toBe(spelling);
  });

  it('GIVEN the Online Retail header THEN every column is mapped, with positions', () => {
    const header = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    expect(mapColumns(header)).toEqual({
      mapping: {
        invoice: 'InvoiceNo',
        customer: 'CustomerID',
        date: 'InvoiceDate',
        quantity: 'Quantity',
        unitPrice: 'UnitPrice',
        product: 'StockCode',
        description: 'Description',
        country: 'Country',
      },
      index: { invoice: 0, product: 1, description: 2, quantity: 3, date: 4, unitPrice: 5, customer: 6, country: 7 },
    });
  });

  it('GIVEN two spellings of a field THEN the better spelling wins', () => {
    expect(mapColumns(['Date', 'Order Date', 'Customer', 'Amount']).mapping.date).toBe('Date');
    expect(mapColumns(['Customer', 'CustomerID', 'Date', 'Amount']).mapping.customer).toBe('CustomerID');
  });

  const synonyms: [TransactionField, string][] = [
    ['invoice', 'No Pesanan'], ['invoice', 'No. Pesanan'], ['invoice', 'Nomor Invoice'], ['invoice', 'No Invoice'],
    ['invoice', 'Receipt number'], ['invoice', 'Nomor Struk'], ['invoice', 'No Faktur'], ['invoice', 'Order Number'],
    ['customer', 'Pembeli'], ['customer', 'Nama Pembeli'], ['customer', 'Pelanggan'], ['customer', 'Nama Pelanggan'],
    ['customer', 'Username'], ['customer', 'Username (Pembeli)'], ['customer', 'Buyer Username'], ['customer', 'Email'],
    ['customer', 'Customer Email'], ['customer', 'Email (Billing)'], ['customer', 'Customer Name'], ['customer', 'Buyer'],
    ['date', 'Tanggal'], ['date', 'Waktu'], ['date', 'Created'], ['date', 'Created at'], ['date', 'Created Time'],
    ['date', 'Order Date'], ['date', 'Tanggal Pesanan'], ['date', 'Waktu Pesanan Dibuat'], ['date', 'Tanggal Pembayaran'],
    ['quantity', 'Jumlah'], ['quantity', 'Qty'], ['quantity', 'Kuantitas'], ['quantity', 'Jumlah Produk Dibeli'],
    ['quantity', 'Jumlah Barang'], ['quantity', 'Lineitem quantity'],
    ['unitPrice', 'Harga'], ['unitPrice', 'Harga Satuan'], ['unitPrice', 'Price'], ['unitPrice', 'Harga Jual (IDR)'],
    ['unitPrice', 'Harga Setelah Diskon'], ['unitPrice', 'Item Price'], ['unitPrice', 'Lineitem price'],
    ['amount', 'Subtotal'], ['amount', 'Total Harga Produk'], ['amount', 'Item Total'], ['amount', 'Net Sales'],
    ['amount', 'Penjualan Bersih'], ['amount', 'Line Total'], ['amount', 'Subtotal (Rp)'], ['amount', 'Total [IDR]'],
    ['product', 'Kode Barang'], ['product', 'SKU'], ['product', 'Nomor SKU'], ['product', 'Seller SKU'],
    ['product', 'Nomor Referensi SKU'],
    ['description', 'Nama Barang'], ['description', 'Nama Produk'], ['description', 'Produk'], ['description', 'Item Name'],
    ['description', 'Lineitem name'],
    ['country', 'Negara'], ['country', 'Shipping Country'],
    ['category', 'Kategori'], ['category', 'Kategori Produk'],
  ];

  it.each(synonyms)('GIVEN the header %s spelt %j, English or Indonesian THEN it is that field and no other', (field, spelling) => {
    const header = Object.entries(base).map(([f, name]) => (f === field ? spelling : name));
    const { mapping } = mapColumns(header);
    expect(mapping[field]).toBe(spelling);
    expect(Object.values(mapping).filter((name) => name === spelling)).toHaveLength(1);
  });

  it.each([
    ['amount', ['Total', 'Subtotal'], 'Total'],
    ['unitPrice', ['Price', 'Unit Price'], 'Unit Price'],
    ['unitPrice', ['Harga', 'Harga Satuan'], 'Harga Satuan'],
    ['quantity', ['Jumlah', 'Qty'], 'Qty'],
    ['date', ['Waktu', 'Tanggal'], 'Tanggal'],
    ['date', ['Created at', 'Date'], 'Date'],
    ['customer', ['Email', 'Customer ID'], 'Customer ID'],
    ['customer', ['Customer Name', 'Email'], 'Email'],
    ['customer', ['Nama Pelanggan', 'ID Pelanggan'], 'ID Pelanggan'],
    ['invoice', ['No Pesanan', 'Order ID'], 'Order ID'],
  ] as [TransactionField, string[], string][])('GIVEN %s columns %j THEN the better one, %j, is taken', (field, columns, best) => {
    const others = Object.entries(base).filter(([f]) => f !== field).map(([, name]) => name);
    expect(mapColumns([...columns, ...others]).mapping[field]).toBe(best);
  });

  it('GIVEN a generic Indonesian sales book THEN every known column maps and the city is left alone', () => {
    const header = ['No Faktur', 'Tanggal', 'Nama Pelanggan', 'Kode Barang', 'Nama Barang', 'Jumlah', 'Harga Satuan', 'Subtotal', 'Kota'];
    expect(mapColumns(header).mapping).toEqual({
      invoice: 'No Faktur',
      customer: 'Nama Pelanggan',
      date: 'Tanggal',
      quantity: 'Jumlah',
      unitPrice: 'Harga Satuan',
      amount: 'Subtotal',
      product: 'Kode Barang',
      description: 'Nama Barang',
    });
  });

  it('GIVEN the shared data sets\' headers THEN they map as before the synonyms', () => {
    expect(mapColumns(['customer_id', 'date', 'quantity', 'amount']).mapping).toEqual({ customer: 'customer_id', date: 'date', quantity: 'quantity', amount: 'amount' });
    expect(ingestError(() => mapColumns(['Sales Person', 'Country', 'Product', 'Date', 'Amount', 'Boxes Shipped'])).details).toMatchObject({ field: 'customer' });
  });
});

describe('countRecognisedFields and isIndonesianSpelling', () => {
  it('GIVEN an orders header, a summary header and a cover THEN they name 5, 2 and 0 fields', () => {
    expect(countRecognisedFields(['Nomor Invoice', 'Tanggal Pembayaran', 'Nama Pembeli', 'Jumlah Produk Dibeli', 'Harga Jual (IDR)', 'Kota'])).toBe(5);
    expect(countRecognisedFields(['Date', 'Total'])).toBe(2);
    expect(countRecognisedFields(['Periode', 'Agustus 2024'])).toBe(0);
  });

  it('GIVEN Indonesian and English column names THEN only the Indonesian spellings of a field are Indonesian', () => {
    expect(['Nama Pelanggan', 'Harga Satuan (Rp)', 'No. Pesanan', 'Tanggal'].map(isIndonesianSpelling)).toEqual([true, true, true, true]);
    expect(['Customer', 'Subtotal', 'Kota', 'Price'].map(isIndonesianSpelling)).toEqual([false, false, false, false]);
  });
});

describe('mapColumns: choices', () => {
  const chocolate = ['Sales Person', 'Country', 'Product', 'Date', 'Amount', 'Boxes Shipped'];

  it('GIVEN Chocolate Sales and customer "Sales Person" THEN all its columns map', () => {
    expect(mapColumns(chocolate, { customer: 'Sales Person' }).mapping).toEqual({
      customer: 'Sales Person',
      date: 'Date',
      quantity: 'Boxes Shipped',
      amount: 'Amount',
      product: 'Product',
      country: 'Country',
    });
  });

  it.each(['sales person', 'SALES PERSON', ' SalesPerson ', 'sales_person'])('GIVEN the chosen column spelt %j THEN it is found', (name) => {
    expect(mapColumns(chocolate, { customer: name }).mapping.customer).toBe('Sales Person');
  });

  it('GIVEN a chosen column THEN it wins over a recognised one', () => {
    const header = ['CustomerID', 'Client', 'Date', 'Total', 'Amount'];
    expect(mapColumns(header, { customer: 'Client', amount: 'Total' }).mapping).toMatchObject({ customer: 'Client', amount: 'Total' });
  });

  it('GIVEN a column grouping customers that another field also uses THEN both map to it', () => {
    expect(mapColumns(chocolate, { customer: 'Country' }).mapping).toMatchObject({ customer: 'Country', country: 'Country' });
  });

  it('GIVEN a chosen column that is not in the file THEN unknown_column names it, the columns found and the option', () => {
    const error = ingestError(() => mapColumns(chocolate, { customer: 'Salesman' }));
    expect(error.code).toBe('unknown_column');
    expect(error.details).toEqual({ field: 'customer', column: 'Salesman', columnsFound: chocolate, option: 'customerColumn' });
  });

  it('GIVEN a blank choice THEN it is ignored', () => {
    expect(mapColumns(chocolate, { customer: 'Sales Person', invoice: ' ' } as ColumnMapping).mapping.invoice).toBeUndefined();
  });
});

describe('mapColumns: missing and wrong tables', () => {
  it('GIVEN Chocolate Sales without a customer choice THEN missing_column customer with --customer-column', () => {
    const header = ['Sales Person', 'Country', 'Product', 'Date', 'Amount', 'Boxes Shipped'];
    const error = ingestError(() => mapColumns(header));
    expect(error.code).toBe('missing_column');
    expect(error.details).toMatchObject({ field: 'customer', columnsFound: header, option: 'customerColumn' });
  });

  it('GIVEN no date THEN missing_column date', () => {
    expect(ingestError(() => mapColumns(['Customer', 'Amount'])).details).toMatchObject({ field: 'date', option: 'dateColumn' });
  });

  it('GIVEN no amount, quantity or price THEN missing_column amount, suggesting quantity and price instead', () => {
    expect(ingestError(() => mapColumns(['Member_number', 'Date', 'itemDescription'])).details).toMatchObject({
      field: 'amount',
      option: 'amountColumn',
      alternativeOptions: ['quantityColumn', 'priceColumn'],
    });
  });

  it('GIVEN a quantity without a price THEN missing_column unitPrice with --price-column', () => {
    expect(ingestError(() => mapColumns(['Customer', 'Date', 'Qty'])).details).toMatchObject({ field: 'unitPrice', option: 'priceColumn' });
  });

  it('GIVEN a price without a quantity THEN missing_column quantity', () => {
    expect(ingestError(() => mapColumns(['Customer', 'Date', 'Price'])).details).toMatchObject({ field: 'quantity', option: 'quantityColumn' });
  });

  it('GIVEN the Customer Personality header THEN customer_table', () => {
    const header = ['ID', 'Year_Birth', 'Education', 'Marital_Status', 'Income', 'Kidhome', 'Teenhome', 'Dt_Customer', 'Recency', 'MntWines', 'MntFruits', 'MntMeatProducts'];
    const error = ingestError(() => mapColumns(header));
    expect(error.code).toBe('customer_table');
    expect(error.details).toEqual({ columnsFound: header, kind: 'customers' });
  });

  it('GIVEN three spend columns and no transaction fields THEN customer_table', () => {
    expect(ingestError(() => mapColumns(['Customer', 'MntWines', 'MntFruits', 'MntGold'])).code).toBe('customer_table');
  });

  it('GIVEN a customer table the user mapped as transactions THEN it is mapped as asked', () => {
    const header = ['ID', 'Income', 'Dt_Customer', 'MntWines'];
    expect(mapColumns(header, { customer: 'ID', date: 'Dt_Customer', amount: 'MntWines' }).mapping).toMatchObject({ customer: 'ID' });
  });

  it('GIVEN every field THEN each has an option name for the edge to word', () => {
    expect(FIELD_OPTIONS).toMatchObject({
      customer: 'customerColumn',
      date: 'dateColumn',
      amount: 'amountColumn',
      quantity: 'quantityColumn',
      unitPrice: 'priceColumn',
      invoice: 'invoiceColumn',
      product: 'productColumn',
      country: 'countryColumn',
    });
  });
});
