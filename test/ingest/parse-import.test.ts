import { describe, expect, it } from 'vitest';
import { parseImport } from '../../src/ingest/parse-import.js';
import { readTable } from '../../src/ingest/read-table.js';
import type { RawCell, RawRecord, RawTable } from '../../src/ingest/types.js';
import { ingestError, rawTable } from './helpers/tables.js';

const HEADER = ['Order ID', 'Customer', 'Order Date', 'Total'];
const utc = (y: number, m: number, d: number, h = 0, mi = 0) => Date.UTC(y, m - 1, d, h, mi);

describe('parseImport', () => {
  it('GIVEN a small export THEN rows, counts, columns, formats and table facts come back', () => {
    const table: RawTable = {
      ...rawTable(HEADER, [
        ['1001', 'ana', '21/07/2015', 'Rp 1.250.000'],
        ['1002', '', '22/07/2015', 'Rp 99.500,50'],
      ]),
      delimiter: ';',
      encoding: 'windows-1252',
      warnings: ['from the first stage'],
    };
    const result = parseImport(table, {});
    expect(result.rows.map((row) => [row.invoice, row.customerId, row.timestamp, row.amount])).toEqual([
      ['1001', 'ana', utc(2015, 7, 21), 1_250_000],
      ['1002', null, utc(2015, 7, 22), 99_500.5],
    ]);
    expect(result).toMatchObject({
      rowsRead: 2,
      rowsSkipped: {},
      anonymousRows: 1,
      returnRows: 0,
      rowsWithCustomer: 1,
      customersSeen: 1,
      columns: { invoice: 'Order ID', customer: 'Customer', date: 'Order Date', amount: 'Total' },
      formats: { dateOrder: 'day-first', excelSerialDates: false, decimal: { amount: 'comma' } },
      warnings: [],
    });
    expect(result.table).toEqual({ format: 'csv', container: 'none', header: HEADER, headerLine: 1, delimiter: ';', encoding: 'windows-1252', warnings: ['from the first stage'] });
    expect('records' in result.table).toBe(false);
  });

  it('GIVEN records that can be iterated only once THEN inference and parsing both see every row', () => {
    function* once(): Generator<RawRecord> {
      yield { line: 2, cells: ['1', 'a', '01/02/2011', '5'] };
      yield { line: 3, cells: ['2', 'b', '01/13/2011', '7'] };
    }
    const result = parseImport({ ...rawTable(HEADER, []), records: once() }, {});
    expect(result.formats.dateOrder).toBe('month-first');
    expect(result.rows.map((row) => row.timestamp)).toEqual([utc(2011, 1, 2), utc(2011, 1, 13)]);
  });

  it('GIVEN 60,000 records and a progress callback THEN it hears every 25,000th record, unread ones included', () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => [String(i), i === 7 ? 'x' : 'a', i === 9 ? 'not a date' : '01/02/2011', '5']);
    const heard: number[] = [];
    const result = parseImport(rawTable(HEADER, rows), {}, (done) => heard.push(done));
    expect(heard).toEqual([25_000, 50_000]);
    expect(result.rowsRead).toBe(60_000);
  });

  it('GIVEN only dates that fit both orders THEN month-first with a warning naming the column and the option', () => {
    const result = parseImport(rawTable(HEADER, [['1', 'a', '03/04/2011', '5']]), {});
    expect(result.rows[0]!.timestamp).toBe(utc(2011, 3, 4));
    expect(result.warnings).toEqual([
      'Dates in column "Order Date" fit both day-first and month-first (e.g. "03/04/2011"); they were read month-first. ' +
        'Use --date-order / date_order to choose.',
    ]);
  });

  it('GIVEN ambiguous dates and dateOrder day-first THEN day-first without a warning', () => {
    const result = parseImport(rawTable(HEADER, [['1', 'a', '03/04/2011', '5']]), { dateOrder: 'day-first' });
    expect(result.rows[0]!.timestamp).toBe(utc(2011, 4, 3));
    expect(result.warnings).toEqual([]);
  });

  it('GIVEN a column mixing both orders THEN the majority order, a warning, and the misfits skipped', () => {
    const rows = [['1', 'a', '13/01/2011', '5'], ['2', 'a', '14/01/2011', '5'], ['3', 'a', '01/15/2011', '5'], ...Array.from({ length: 7 }, () => ['4', 'a', '02/01/2011', '5'])];
    const result = parseImport(rawTable(HEADER, rows), {});
    expect(result.formats.dateOrder).toBe('day-first');
    expect(result.rowsSkipped).toEqual({ unparseableDate: { count: 1, lines: [4] } });
    expect(result.warnings[0]).toContain('mixes day-first and month-first');
  });

  it('GIVEN amounts like 1,234 beside 12,5 THEN ambiguous_decimal names the column and the decimal option', () => {
    const table = rawTable(HEADER, [['1', 'a', '2011-01-02', '1,234'], ['2', 'a', '2011-01-02', '12,5']]);
    const error = ingestError(() => parseImport(table, {}));
    expect(error.code).toBe('ambiguous_decimal');
    expect(error.details).toEqual({ column: 'Total', field: 'amount', examples: ['12,5', '1,234'], option: 'decimal' });
  });

  it('GIVEN the decimal option THEN it settles an ambiguous column', () => {
    const table = rawTable(HEADER, [['1', 'a', '2011-01-02', '1,234'], ['2', 'a', '2011-01-02', '12,5']]);
    expect(parseImport(table, { decimal: 'comma' }).rows.map((row) => row.amount)).toEqual([1.234, 12.5]);
    const dot = parseImport(table, { decimal: 'dot', limits: { maxUnreadableShare: 0.5 } });
    expect(dot.rows.map((row) => row.amount)).toEqual([1234]);
    expect(dot.rowsSkipped).toEqual({ unparseableNumber: { count: 1, lines: [3] } });
  });

  it('GIVEN Excel serial numbers as text THEN they are dates', () => {
    const result = parseImport(rawTable(HEADER, [['1', 'a', '40513.35', '5'], ['2', 'a', '40514', '5']]), {});
    expect(result.formats.excelSerialDates).toBe(true);
    expect(result.rows.map((row) => row.timestamp)).toEqual([utc(2010, 12, 1, 8, 24), utc(2010, 12, 2)]);
  });

  it('GIVEN typed XLSX cells THEN dates, numbers and ids are read from their types', () => {
    const header = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    const cells: RawCell[][] = [
      [573415, 21166, 'COOK WITH WINE METAL SIGN', 1, new Date(Date.UTC(2011, 9, 30, 16, 17)), 2.08, 13607, 'United Kingdom'],
      [553156, 22516, 'CHILDS GARDEN RAKE BLUE', 1, new Date(Date.UTC(2011, 4, 13, 14, 57, 59, 999)), 2.1, null],
    ];
    const result = parseImport(rawTable(header, cells, 'xlsx'), {});
    expect(result.rows).toEqual([
      {
        line: 2, invoice: '573415', customerId: '13607', timestamp: utc(2011, 10, 30, 16, 17), product: '21166',
        description: 'COOK WITH WINE METAL SIGN', quantity: 1, unitPrice: 2.08, amount: 2.08, country: 'United Kingdom',
        category: null, isReturn: false, identity: null,
      },
      {
        line: 3, invoice: '553156', customerId: null, timestamp: utc(2011, 5, 13, 14, 58), product: '22516',
        description: 'CHILDS GARDEN RAKE BLUE', quantity: 1, unitPrice: 2.1, amount: 2.1, country: null,
        category: null, isReturn: false, identity: null,
      },
    ]);
  });

  it('GIVEN more than a fifth of the rows unreadable THEN too_many_unreadable with the share and top reasons', () => {
    const good = Array.from({ length: 7 }, (_, i) => [String(i), 'a', '2011-01-02', '5']);
    const bad = [['7', 'a', 'soon', '5'], ['8', 'a', '2011-01-02', 'five'], ['9', 'a', 'later', '5']];
    const error = ingestError(() => parseImport(rawTable(HEADER, [...good, ...bad, ['', '', '', '']]), {}));
    expect(error.code).toBe('too_many_unreadable');
    expect(error.details).toEqual({
      share: 0.3,
      limit: 0.2,
      rowsRead: 11,
      unreadableRows: 3,
      reasons: [
        { reason: 'unparseableDate', count: 2, lines: [9, 11] },
        { reason: 'unparseableNumber', count: 1, lines: [10] },
      ],
    });
  });

  it('GIVEN a fifth of the rows unreadable, or a higher limit THEN the file is read', () => {
    const good = Array.from({ length: 8 }, (_, i) => [String(i), 'a', '2011-01-02', '5']);
    expect(parseImport(rawTable(HEADER, [...good, ['8', 'a', 'soon', '5'], ['9', 'a', 'x', '5']]), {}).rows).toHaveLength(8);
    const worse = [...good.slice(0, 5), ['8', 'a', 'soon', '5'], ['9', 'a', 'x', '5']];
    expect(parseImport(rawTable(HEADER, worse), { limits: { maxUnreadableShare: 0.5 } }).rows).toHaveLength(5);
  });

  it('GIVEN rows set aside for price or product THEN they do not count as unreadable', () => {
    const header = ['Customer', 'Date', 'Qty', 'Price', 'SKU'];
    const rows = [['a', '2011-01-02', '1', '0', 'X'], ['a', '2011-01-02', '1', '0', 'X'], ['a', '2011-01-02', '1', '2', 'POST'], ['a', '2011-01-02', '1', '2', 'X']];
    expect(parseImport(rawTable(header, rows), {}).rows).toHaveLength(1);
  });

  it('GIVEN non-product lines kept THEN they are rows', () => {
    const header = ['Customer', 'Date', 'Qty', 'Price', 'SKU'];
    expect(parseImport(rawTable(header, [['a', '2011-01-02', '1', '18', 'POST']]), { nonProductLines: 'keep' }).rows).toHaveLength(1);
  });

  it('GIVEN only blank rows or none THEN no_rows', () => {
    expect(ingestError(() => parseImport(rawTable(HEADER, []), {})).code).toBe('no_rows');
    expect(ingestError(() => parseImport(rawTable(HEADER, [[''], ['', '', '', '']]), {})).code).toBe('no_rows');
  });

  it('GIVEN every row set aside but none unreadable THEN no_rows', () => {
    const header = ['Customer', 'Date', 'Qty', 'Price'];
    const error = ingestError(() => parseImport(rawTable(header, [['a', '2011-01-02', '1', '0']]), {}));
    expect(error.code).toBe('no_rows');
    expect(error.details).toMatchObject({ rowsRead: 1, rowsSkipped: { nonPositivePrice: { count: 1, lines: [2] } } });
  });

  it('GIVEN a customer table THEN customer_table before any row is read', () => {
    const header = ['ID', 'Year_Birth', 'Income', 'Dt_Customer', 'Recency', 'MntWines'];
    expect(ingestError(() => parseImport(rawTable(header, [['1', '1957', '58138', '04-09-2012', '58', '635']]), {})).code).toBe('customer_table');
  });
});

