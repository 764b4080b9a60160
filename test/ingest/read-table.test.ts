import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readTable, type ReadTableOptions } from '../../src/ingest/read-table.js';
import type { RawTable } from '../../src/ingest/types.js';
import { declareUncompressedSize, utf8, xlsxWorkbook } from './fixtures.js';

const read = (text: string | Uint8Array, fileName = 'upload.csv', options: ReadTableOptions = {}) =>
  readTable(typeof text === 'string' ? utf8(text) : text, fileName, options);
const rows = (table: RawTable) => [...table.records].map(({ line, cells }) => ({ line, cells }));
const refusal = (code: string, details?: Record<string, unknown>) =>
  expect.objectContaining({ name: 'IngestError', code, ...(details && { details: expect.objectContaining(details) }) });

describe('readTable on delimited text', () => {
  it('GIVEN a plain CSV THEN header, delimiter, encoding, count and records are reported', async () => {
    const table = await read('Invoice,Amount\n1,2.50\n2,3.00\n');
    expect(table).toMatchObject({ format: 'csv', delimiter: ',', encoding: 'utf-8', container: 'none', header: ['Invoice', 'Amount'], headerLine: 1, recordCount: 2, warnings: [] });
    expect(rows(table)).toEqual([
      { line: 2, cells: ['1', '2.50'] },
      { line: 3, cells: ['2', '3.00'] },
    ]);
  });

  it.each([
    ['tab', 'a\tb\n1\t2\n', '\t'],
    ['semicolon', 'a;b\n1;2,5\n', ';'],
    ['pipe', 'a|b\n1|2\n', '|'],
  ])('GIVEN a %s-separated file THEN the delimiter is detected and reported', async (_, text, delimiter) => {
    const table = await read(text);
    expect(table.delimiter).toBe(delimiter);
    expect(table.header).toEqual(['a', 'b']);
  });

  it('GIVEN the records can be iterated twice THEN both passes give the same rows', async () => {
    const table = await read('a,b\n1,2\n3,4\n');
    expect(rows(table)).toEqual(rows(table));
  });

  it('GIVEN a header below a report title and blank lines THEN it is found and the lines above are skipped with a warning', async () => {
    const table = await read('Sales export\nGenerated 2024-01-05\n\nCustomer,Date,Amount\nC1,2024-01-01,5\n');
    expect(table.headerLine).toBe(4);
    expect(rows(table)).toEqual([{ line: 5, cells: ['C1', '2024-01-01', '5'] }]);
    expect(table.warnings).toEqual(['Skipped 2 lines of text above the header on line 4.']);
  });

  it('GIVEN header names with spaces around them THEN they are trimmed', async () => {
    expect((await read(' Customer ID , Amount \n1,2\n')).header).toEqual(['Customer ID', 'Amount']);
  });

  it('GIVEN a trailing delimiter on every line THEN the empty last column is dropped from header and rows', async () => {
    const table = await read('a,b,\n1,2,\n3,4,\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(rows(table).map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('GIVEN empty lines between records and a quoted multi-line cell THEN line numbers stay physical', async () => {
    const table = await read('a,b\n\n1,"two\nlines"\n\n3,4');
    expect(rows(table)).toEqual([
      { line: 3, cells: ['1', 'two\nlines'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });

  it('GIVEN a ragged row THEN it is kept as it is for validation to judge', async () => {
    expect(rows(await read('a,b,c\n1,2\n')).map((r) => r.cells)).toEqual([['1', '2']]);
  });

  it('GIVEN a quote never closed THEN unclosed_quote with its line', async () => {
    await expect(read('a,b\n1,2\n"3,4\n5,6\n')).rejects.toThrow(refusal('unclosed_quote', { line: 3 }));
  });

  it('GIVEN a quote closed in the middle of a field THEN the table is read with a warning naming the line', async () => {
    const table = await read('a,b\n"5" screen",2\n');
    expect(table.warnings).toEqual(['A quote inside a field was not doubled on line 2; the field was read up to its next closing quote.']);
  });

  it('GIVEN UTF-16LE with a BOM (Excel "Unicode text") THEN it is decoded and read', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Name\tCity\nZoë\tMünchen\n', 'utf16le')]);
    const table = await read(bytes, 'export.txt');
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', header: ['Name', 'City'] });
    expect(rows(table)[0]!.cells).toEqual(['Zoë', 'München']);
  });

  it('GIVEN windows-1252 bytes THEN the encoding is reported and £ survives', async () => {
    const bytes = new Uint8Array([...utf8('Item,Price\nTea,'), 0xa3, ...utf8('5\n')]);
    const table = await read(bytes);
    expect(table.encoding).toBe('windows-1252');
    expect(rows(table)[0]!.cells).toEqual(['Tea', '£5']);
  });

  it('GIVEN the sheet option on a CSV THEN it is ignored with a warning', async () => {
    const table = await read('a,b\n1,2\n', 'x.csv', { sheet: 'Sheet2' });
    expect(table.warnings).toHaveLength(1);
  });
});

describe('readTable on files without a header row', () => {
  const CDNOW = ' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00021 0002 19970101  3   63.34\r\n';
  const CDNOW_NAMES = ['', 'customer', 'date', 'quantity', 'amount'];

  it('GIVEN whitespace-aligned lines and the column names THEN every line is data, cut on runs of spaces', async () => {
    const table = await read(CDNOW, 'CDNOW_sample.txt', { columnNames: CDNOW_NAMES });
    expect(table).toMatchObject({ format: 'csv', delimiter: ' ', header: CDNOW_NAMES, headerLine: 0, recordCount: 3, warnings: [] });
    expect(rows(table)).toEqual([
      { line: 1, cells: ['00004', '0001', '19970101', '2', '29.33'] },
      { line: 2, cells: ['00004', '0001', '19970118', '2', '29.73'] },
      { line: 3, cells: ['00021', '0002', '19970101', '3', '63.34'] },
    ]);
  });

  it('GIVEN whitespace-aligned columns under a header row THEN the header is found as in any delimited file', async () => {
    const table = await read('customer   date      amount\n      C1   2024-01-01  5.00\n      C2   2024-01-02 12.50\n', 'till.txt');
    expect(table).toMatchObject({ delimiter: ' ', header: ['customer', 'date', 'amount'], headerLine: 1, recordCount: 2 });
  });

  it('GIVEN a CSV without a header row and the column names THEN line 1 is data and a skipped column has no name', async () => {
    const table = await read('17850,2010-12-01,6,15.30\n13047,2010-12-02,2,4.00\n', 'pos.csv', { columnNames: ['customer', 'date', '', 'amount'] });
    expect(table).toMatchObject({ delimiter: ',', header: ['customer', 'date', '', 'amount'], headerLine: 0, recordCount: 2 });
    expect(rows(table)[0]).toEqual({ line: 1, cells: ['17850', '2010-12-01', '6', '15.30'] });
  });

  it('GIVEN a trailing delimiter on every line THEN the empty last value needs no name', async () => {
    const table = await read('C1,2024-01-01,5,\nC2,2024-01-02,7,\n', 'pos.csv', { columnNames: ['customer', 'date', 'amount'] });
    expect(rows(table)).toEqual([
      { line: 1, cells: ['C1', '2024-01-01', '5'] },
      { line: 2, cells: ['C2', '2024-01-02', '7'] },
    ]);
  });

  it('GIVEN fewer names than the lines have values THEN column_count shows a line and its values', async () => {
    await expect(read(CDNOW, 'CDNOW_sample.txt', { columnNames: ['customer', 'date', 'quantity', 'amount'] })).rejects.toThrow(
      refusal('column_count', { named: 4, values: 5, line: 1, example: ['00004', '0001', '19970101', '2', '29.33'] }),
    );
  });

  it('GIVEN more names than the lines have values THEN column_count', async () => {
    await expect(read(CDNOW, 'CDNOW_sample.txt', { columnNames: [...CDNOW_NAMES, 'country'] })).rejects.toThrow(
      refusal('column_count', { named: 6, values: 5, line: 1 }),
    );
  });

  it('GIVEN one ragged line among the first THEN the usual width decides and the line is left to validation', async () => {
    const table = await read('C1,2024-01-01,5\nC2,2024-01-02,7,extra\nC3,2024-01-03,9\n', 'pos.csv', { columnNames: ['customer', 'date', 'amount'] });
    expect(rows(table)[1]).toEqual({ line: 2, cells: ['C2', '2024-01-02', '7', 'extra'] });
  });

  it('GIVEN no header row and no names THEN no_header carries the first line and its values, to name them by', async () => {
    await expect(read(CDNOW, 'CDNOW_sample.txt')).rejects.toThrow(
      refusal('no_header', { line: 1, values: 5, example: ['00004', '0001', '19970101', '2', '29.33'] }),
    );
  });

  it('GIVEN the column names for a workbook THEN its header row is read and a warning says the option was not used', async () => {
    const table = await read(xlsxWorkbook([{ name: 'S', rows: [['Customer', 'Date', 'Amount'], ['C1', '2024-01-01', 5]] }]), 's.xlsx', { columnNames: ['customer', 'date', 'amount'] });
    expect(table.header).toEqual(['Customer', 'Date', 'Amount']);
    expect(table.warnings).toContain('The header: none option applies to text files; the workbook was read by its header row.');
  });
});

describe('readTable refusals', () => {
  it('GIVEN no bytes or only blank lines THEN file_empty', async () => {
    await expect(read('')).rejects.toThrow(refusal('file_empty'));
    await expect(read('\n  \n\r\n')).rejects.toThrow(refusal('file_empty'));
  });

  it('GIVEN a file over maxBytes THEN file_too_large with sizes in MB', async () => {
    const bytes = new Uint8Array(3 * 1024 * 1024);
    await expect(read(bytes, 'big.csv', { limits: { maxBytes: 2 * 1024 * 1024 } })).rejects.toThrow(
      refusal('file_too_large', { sizeMb: 3, limitMb: 2 }),
    );
  });

  it('GIVEN only numbers THEN no_header', async () => {
    await expect(read('1,2\n3,4\n')).rejects.toThrow(refusal('no_header'));
  });

  it('GIVEN two columns named alike THEN duplicate_header', async () => {
    await expect(read('Customer ID,customerid\n1,2\n')).rejects.toThrow(refusal('duplicate_header', { name: 'customerid' }));
  });

  it('GIVEN a column named __proto__ THEN unsafe_header', async () => {
    await expect(read('a,__proto__\n1,2\n')).rejects.toThrow(refusal('unsafe_header', { name: '__proto__' }));
  });

  it('GIVEN more data rows than maxRows THEN too_many_rows', async () => {
    await expect(read('a,b\n1,2\n3,4\n5,6\n', 'x.csv', { limits: { maxRows: 2 } })).rejects.toThrow(refusal('too_many_rows', { limit: 2 }));
  });

  it('GIVEN exactly maxRows data rows THEN the file is read', async () => {
    expect((await read('a,b\n1,2\n3,4\n', 'x.csv', { limits: { maxRows: 2 } })).recordCount).toBe(2);
  });

  it('GIVEN a header wider than maxColumns THEN too_many_columns', async () => {
    await expect(read('a,b,c\n1,2,3\n', 'x.csv', { limits: { maxColumns: 2 } })).rejects.toThrow(refusal('too_many_columns', { columns: 3, limit: 2 }));
  });

  it('GIVEN a row wider than maxColumns THEN too_many_columns with its line', async () => {
    await expect(read('a,b\n1,2\n1,2,3\n', 'x.csv', { limits: { maxColumns: 2 } })).rejects.toThrow(refusal('too_many_columns', { line: 3 }));
  });

  it('GIVEN a cell longer than maxCellLength THEN cell_too_long with line and column', async () => {
    await expect(read(`a,b\n1,2\n3,${'x'.repeat(11)}\n`, 'x.csv', { limits: { maxCellLength: 10 } })).rejects.toThrow(
      refusal('cell_too_long', { line: 3, column: 2, columnName: 'b', length: 11, limit: 10 }),
    );
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0], 'png'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'jpeg'],
    ['GIF', [...utf8('GIF89a'), 1, 0], 'gif'],
    ['PDF', [...utf8('%PDF-1.7\n')], 'pdf'],
  ])('GIVEN a %s renamed to .csv THEN not_a_table says what it is', async (_, bytes, detected) => {
    await expect(read(new Uint8Array(bytes))).rejects.toThrow(refusal('not_a_table', { detected }));
  });

  it('GIVEN an HTML page saved as a spreadsheet THEN not_a_table detected html', async () => {
    await expect(read('  <!DOCTYPE html><html><table><tr><td>a</td></tr></table></html>', 'report.xls')).rejects.toThrow(
      refusal('not_a_table', { detected: 'html' }),
    );
  });

  it('GIVEN text with NUL bytes THEN not_a_table detected binary', async () => {
    await expect(read(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x00, 0x01, 0x02]))).rejects.toThrow(refusal('not_a_table', { detected: 'binary' }));
  });

  it('GIVEN an Excel 97-2003 .xls THEN unsupported_format suggests .xlsx or CSV', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await expect(read(ole2, 'old.xls')).rejects.toThrow(refusal('unsupported_format', { detected: 'xls', saveAs: ['xlsx', 'csv'] }));
  });

  it('GIVEN an OLE2 file named .xlsx THEN encrypted_workbook', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    await expect(read(ole2, 'locked.xlsx')).rejects.toThrow(refusal('encrypted_workbook'));
  });

  it('GIVEN an OLE2 file holding an EncryptedPackage stream THEN encrypted_workbook whatever its name', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(64).fill(0), ...Buffer.from('EncryptedPackage', 'utf16le')]);
    await expect(read(ole2, 'download.bin')).rejects.toThrow(refusal('encrypted_workbook'));
  });
});

