import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/ingest/columns.js';
import { makeDateParser } from '../../src/ingest/dates.js';
import { parseNumberCell } from '../../src/ingest/numbers.js';
import { NON_PRODUCT_CODES } from '../../src/ingest/non-product-lines.js';
import { applyRowRules, isCancellation, lineAmount } from '../../src/ingest/rows.js';
import type { RowRules } from '../../src/ingest/rows.js';
import type { ColumnMapping, RawCell, RawRecord } from '../../src/ingest/types.js';
import { ingestError } from './helpers/tables.js';

const RETAIL = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const readNumber = (cell: RawCell) => parseNumberCell(cell, 'dot');

function rules(header: string[], overrides: Partial<RowRules> = {}, columns: ColumnMapping = {}): RowRules {
  const plan = mapColumns(header, columns);
  return {
    width: header.length,
    shortRowsAllowed: false,
    index: plan.index,
    names: plan.mapping,
    parseDate: makeDateParser({ order: 'month-first', serial: false, orderGuessed: false, conflicting: 0 }),
    parseQuantity: plan.index.quantity === undefined ? null : readNumber,
    parseUnitPrice: plan.index.unitPrice === undefined ? null : readNumber,
    parseAmount: plan.index.amount === undefined ? null : readNumber,
    skipNonProductLines: true,
    ...overrides,
  };
}

function records(rows: RawCell[][]): RawRecord[] {
  return rows.map((cells, i) => ({ line: i + 2, cells }));
}

function retail(rows: RawCell[][], overrides: Partial<RowRules> = {}) {
  return applyRowRules(records(rows), rules(RETAIL, overrides));
}

const line = (overrides: Partial<Record<(typeof RETAIL)[number], RawCell>> = {}): RawCell[] => {
  const values: Record<string, RawCell> = {
    InvoiceNo: '536365',
    StockCode: '85123A',
    Description: 'WHITE HANGING HEART T-LIGHT HOLDER',
    Quantity: '6',
    InvoiceDate: '2010-12-01 08:26:00',
    UnitPrice: '2.55',
    CustomerID: '17850.0',
    Country: 'United Kingdom',
    ...overrides,
  };
  return RETAIL.map((name) => values[name]!);
};

describe('applyRowRules: kept rows', () => {
  it('GIVEN the first Online Retail line THEN it becomes a transaction row with known values', () => {
    expect(retail([line()]).rows).toEqual([
      {
        line: 2,
        invoice: '536365',
        customerId: '17850',
        timestamp: Date.UTC(2010, 11, 1, 8, 26),
        product: '85123A',
        description: 'WHITE HANGING HEART T-LIGHT HOLDER',
        quantity: 6,
        unitPrice: 2.55,
        amount: 15.3,
        country: 'United Kingdom',
        category: null,
        isReturn: false,
        identity: null,
      },
    ]);
  });

  it('GIVEN quantity x price with float noise THEN the amount is rounded to cents', () => {
    expect(retail([line({ Quantity: '3', UnitPrice: '0.1' })]).rows[0]!.amount).toBe(0.3);
    expect(lineAmount(3, 0.1)).toBe(0.3);
    expect(lineAmount(-3, 0.1)).toBe(-0.3);
    expect(lineAmount(1, 0.005)).toBe(0.01);
    expect(lineAmount(-1, 0.005)).toBe(-0.01);
  });

  it('GIVEN no customer id THEN the row is kept as anonymous and counted', () => {
    const outcome = retail([line({ CustomerID: '' }), line()]);
    expect(outcome.rows.map((row) => row.customerId)).toEqual([null, '17850']);
    expect(outcome.anonymousRows).toBe(1);
  });

  it('GIVEN a cancellation THEN it is kept as a return with a negative amount', () => {
    const outcome = retail([line({ InvoiceNo: 'C536379', Quantity: '-1', UnitPrice: '27.50' })]);
    expect(outcome.rows[0]).toMatchObject({ invoice: 'C536379', quantity: -1, amount: -27.5, isReturn: true });
    expect(outcome.returnRows).toBe(1);
  });

  it('GIVEN a negative quantity without a C invoice THEN it is a return', () => {
    expect(retail([line({ Quantity: '-2' })]).rows[0]).toMatchObject({ amount: -5.1, isReturn: true });
  });

  it('GIVEN a C invoice with a positive quantity THEN it is a return and its amount is negative', () => {
    expect(retail([line({ InvoiceNo: 'c536379' })]).rows[0]).toMatchObject({ quantity: 6, amount: -15.3, isReturn: true });
  });

  it('GIVEN an order id that starts with C and a letter THEN it is not a cancellation', () => {
    expect(isCancellation('CA-2016-152156')).toBe(false);
    expect(isCancellation('C536379')).toBe(true);
    expect(isCancellation('c1')).toBe(true);
    expect(isCancellation('C')).toBe(false);
  });

  it('GIVEN an amount-only file with a negative amount THEN it is a return', () => {
    const header = ['Customer', 'Date', 'Amount'];
    const outcome = applyRowRules(records([['a', '2022-01-04', '-12.50']]), rules(header));
    expect(outcome.rows[0]).toMatchObject({ amount: -12.5, quantity: null, unitPrice: null, isReturn: true });
  });

  it('GIVEN padded and empty text THEN it is trimmed and empty becomes null', () => {
    const row = retail([line({ Description: '  SET OF 3 COLOURED  FLYING DUCKS ', Country: '' })]).rows[0]!;
    expect(row.description).toBe('SET OF 3 COLOURED  FLYING DUCKS');
    expect(row.country).toBeNull();
  });

  it('GIVEN a product whose description changes and returns, padded or blank, and another product sharing one THEN each row keeps its own', () => {
    const descriptions = ['HEART', ' HEART ', 'RED HEART', '', 'HEART', 'HEART'];
    const products = ['85123A', '85123A', '85123A', '85123A', '85123A', '22752'];
    const rows = retail(descriptions.map((Description, i) => line({ Description, StockCode: products[i]! }))).rows;
    expect(rows.map((row) => row.description)).toEqual(['HEART', 'HEART', 'RED HEART', null, 'HEART', 'HEART']);
  });

  it('GIVEN an amount column and quantity and price THEN the amount column is used', () => {
    const header = ['Customer', 'Date', 'Qty', 'Price', 'Total'];
    const outcome = applyRowRules(records([['a', '2022-01-04', '3', '0.1', '0.35']]), rules(header));
    expect(outcome.rows[0]!.amount).toBe(0.35);
  });

  it('GIVEN a blank amount but quantity and price THEN the amount is computed', () => {
    const header = ['Customer', 'Date', 'Qty', 'Price', 'Total'];
    expect(applyRowRules(records([['a', '2022-01-04', '3', '0.1', '']]), rules(header)).rows[0]!.amount).toBe(0.3);
  });
});