describe('parseImport: a generic Indonesian sales book', () => {
  const header = ['No Faktur', 'Tanggal', 'Nama Pelanggan', 'Kode Barang', 'Nama Barang', 'Jumlah', 'Harga Satuan', 'Subtotal', 'Kota'];
  const book = [
    'No Faktur;Tanggal;Nama Pelanggan;Kode Barang;Nama Barang;Jumlah;Harga Satuan;Subtotal;Kota',
    'FJ-001;3 Agu 2024;Siti Rahma;TH-100;Teh Hijau 100g;3;Rp 28.500;Rp 85.500;Bandung',
    'FJ-001;3 Agu 2024;Siti Rahma;KP-250;Kopi Bubuk 250g;1;Rp 45.000;Rp 45.000;Bandung',
    'FJ-002;4 Agu 2024;Budi Santoso;TH-100;Teh Hijau 100g;2;Rp 28.500;Rp 57.000;Jakarta',
    'FJ-003;17 Agu 2024;Siti Rahma;TH-100;Teh Hijau 100g;2;Rp 28.500;Rp 54.000;Bandung',
  ].join('\r\n');

  it('GIVEN the semicolon CSV THEN customers, dates and Subtotal as each line\'s amount, Rupiah dots as thousands', async () => {
    const table = await readTable(new TextEncoder().encode(book), 'penjualan.csv');
    expect(table).toMatchObject({ delimiter: ';', header });
    const result = parseImport(table, {});
    expect(result.rows.map((row) => [row.invoice, row.customerId, row.timestamp, row.product, row.quantity, row.unitPrice, row.amount])).toEqual([
      ['FJ-001', 'Siti Rahma', utc(2024, 8, 3), 'TH-100', 3, 28_500, 85_500],
      ['FJ-001', 'Siti Rahma', utc(2024, 8, 3), 'KP-250', 1, 45_000, 45_000],
      ['FJ-002', 'Budi Santoso', utc(2024, 8, 4), 'TH-100', 2, 28_500, 57_000],
      // 2 × 28.500 less a discount: the Subtotal is what was paid, never multiplied by the quantity again.
      ['FJ-003', 'Siti Rahma', utc(2024, 8, 17), 'TH-100', 2, 28_500, 54_000],
    ]);
    expect(result).toMatchObject({
      customersSeen: 2,
      columns: { invoice: 'No Faktur', customer: 'Nama Pelanggan', date: 'Tanggal', quantity: 'Jumlah', unitPrice: 'Harga Satuan', amount: 'Subtotal' },
      formats: { decimal: { quantity: 'dot', unitPrice: 'comma', amount: 'comma' } },
      warnings: [],
    });
  });
});