describe('readTable on compressed uploads', () => {
  const csvText = 'a,b\n1,2\n3,4\n';

  it('GIVEN a .csv.gz THEN it is inflated and read, container gzip', async () => {
    const table = await read(gzipSync(utf8(csvText)), 'orders.csv.gz');
    expect(table).toMatchObject({ container: 'gzip', format: 'csv', recordCount: 2 });
  });

  it('GIVEN gzip whatever its name THEN the magic bytes decide', async () => {
    expect((await read(gzipSync(utf8(csvText)), 'orders.csv')).container).toBe('gzip');
  });

  it('GIVEN gzip that inflates past maxUncompressedBytes THEN zip_bomb', async () => {
    const big = gzipSync(utf8(`a,b\n${'1,2\n'.repeat(50_000)}`));
    await expect(read(big, 'x.csv.gz', { limits: { maxUncompressedBytes: 100_000, maxCompressionRatio: 10_000 } })).rejects.toThrow(
      refusal('zip_bomb', { reason: 'size' }),
    );
  });

  it('GIVEN gzip compressed more than maxCompressionRatio THEN zip_bomb', async () => {
    const bomb = gzipSync(new Uint8Array(5_000_000).fill(0x61), { level: 9 });
    await expect(read(bomb, 'x.csv.gz')).rejects.toThrow(refusal('zip_bomb', { reason: 'ratio' }));
  });

  it('GIVEN damaged gzip THEN not_a_table', async () => {
    const gz = gzipSync(utf8(csvText));
    await expect(read(gz.subarray(0, gz.length - 12), 'x.csv.gz')).rejects.toThrow(refusal('not_a_table', { detected: 'damaged_gzip' }));
  });

  it('GIVEN a zip with one CSV (and macOS litter) THEN the CSV is read and named', async () => {
    const zip = zipSync({ 'export/orders.csv': utf8(csvText), '__MACOSX/export/._orders.csv': utf8('x'), 'export/': new Uint8Array() });
    const table = await read(zip, 'orders.zip');
    expect(table).toMatchObject({ container: 'zip', innerFileName: 'export/orders.csv', recordCount: 2 });
  });

  it('GIVEN a zip with one XLSX THEN the workbook inside is read', async () => {
    const zip = zipSync({ 'book.xlsx': xlsxWorkbook([{ name: 'Data', rows: [['a', 'b'], [1, 2]] }]) });
    expect(await read(zip, 'book.zip')).toMatchObject({ container: 'zip', format: 'xlsx', innerFileName: 'book.xlsx', recordCount: 1 });
  });

  it('GIVEN a zip with one CSV beside a README THEN the CSV is read', async () => {
    const zip = zipSync({ 'README.md': utf8('# data'), 'data.csv': utf8(csvText) });
    expect((await read(zip, 'kaggle.zip')).innerFileName).toBe('data.csv');
  });

  it('GIVEN a zip holding a single file of another extension THEN its content decides', async () => {
    const zip = zipSync({ 'export.txt': utf8('a\tb\n1\t2\n') });
    expect(await read(zip, 'export.zip')).toMatchObject({ innerFileName: 'export.txt', delimiter: '\t', recordCount: 1 });
  });

  it('GIVEN a zip with two tables THEN zip_contents lists the entries', async () => {
    const zip = zipSync({ 'a.csv': utf8(csvText), 'b.csv': utf8(csvText) });
    await expect(read(zip, 'two.zip')).rejects.toThrow(refusal('zip_contents', { entries: ['a.csv', 'b.csv'], entryCount: 2 }));
  });

  it('GIVEN a zip with no table THEN zip_contents', async () => {
    const zip = zipSync({ 'photo.png': new Uint8Array([1]), 'notes.md': utf8('hi') });
    await expect(read(zip, 'x.zip')).rejects.toThrow(refusal('zip_contents'));
  });

  it('GIVEN a zip whose central directory declares a huge entry THEN zip_bomb before inflating', async () => {
    const zip = declareUncompressedSize(zipSync({ 'orders.csv': utf8(csvText) }), 'orders.csv', 0xfffffff0);
    await expect(read(zip, 'x.zip')).rejects.toThrow(refusal('zip_bomb', { reason: 'size', entry: 'orders.csv' }));
  });

  it('GIVEN a zip entry compressed more than maxCompressionRatio THEN zip_bomb', async () => {
    const zip = zipSync({ 'orders.csv': new Uint8Array(2_000_000).fill(0x61) }, { level: 9 });
    await expect(read(zip, 'x.zip')).rejects.toThrow(refusal('zip_bomb', { reason: 'ratio', entry: 'orders.csv' }));
  });

  it('GIVEN a zip entry that inflates to more than it declares THEN the output stays within the declared size', async () => {
    const zip = declareUncompressedSize(zipSync({ 'orders.csv': utf8(`a,b\n${'1,2\n'.repeat(100)}`) }), 'orders.csv', 12);
    const table = await read(zip, 'x.zip');
    expect(rows(table).length).toBeLessThanOrEqual(2);
  });

  it('GIVEN an XLSX whose sheet part declares a huge size THEN zip_bomb before anything is inflated', async () => {
    const workbook = declareUncompressedSize(xlsxWorkbook([{ name: 'S', rows: [['a', 'b']] }]), 'xl/worksheets/sheet1.xml', 0xfffffff0);
    await expect(read(workbook, 'x.xlsx')).rejects.toThrow(refusal('zip_bomb', { entry: 'xl/worksheets/sheet1.xml' }));
  });

  it('GIVEN an OpenDocument spreadsheet THEN unsupported_format', async () => {
    const ods = zipSync({ mimetype: utf8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': utf8('<x/>') });
    await expect(read(ods, 'x.ods')).rejects.toThrow(refusal('unsupported_format', { detected: 'ods' }));
  });

  it('GIVEN a zip inside a zip THEN unsupported_format nested_archive', async () => {
    const nested = zipSync({ 'inner.zip': zipSync({ 'a.csv': utf8(csvText) }) });
    await expect(read(nested, 'outer.zip')).rejects.toThrow(refusal('unsupported_format', { detected: 'nested_archive' }));
  });
});

describe('readTable on XLSX workbooks', () => {
  const header = ['Invoice', 'Date', 'Amount'];
  const sale = new Date(Date.UTC(2011, 4, 13, 14, 57, 0));

  it('GIVEN date cells THEN they are Date objects at the written wall-clock time, numbers stay numbers', async () => {
    const table = await read(xlsxWorkbook([{ name: 'Sheet1', rows: [header, ['C1', sale, 12.5]] }]), 'sales.xlsx');
    expect(table).toMatchObject({ format: 'xlsx', sheets: ['Sheet1'], header, headerLine: 1, recordCount: 1, container: 'none' });
    expect(table.delimiter).toBeUndefined();
    const [record] = [...table.records];
    expect(record).toEqual({ line: 2, cells: ['C1', sale, 12.5], sheet: 'Sheet1' });
    expect(record!.cells[1]).toBeInstanceOf(Date);
  });

  it('GIVEN several sheets THEN every sheet with the same columns is read and the others are skipped with a warning', async () => {
    const workbook = xlsxWorkbook([
      { name: 'Notes', rows: [['Read me first']] },
      { name: 'Jan', rows: [header, ['A', sale, 1]] },
      { name: 'Pivot', rows: [['Country', 'Total'], ['UK', 5]] },
      { name: 'Feb', rows: [['invoice', ' Date', 'AMOUNT'], ['B', sale, 2], ['C', sale, 3]] },
    ]);
    const table = await read(workbook, 'year.xlsx');
    expect(table.sheets).toEqual(['Jan', 'Feb']);
    expect(table.recordCount).toBe(3);
    expect([...table.records].map((r) => [r.sheet, r.line, r.cells[0]])).toEqual([
      ['Jan', 2, 'A'],
      ['Feb', 2, 'B'],
      ['Feb', 3, 'C'],
    ]);
    expect(table.warnings).toEqual(['Read sheets Jan, Feb; skipped Notes, Pivot, whose columns differ.']);
  });

  it('GIVEN a cover sheet with a key-value table before the orders THEN the orders sheet is the table', async () => {
    const workbook = xlsxWorkbook([
      { name: 'Ringkasan', rows: [['Ringkasan Penjualan'], ['Periode', 'Agustus 2024'], ['Toko', 'Teh Lestari'], ['Total', 1_250_000]] },
      { name: 'Data', rows: [['No Faktur', 'Tanggal', 'Nama Pelanggan', 'Subtotal'], ['FJ-001', sale, 'Siti', 85_500]] },
    ]);
    const table = await read(workbook, 'laporan.xlsx');
    expect(table).toMatchObject({ sheets: ['Data'], header: ['No Faktur', 'Tanggal', 'Nama Pelanggan', 'Subtotal'], headerLine: 1, recordCount: 1 });
    expect(table.warnings).toEqual(['Read sheet Data; skipped Ringkasan, whose columns differ.']);
  });

  it('GIVEN a summary sheet naming two fields before a sheet naming five THEN the five-field sheet, Laporan Penjualan', async () => {
    const orders = ['Nomor Invoice', 'Tanggal Pembayaran', 'Nama Pembeli', 'Jumlah Produk Dibeli', 'Harga Jual (IDR)'];
    const workbook = xlsxWorkbook([
      { name: 'Summary', rows: [['Date', 'Total'], [sale, 57_000]] },
      { name: 'Laporan Penjualan', rows: [['Laporan Penjualan Teh Lestari'], ['Periode: 1-31 Agustus 2024'], [], orders, ['INV/1', sale, 'Budi', 2, 28_500]] },
    ]);
    const table = await read(workbook, 'tokopedia.xlsx');
    expect(table).toMatchObject({ sheets: ['Laporan Penjualan'], header: orders, headerLine: 4 });
    expect(table.warnings).toEqual(['Read sheet Laporan Penjualan; skipped Summary, whose columns differ.']);
  });

  it('GIVEN two sheets naming as many fields THEN the one named like orders wins; without such a name, the first', async () => {
    const plain = { name: 'Sheet1', rows: [['Customer', 'Date', 'Amount'], ['C1', sale, 1]] };
    const orders = { name: 'orders', rows: [['Buyer', 'Order Date', 'Total'], ['C2', sale, 2]] };
    expect((await read(xlsxWorkbook([plain, orders]), 'x.xlsx')).sheets).toEqual(['orders']);
    expect((await read(xlsxWorkbook([plain, { ...orders, name: 'Sheet2' }]), 'x.xlsx')).sheets).toEqual(['Sheet1']);
  });

  it('GIVEN a sheet with the chosen columns before the chosen one THEN both are read, in workbook order', async () => {
    const workbook = xlsxWorkbook([
      { name: 'Pivot', rows: [['Country', 'Total'], ['UK', 5]] },
      { name: 'Jan', rows: [header, ['A', sale, 1]] },
      { name: 'orders', rows: [header, ['B', sale, 2]] },
    ]);
    const table = await read(workbook, 'year.xlsx');
    expect(table.sheets).toEqual(['Jan', 'orders']);
    expect([...table.records].map((r) => r.cells[0])).toEqual(['A', 'B']);
  });

  it('GIVEN a sheet option THEN only that sheet is read', async () => {
    const workbook = xlsxWorkbook([
      { name: 'Jan', rows: [header, ['A', sale, 1]] },
      { name: 'Feb', rows: [header, ['B', sale, 2]] },
    ]);
    const table = await read(workbook, 'year.xlsx', { sheet: 'Feb' });
    expect(table.sheets).toEqual(['Feb']);
    expect([...table.records].map((r) => r.cells[0])).toEqual(['B']);
  });

  it('GIVEN a sheet option naming no sheet THEN sheet_not_found lists the sheets', async () => {
    const workbook = xlsxWorkbook([{ name: 'Jan', rows: [header] }, { name: 'Feb', rows: [header] }]);
    await expect(read(workbook, 'year.xlsx', { sheet: 'Mar' })).rejects.toThrow(refusal('sheet_not_found', { sheet: 'Mar', available: ['Jan', 'Feb'] }));
  });

  it('GIVEN a title row, an empty row and empty rows between data THEN the header is found and sheet row numbers are kept', async () => {
    const workbook = xlsxWorkbook([{ name: 'S', rows: [['Quarterly sales'], [], header, ['A', sale, 1], [], ['B', sale, 2]] }]);
    const table = await read(workbook, 's.xlsx');
    expect(table.headerLine).toBe(3);
    expect([...table.records].map((r) => r.line)).toEqual([4, 6]);
  });

  it('GIVEN data in a column with no header name THEN the header is not extended and the row stays ragged', async () => {
    const workbook = xlsxWorkbook([{ name: 'S', rows: [['a', 'b', null], [1, 2, null], [3, 4, 'note']] }]);
    const table = await read(workbook, 's.xlsx');
    expect(table.header).toEqual(['a', 'b']);
    expect([...table.records].map((r) => r.cells)).toEqual([
      [1, 2],
      [3, 4, 'note'],
    ]);
  });

  it('GIVEN a workbook with only empty sheets THEN file_empty', async () => {
    await expect(read(xlsxWorkbook([{ name: 'S', rows: [] }]), 's.xlsx')).rejects.toThrow(refusal('file_empty'));
  });

  it('GIVEN a workbook with no header row THEN no_header names the sheets', async () => {
    await expect(read(xlsxWorkbook([{ name: 'S', rows: [[1, 2], [3, 4]] }]), 's.xlsx')).rejects.toThrow(refusal('no_header', { sheets: ['S'] }));
  });

  it('GIVEN a damaged workbook THEN not_a_table', async () => {
    const workbook = zipSync({ 'xl/workbook.xml': utf8('<workbook') });
    await expect(read(workbook, 's.xlsx')).rejects.toThrow(refusal('not_a_table', { detected: 'damaged_xlsx' }));
  });

  it('GIVEN more rows than maxRows across sheets THEN too_many_rows', async () => {
    const workbook = xlsxWorkbook([
      { name: 'Jan', rows: [header, ['A', sale, 1]] },
      { name: 'Feb', rows: [header, ['B', sale, 2]] },
    ]);
    await expect(read(workbook, 'x.xlsx', { limits: { maxRows: 1 } })).rejects.toThrow(refusal('too_many_rows', { sheet: 'Feb' }));
  });
});