describe('applyRowRules: rows set aside', () => {
  it('GIVEN zero and negative prices THEN nonPositivePrice', () => {
    const outcome = retail([line({ UnitPrice: '0.0' }), line({ UnitPrice: '-1.00' }), line({ InvoiceNo: 'C1', Quantity: '-1', UnitPrice: '0' })]);
    expect(outcome.rows).toHaveLength(0);
    expect(outcome.rowsSkipped).toEqual({ nonPositivePrice: { count: 3, lines: [2, 3, 4] } });
  });

  it('GIVEN a negative price on a cancelled invoice THEN it is a refund, kept as a return', () => {
    const outcome = retail([line({ InvoiceNo: 'C536379', Quantity: '1', UnitPrice: '-5.00' })]);
    expect(outcome.rows[0]).toMatchObject({ quantity: 1, unitPrice: -5, amount: -5, isReturn: true });
  });

  it.each([...NON_PRODUCT_CODES, 'm', 'post', 'Bank Charges'])('GIVEN the stock code %j THEN nonProductLine', (code) => {
    expect(retail([line({ StockCode: code })]).rowsSkipped).toEqual({ nonProductLine: { count: 1, lines: [2] } });
  });

  it('GIVEN the bad-debt adjustment lines (B, negative price) THEN nonProductLine', () => {
    const badDebt = line({ InvoiceNo: 'A563186', StockCode: 'B', Description: 'Adjust bad debt', Quantity: '1', UnitPrice: '-11062.06', CustomerID: '' });
    expect(retail([badDebt]).rowsSkipped).toEqual({ nonProductLine: { count: 1, lines: [2] } });
  });

  it('GIVEN stock codes that merely start like one THEN they are products', () => {
    expect(retail([line({ StockCode: 'DCGSSGIRL' }), line({ StockCode: 'POST2' }), line({ StockCode: '84406B' })]).rows).toHaveLength(3);
  });

  it.each(['Next Day Carriage', 'Ongkos kirim', 'Shipping', 'Delivery fee', 'Biaya admin', 'Voucher', 'Diskon'])(
    'GIVEN a product code with the description %j THEN nonProductLine, named by its description',
    (description) => {
      const outcome = retail([line({ StockCode: '23444', Description: description }), line()]);
      expect(outcome.rowsSkipped).toEqual({ nonProductLine: { count: 1, lines: [2] } });
      expect(outcome.topNonProductLines).toEqual([{ name: description, count: 1 }]);
    },
  );

  it('GIVEN products whose names contain a fee word THEN they are products', () => {
    const names = ['SHIPPING CRATE WOODEN', 'FRENCH CARRIAGE LANTERN', 'SPACEBOY GIFT WRAP', 'WRAP VINTAGE PETALS  DESIGN'];
    expect(retail(names.map((name) => line({ Description: name }))).rows.map((row) => row.description)).toEqual(names);
  });

  it('GIVEN many non-product lines THEN the report names the five most set aside, most first', () => {
    const lines = [
      ...['POSTAGE', 'POSTAGE', 'POSTAGE', 'Manual', 'Manual', 'CARRIAGE', 'Discount', 'SAMPLES', 'Bank Charges'].map((name) =>
        line({ StockCode: '99999', Description: name }),
      ),
      line({ StockCode: 'POST', Description: '' }),
    ];
    expect(retail(lines).topNonProductLines).toEqual([
      { name: 'POSTAGE', count: 3 },
      { name: 'Manual', count: 2 },
      { name: 'Bank Charges', count: 1 },
      { name: 'CARRIAGE', count: 1 },
      { name: 'Discount', count: 1 },
    ]);
  });

  it('GIVEN non-product lines are kept THEN POST is a row', () => {
    const outcome = retail([line({ StockCode: 'POST' }), line({ Description: 'Next Day Carriage' })], { skipNonProductLines: false });
    expect(outcome.rows).toHaveLength(2);
    expect(outcome.topNonProductLines).toEqual([]);
  });

  it('GIVEN unreadable and missing values THEN each reason is counted with its lines', () => {
    const outcome = retail([
      line({ InvoiceDate: '2010-13-01 08:26:00' }),
      line({ InvoiceDate: '' }),
      line({ Quantity: 'six' }),
      line({ UnitPrice: '2,55' }),
      line(),
    ]);
    expect(outcome.rows.map((row) => row.line)).toEqual([6]);
    expect(outcome.rowsSkipped).toEqual({
      unparseableDate: { count: 1, lines: [2] },
      missingDate: { count: 1, lines: [3] },
      unparseableNumber: { count: 2, lines: [4, 5] },
    });
  });

  it('GIVEN no amount at all THEN missingAmount', () => {
    const header = ['Customer', 'Date', 'Amount'];
    expect(applyRowRules(records([['a', '2022-01-04', ' ']]), rules(header)).rowsSkipped).toEqual({ missingAmount: { count: 1, lines: [2] } });
    expect(retail([line({ Quantity: '' })]).rowsSkipped).toEqual({ missingAmount: { count: 1, lines: [2] } });
  });

  it('GIVEN many rows skipped for one reason THEN five example lines are kept', () => {
    const outcome = retail(Array.from({ length: 8 }, () => line({ UnitPrice: '0' })));
    expect(outcome.rowsSkipped.nonPositivePrice).toEqual({ count: 8, lines: [2, 3, 4, 5, 6] });
  });

  it('GIVEN rows with too few or too many cells THEN raggedRow', () => {
    const outcome = retail([line().slice(0, 7), [...line(), 'extra'], [...line(), '', '  '], line()]);
    expect(outcome.rowsSkipped).toEqual({ raggedRow: { count: 2, lines: [2, 3] } });
    expect(outcome.rows.map((row) => row.line)).toEqual([4, 5]);
  });

  it('GIVEN an XLSX row that stops before the last column THEN the missing cells are blank', () => {
    const outcome = retail([line().slice(0, 7)], { shortRowsAllowed: true });
    expect(outcome.rows[0]).toMatchObject({ customerId: '17850', country: null });
  });

  it('GIVEN blank lines of any width THEN emptyRow', () => {
    const outcome = retail([[''], RETAIL.map(() => ''), RETAIL.map(() => null), [' ', '']]);
    expect(outcome.rowsSkipped).toEqual({ emptyRow: { count: 4, lines: [2, 3, 4, 5] } });
    expect(outcome.rowsRead).toBe(4);
  });
});