describe('parseImport: Rupiah thousands', () => {
  const only28500 = [['1', 'ana', '2024-08-03', '28.500'], ['2', 'budi', '2024-08-04', '1.250']];

  it('GIVEN only 28.500-like amounts and nothing that says Rupiah THEN ambiguous_decimal still', () => {
    expect(ingestError(() => parseImport(rawTable(HEADER, only28500), {})).details).toMatchObject({ column: 'Total', field: 'amount' });
  });

  it('GIVEN the workspace currency IDR THEN the dots are thousands', () => {
    const result = parseImport(rawTable(HEADER, only28500), { currency: 'idr' });
    expect(result.rows.map((row) => row.amount)).toEqual([28_500, 1_250]);
    expect(result.formats.decimal).toEqual({ amount: 'comma' });
  });

  it('GIVEN another workspace currency THEN still ambiguous_decimal', () => {
    expect(ingestError(() => parseImport(rawTable(HEADER, only28500), { currency: 'USD' })).code).toBe('ambiguous_decimal');
  });

  it.each([
    ['a column marked (IDR)', ['Order ID', 'Customer', 'Order Date', 'Total (IDR)'], only28500],
    ['an Indonesian column name', ['No Pesanan', 'Customer', 'Order Date', 'Total'], only28500],
    ['Rp on one value', HEADER, [only28500[0]!, ['2', 'budi', '2024-08-04', 'Rp 1.250']]],
  ])('GIVEN %s THEN the dots are thousands', (_, header, rows) => {
    expect(parseImport(rawTable(header, rows), {}).rows.map((row) => row.amount)).toEqual([28_500, 1_250]);
  });

  it('GIVEN a Rupiah file whose quantities read 1.000 THEN the quantity is still refused: it may be one piece', () => {
    const header = ['Pelanggan', 'Tanggal', 'Jumlah', 'Harga'];
    const error = ingestError(() => parseImport(rawTable(header, [['ana', '2024-08-03', '1.000', '28.500']]), {}));
    expect(error.details).toMatchObject({ column: 'Jumlah', field: 'quantity' });
  });
});

