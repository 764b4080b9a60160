import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../src/app/messages.js';
import { actionLines } from '../../src/app/replies/action-lines.js';
import { namesMatching } from '../../src/app/segments/segment-names.js';

describe('words built from user data', () => {
  it('GIVEN a column header with Markdown THEN the failure message shows it as text, in lists and alone', () => {
    const text = failureMessage('unknown_column', { column: '[x](https://evil)', columnsFound: ['**Total**', 'Date'] }, 'en');
    expect(text).toContain("There is no column '\\[x\\](https://evil)'");
    expect(text).toContain("'\\*\\*Total\\*\\*', 'Date'");
  });

  it('GIVEN a server\'s own action with Markdown or a mention THEN the line cannot format or ping', () => {
    const [line] = actionLines([{ channel: 'email', timing: { en: '__now__', id: '__now__' }, action: { en: '@everyone **50% off**', id: 'x' } }], 'en');
    expect(line).toBe('Email · \\_\\_now\\_\\_: @\u200beveryone \\*\\*50% off\\*\\*');
  });
});

describe('missing_column', () => {
  it('GIVEN two columns that could each be the line amount THEN both are named with the options that settle it, in both languages', () => {
    const details = { field: 'amount', columnsFound: ['Qty', 'Price', 'Total'], candidates: ['Price', 'Total'], option: 'amountColumn' };
    expect(failureMessage('missing_column', details, 'en')).toBe(
      "Columns 'Price', 'Total' could each be the line amount, and the file does not show which: choose with amount_column: (CLI --amount-column) (a line total) or price_column: (CLI --price-column) (a unit price, multiplied by the quantity). Nothing was stored.",
    );
    expect(failureMessage('missing_column', details, 'id')).toContain("Kolom 'Price', 'Total' masing-masing bisa berisi total per baris");
  });
});

describe('files without a header row', () => {
  const cdnowLine = { linesSearched: 25, line: 1, values: 5, example: ['00004', '0001', '19970101', '2', '29.33'] };

  it('GIVEN no header row in a text file THEN the refusal shows line 1 and says how to name the columns, in both languages', () => {
    expect(failureMessage('no_header', cdnowLine, 'en')).toBe(
      "No header row was found in the first lines; line 1 holds 5 values: '00004', '0001', '19970101', '2', '29.33'. If the file has no header row, name its columns in order: header: none columns: customer,date,quantity,amount (CLI --header none --columns customer,date,quantity,amount), with skip for a column to ignore. Names: invoice, customer, date, quantity, unit_price, amount, product, description, country, category. Otherwise put the row naming the columns (e.g. InvoiceNo, CustomerID, InvoiceDate, Quantity, UnitPrice) first.",
    );
    const id = failureMessage('no_header', cdnowLine, 'id');
    expect(id).toContain("baris 1 berisi 5 nilai: '00004', '0001', '19970101', '2', '29.33'");
    expect(id).toContain('Jika file memang tanpa baris judul, sebutkan kolomnya secara berurutan: header: none columns: customer,date,quantity,amount');
    expect(id).toContain('dengan skip untuk kolom yang diabaikan');
  });

  it('GIVEN no header row in a workbook THEN the refusal names the sheets and suggests a header row or a CSV with header: none', () => {
    expect(failureMessage('no_header', { sheets: ['Sheet1'] }, 'en')).toBe(
      "No header row was found in 'Sheet1'. Add a row naming the columns (e.g. InvoiceNo, CustomerID, InvoiceDate, Quantity, UnitPrice) above the data, or save the sheet as CSV and upload it with header: none and columns: naming its columns in order.",
    );
    expect(failureMessage('no_header', { sheets: ['Sheet1'] }, 'id')).toContain('simpan sheet sebagai CSV lalu unggah dengan header: none');
  });

  it('GIVEN a wide line THEN the message shows its first 12 values, each cut to 30 characters', () => {
    const example = ['x'.repeat(40), ...Array.from({ length: 19 }, (_, i) => String(i))];
    const text = failureMessage('column_count', { named: 4, values: 20, line: 3, example }, 'en');
    expect(text).toBe(
      `columns: names 4 columns, but line 3 has 20 values: '${'x'.repeat(30)}', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', …. Give one name per value, in order, with skip for a value to ignore. Nothing was stored.`,
    );
    expect(failureMessage('column_count', { named: 4, values: 5, line: 1, example: cdnowLine.example }, 'id')).toBe(
      "columns: menyebut 4 kolom, tetapi baris 1 berisi 5 nilai: '00004', '0001', '19970101', '2', '29.33'. Beri satu nama untuk setiap nilai, berurutan, dengan skip untuk nilai yang diabaikan. Tidak ada yang disimpan.",
    );
  });
});

describe('namesMatching', () => {
  it('GIVEN a partial name typed without its apostrophe or spaces THEN the segment is suggested, once', () => {
    expect(namesMatching('cant', ["Can't Lose Them", 'Champions', "Can't Lose Them"])).toEqual(["Can't Lose Them"]);
    expect(namesMatching('at risk', ['At Risk', 'About To Sleep'])).toEqual(['At Risk']);
    expect(namesMatching('', ['A', 'B'], 1)).toEqual(['A']);
  });
});