describe('applyRowRules: customers and ids', () => {
  it('GIVEN skipped rows with customer ids THEN they count among rows with a customer and customers seen', () => {
    const outcome = retail([
      line({ CustomerID: '12346.0', UnitPrice: '0' }),
      line({ CustomerID: '12347.0' }),
      line({ CustomerID: '12347.0' }),
      line({ CustomerID: '' }),
      line({ CustomerID: '12346.0', StockCode: 'POST' }),
    ]);
    expect(outcome).toMatchObject({ rowsRead: 5, rowsWithCustomer: 4, customersSeen: 2, anonymousRows: 1 });
    expect(outcome.rows).toHaveLength(3);
  });

  it('GIVEN an id in scientific notation THEN lost_digits with the column, line and value', () => {
    const error = ingestError(() => retail([line(), line({ CustomerID: '1.23E+11' })]));
    expect(error.code).toBe('lost_digits');
    expect(error.details).toEqual({ field: 'customer', column: 'CustomerID', line: 3, value: '1.23E+11' });
  });

  it('GIVEN an invoice number in scientific notation THEN lost_digits for the invoice column', () => {
    expect(ingestError(() => retail([line({ InvoiceNo: '5.36E+05' })])).details).toMatchObject({ field: 'invoice', column: 'InvoiceNo' });
  });

  it('GIVEN XLSX number ids THEN they become integer text', () => {
    expect(retail([line({ CustomerID: 17850, InvoiceNo: 536365 })]).rows[0]).toMatchObject({ customerId: '17850', invoice: '536365' });
  });
});