describe('parseImport: line totals, order totals and unit prices', () => {
  const header = ['Order ID', 'Customer', 'Order Date', 'Qty', 'Price', 'Total'];

  it('GIVEN a Total repeating each order\'s total on its lines THEN it is ignored for quantity × price, with a warning', () => {
    const rows = [
      ['A1', 'ana', '2024-01-03', '2', '5.00', '22.50'],
      ['A1', 'ana', '2024-01-03', '1', '12.50', '22.50'],
      ['A2', 'budi', '2024-01-04', '3', '4.00', '20.00'],
      ['A2', 'budi', '2024-01-04', '1', '8.00', '20.00'],
      ['A3', 'cici', '2024-01-05', '1', '7.00', '7.00'],
    ];
    const result = parseImport(rawTable(header, rows), {});
    expect(result.rows.map((row) => row.amount)).toEqual([10, 12.5, 12, 8, 7]);
    expect(result.columns).toEqual({ invoice: 'Order ID', customer: 'Customer', date: 'Order Date', quantity: 'Qty', unitPrice: 'Price' });
    expect(result.formats.decimal).toEqual({ quantity: 'dot', unitPrice: 'dot' });
    expect(result.warnings).toEqual([
      'Column "Total" repeats one total on every line of an order, so it holds order totals, not line totals: it was ignored, ' +
        'and each line\'s amount is "Qty" × "Price". Use --amount-column / amount_column to read it as line totals.',
    ]);
    expect(parseImport(rawTable(header, rows), { columns: { amount: 'Total' } }).rows.map((row) => row.amount)).toEqual([22.5, 22.5, 20, 20, 7]);
  });

  it('GIVEN a Total that is quantity × price THEN it is each line\'s amount, without a warning', () => {
    const rows = [['A1', 'ana', '2024-01-03', '2', '5.00', '10.00'], ['A1', 'ana', '2024-01-03', '1', '12.50', '12.50']];
    const result = parseImport(rawTable(header, rows), {});
    expect(result.rows.map((row) => row.amount)).toEqual([10, 12.5]);
    expect(result.columns.amount).toBe('Total');
    expect(result.warnings).toEqual([]);
  });

  const samePrices = [['1', 'ana', '2024-01-03', '2', '10', '10'], ['2', 'budi', '2024-01-04', '3', '4', '4'], ['3', 'cici', '2024-01-05', '1', '5', '5']];

  it('GIVEN a Total equal to the Price although quantities differ THEN missing_column names both candidates and the options', () => {
    const error = ingestError(() => parseImport(rawTable(header, samePrices), {}));
    expect(error.code).toBe('missing_column');
    expect(error.details).toEqual({
      field: 'amount',
      columnsFound: header,
      option: 'amountColumn',
      alternativeOptions: ['priceColumn'],
      candidates: ['Price', 'Total'],
    });
  });

  it('GIVEN that file and the price column chosen THEN each line is quantity × price, with a warning', () => {
    const result = parseImport(rawTable(header, samePrices), { columns: { unitPrice: 'Price' } });
    expect(result.rows.map((row) => row.amount)).toEqual([20, 12, 5]);
    expect(result.warnings).toEqual([
      'Column "Total" carries the same numbers as the price column "Price" although quantities differ, so it was ignored, ' +
        'and each line\'s amount is "Qty" × "Price". Use --amount-column / amount_column to read it as line totals.',
    ]);
  });

  it('GIVEN that file and the amount column chosen THEN the Total is each line\'s amount', () => {
    const result = parseImport(rawTable(header, samePrices), { columns: { amount: 'Total' } });
    expect(result.rows.map((row) => row.amount)).toEqual([10, 4, 5]);
    expect(result.warnings).toEqual([]);
  });

  const growingPrices = [
    ['ana', '2024-01-03', 'X', '1', '5'],
    ['ana', '2024-01-04', 'X', '3', '15'],
    ['budi', '2024-01-03', 'Y', '2', '8'],
    ['budi', '2024-01-05', 'Y', '4', '16'],
  ];
  const priceHeader = ['Customer', 'Date', 'SKU', 'Qty', 'Price'];

  it('GIVEN a Price that grows with the quantity of the same product THEN it is read as the line amount, with a warning', () => {
    const result = parseImport(rawTable(priceHeader, growingPrices), {});
    expect(result.rows.map((row) => [row.quantity, row.unitPrice, row.amount])).toEqual([[1, null, 5], [3, null, 15], [2, null, 8], [4, null, 16]]);
    expect(result.columns).toEqual({ customer: 'Customer', date: 'Date', quantity: 'Qty', amount: 'Price', product: 'SKU' });
    expect(result.formats.decimal).toEqual({ quantity: 'dot', amount: 'dot' });
    expect(result.warnings).toEqual([
      'Column "Price" grows with the quantity of the same product, so it holds line totals, not unit prices: it was read ' +
        'as each line\'s amount, not multiplied by "Qty" again. Use --price-column / price_column to read it as unit prices.',
    ]);
  });

  it('GIVEN that file and the price column chosen THEN it is a unit price, multiplied by the quantity', () => {
    const result = parseImport(rawTable(priceHeader, growingPrices), { columns: { unitPrice: 'Price' } });
    expect(result.rows.map((row) => row.amount)).toEqual([5, 45, 16, 64]);
    expect(result.warnings).toEqual([]);
  });
});
