import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INGEST_LIMITS, type RawCell } from '../../src/ingest/types.js';
import { readWorkbook, type SheetRow } from '../../src/ingest/xlsx.js';
import { sheetRows } from '../../src/ingest/xlsx-sheet.js';
import { isDateFormatCode } from '../../src/ingest/xlsx-styles.js';
import { declareUncompressedSize, sharedData, utf8, xlsxWorkbook } from './fixtures.js';
import { ingestError } from './helpers/tables.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const platformFixture = (name: string) => fileURLToPath(new URL(`../fixtures/platforms/${name}`, import.meta.url));

/**
 * The rows read-excel-file gives (the reader Segmenta used before), as the new reader gives them: by sheet row number,
 * rows without a value left out, each ending at its last value, dates snapped to the second as the old reader did.
 */
async function referenceSheets(bytes: Uint8Array): Promise<{ name: string; rows: SheetRow[] }[]> {
  const sheets = await readXlsxFile(bytes.slice().buffer);
  return sheets.map(({ sheet, data }) => ({
    name: sheet,
    rows: data.flatMap((row, i) => {
      const cells = row.map(referenceCell);
      while (cells.length > 0 && cells.at(-1) === null) cells.pop();
      return cells.length === 0 ? [] : [{ line: i + 1, cells }];
    }),
  }));
}

function referenceCell(cell: unknown): RawCell {
  if (cell instanceof Date) {
    const time = cell.getTime();
    const second = Math.round(time / 1000) * 1000;
    return new Date(Math.abs(time - second) <= 1 ? second : time);
  }
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return null;
}

function streamedSheets(bytes: Uint8Array): { name: string; rows: SheetRow[] }[] {
  return readWorkbook(bytes, DEFAULT_INGEST_LIMITS).map((sheet) => ({ name: sheet.name, rows: [...sheet.rows()] }));
}

/** The first few rows that differ, cell by cell, so a failure names the row and the column instead of dumping 40,000 rows. */
function differences(actual: readonly SheetRow[], expected: readonly SheetRow[]): string[] {
  const found: string[] = [];
  const key = (cell: RawCell | undefined) => (cell instanceof Date ? `Date(${cell.toISOString()})` : JSON.stringify(cell));
  for (let i = 0; i < Math.max(actual.length, expected.length) && found.length < 5; i++) {
    const [a, e] = [actual[i], expected[i]];
    if (a?.line !== e?.line) {
      found.push(`row #${i}: line ${a?.line} instead of ${e?.line}`);
      continue;
    }
    const width = Math.max(a!.cells.length, e!.cells.length);
    for (let column = 0; column < width; column++) {
      if (key(a!.cells[column]) !== key(e!.cells[column])) {
        found.push(`line ${e!.line}, column ${column + 1}: ${key(a!.cells[column])} instead of ${key(e!.cells[column])}`);
      }
    }
  }
  return found;
}

async function expectSameAsReference(bytes: Uint8Array): Promise<number> {
  const expected = await referenceSheets(bytes);
  const actual = streamedSheets(bytes);
  expect(actual.map((sheet) => sheet.name)).toEqual(expected.map((sheet) => sheet.name));
  let cells = 0;
  actual.forEach((sheet, i) => {
    expect(differences(sheet.rows, expected[i]!.rows), sheet.name).toEqual([]);
    cells += sheet.rows.reduce((sum, row) => sum + row.cells.length, 0);
  });
  return cells;
}

/** A workbook from raw parts, for cell kinds the fixture builder does not write. */
function workbookOf(parts: { sheets: { name: string; xml: string }[]; sharedStrings?: string; styles?: string; workbookPr?: string }): Uint8Array {
  const files: Zippable = {
    'xl/workbook.xml': utf8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">${parts.workbookPr ?? ''}<sheets>` +
        parts.sheets.map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': utf8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        (parts.sharedStrings === undefined ? '' : `<Relationship Id="rIdS" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>`) +
        (parts.styles === undefined ? '' : `<Relationship Id="rIdY" Type="${RELATIONSHIPS}/styles" Target="/xl/styles.xml"/>`) +
        '</Relationships>',
    ),
  };
  parts.sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = utf8(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.xml}</sheetData></worksheet>`);
  });
  if (parts.sharedStrings !== undefined) files['xl/sharedStrings.xml'] = utf8(`<?xml version="1.0"?><sst xmlns="${MAIN}">${parts.sharedStrings}</sst>`);
  if (parts.styles !== undefined) files['xl/styles.xml'] = utf8(`<?xml version="1.0"?><styleSheet xmlns="${MAIN}">${parts.styles}</styleSheet>`);
  return zipSync(files);
}

/** Styles: 0 general, 1 built-in 14 (m/d/yyyy), 2 custom `dd/mm/yyyy hh:mm;@`, 3 custom `#,##0.00`, 4 built-in 22. */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm;@"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts>' +
  '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0"/><xf numFmtId="164" xfId="0"/><xf numFmtId="165" xfId="0"/><xf numFmtId="22" xfId="0"/></cellXfs>';
const SHARED_STRINGS =
  '<si><t>Invoice</t></si><si><t xml:space="preserve">  Café &amp; Co  </t></si>' +
  '<si><r><rPr><b/></rPr><t>Rich </t></r><r><t>text</t></r></si>' +
  '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>   </t></si><si><t>tab_x0009_here</t></si>';
/** One cell of every kind read-excel-file reads, with and without styles. */
const EVERY_KIND_OF_CELL =
  '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>' +
  '<row r="2"><c r="A2"><v>42</v></c><c r="B2" s="3"><v>-1234.5</v></c><c r="C2" s="1"><v>44927</v></c><c r="D2" s="2"><v>44927.62291666667</v></c><c r="E2" s="4"><v>40846.67847222222</v></c><c r="F2"><v>1.5E-3</v></c></row>' +
  '<row r="4"><c r="B4" t="b"><v>1</v></c><c r="C4" t="b"><v>0</v></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E4" t="str"><f>A1</f><v> formula </v></c><c r="G4" t="inlineStr"><is><t>inline &lt;b&gt;</t></is></c></row>' +
  '<row r="5"><c r="A5" t="inlineStr"><is><t>   </t></is></c><c r="B5" s="1"/></row>' +
  '<row r="6" spans="1:3"><c r="A6" t="n"><v>0.1</v></c><c r="B6"><v>12345678901234567</v></c><c r="C6"><v>  7 </v></c></row>';

describe('readWorkbook reads the same cells as read-excel-file did', () => {
  it('GIVEN online_retail_40k_sample.xlsx THEN every cell of its 40,001 rows is the same', async () => {
    const cells = await expectSameAsReference(readFileSync(sharedData('online_retail_40k_sample.xlsx')));
    expect(cells).toBeGreaterThan(300_000);
  });

  it('GIVEN the Shopee orders export (platforms/shopee_pesanan.xlsx) THEN every cell is the same', async () => {
    await expectSameAsReference(readFileSync(sharedData('platforms/shopee_pesanan.xlsx')));
  });

  it('GIVEN the Tokopedia and Lazada fixtures THEN every cell is the same', async () => {
    await expectSameAsReference(readFileSync(platformFixture('tokopedia_laporan_penjualan.xlsx')));
    await expectSameAsReference(readFileSync(platformFixture('lazada_orders.xlsx')));
  });

  it('GIVEN shared, rich, phonetic and inline strings, numbers, styled dates, booleans, errors and formulas THEN the same', async () => {
    const workbook = workbookOf({ sheets: [{ name: 'Cells', xml: EVERY_KIND_OF_CELL }], sharedStrings: SHARED_STRINGS, styles: STYLES });
    await expectSameAsReference(workbook);
    const [sheet] = streamedSheets(workbook);
    expect(sheet!.rows).toEqual([
      { line: 1, cells: ['Invoice', 'Café & Co', 'Rich text', '東京', null, 'tab\there'] },
      { line: 2, cells: [42, -1234.5, new Date('2023-01-01T00:00:00Z'), new Date('2023-01-01T14:57:00Z'), new Date('2011-10-30T16:17:00Z'), 0.0015] },
      { line: 4, cells: [null, true, false, null, 'formula', null, 'inline <b>'] },
      { line: 6, cells: [0.1, 12345678901234568, 7] },
    ]);
  });

  it('GIVEN the fixture builder’s workbooks of several sheets THEN the same', async () => {
    const sale = new Date('2024-03-05T10:30:00Z');
    await expectSameAsReference(
      xlsxWorkbook([
        { name: 'Jan', rows: [['Title'], [], ['a', 'b', null], ['x', sale, 12.5], [true, null, 'note']] },
        { name: 'Empty', rows: [] },
      ]),
    );
  });
});

describe('sheetRows', () => {
  const reading = { sharedStrings: ['s0', 's1'], dateStyles: [false, true], epoch1904: false };
  const rowsOf = (xml: string, chunkSize = Infinity) => {
    const bytes = utf8(`<worksheet><sheetData>${xml}</sheetData></worksheet>`);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += Math.min(chunkSize, bytes.length)) chunks.push(bytes.subarray(at, at + chunkSize));
    return [...sheetRows(chunks, reading)];
  };

  it('GIVEN the XML cut into chunks anywhere, down to single bytes THEN the same rows', () => {
    const xml = `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3" t="inlineStr"><is><t>a &amp; &#233;&#x1F600;</t></is></c><c r="D3" s="1"><v>45000.5</v></c></row><!-- note --><row r="4"><c r="B4"><v>-0.25</v></c><c r="C4" t="inlineStr"><is><t><![CDATA[<raw> & ]]>x</t></is></c></row>`;
    const whole = rowsOf(xml);
    expect(whole).toEqual([
      { line: 3, cells: ['s1', null, 'a & é😀', new Date('2023-03-15T12:00:00Z')] },
      { line: 4, cells: [null, -0.25, '<raw> & x'] },
    ]);
    for (const size of [1, 2, 3, 7, 16]) expect(rowsOf(xml, size)).toEqual(whole);
  });

  it('GIVEN any decimal a writer may put in <v> THEN the number Number() reads from it', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-'), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{0,20}$/)))
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}`);
    const written = fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true }).map(String));
    fc.assert(
      fc.property(written, (text) => {
        expect(rowsOf(`<row r="1"><c r="A1"><v>${text}</v></c></row>`)).toEqual([{ line: 1, cells: [Number(text)] }]);
      }),
    );
  });

  it('GIVEN prefixed elements, single quotes and rows and cells without references THEN they follow the one before', () => {
    expect(rowsOf(`<x:row r='2'><x:c><x:v>1</x:v></x:c><x:c r="C2"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row><x:row><x:c><x:v>5</x:v></x:c></x:row>`)).toEqual([
      { line: 2, cells: [1, null, 3, 4] },
      { line: 3, cells: [5] },
    ]);
  });

  it('GIVEN ISO date cells (t="d") THEN Dates, a time without an offset kept as wall-clock time', () => {
    expect(rowsOf('<row r="1"><c r="A1" t="d"><v>2024-02-29T08:15:00</v></c><c r="B1" t="d"><v>2024-02-29</v></c></row>')).toEqual([
      { line: 1, cells: [new Date('2024-02-29T08:15:00Z'), new Date('2024-02-29T00:00:00Z')] },
    ]);
  });

  it('GIVEN a 1904 workbook THEN serial 0 is 1904-01-01', () => {
    const bytes = utf8('<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c></row></sheetData></worksheet>');
    expect([...sheetRows([bytes], { ...reading, epoch1904: true })]).toEqual([{ line: 1, cells: [new Date('1904-01-01T00:00:00Z')] }]);
  });

  it.each([
    ['a shared string that does not exist', '<row r="1"><c r="A1" t="s"><v>9</v></c></row>', /no shared string 9/],
    ['a number cell without a number', '<row r="1"><c r="A1"><v>n/a</v></c></row>', /holds no number/],
    ['a reference that is not a cell', '<row r="1"><c r="A1B"><v>1</v></c><c r="ZZZZ1"><v>1</v></c></row>', /ZZZZ1 is not a cell/],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "aaaa">]><row r="1"/>', /DOCTYPE/],
    ['markup cut off at the end', '<row r="1"><c r="A1"', /ends inside a tag/],
    ['a part cut off between rows', '<worksheet><sheetData><row r="1"/>', /ends before its elements close/],
  ])('GIVEN %s THEN an error', (_, xml, message) => {
    const bytes = utf8(xml.startsWith('<!') || xml.startsWith('<worksheet>') || xml.endsWith('"A1"') ? xml : `<worksheet><sheetData>${xml}</sheetData></worksheet>`);
    expect(() => [...sheetRows([bytes], reading)]).toThrow(message);
  });
});

describe('isDateFormatCode', () => {
  it.each([
    ['yyyy-mm-dd h:mm:ss', true],
    ['YYYY-MM-DD HH:MM:SS', true],
    ['[$-409]d\\-mmm\\-yy;@', true],
    ['[h]:mm:ss.00', true],
    ['dd/mm/yyyy "EST"', true],
    ['#,##0.00', false],
    ['0.0%', false],
    ['[Red]"Rp"#,##0', false],
    ['General', false],
  ])('GIVEN %s THEN %s', (code, isDate) => {
    expect(isDateFormatCode(code)).toBe(isDate);
  });
});

describe('readWorkbook streams each sheet part', () => {
  it('GIVEN a sheet read twice THEN the part is read again and the rows are the same', () => {
    const [sheet] = readWorkbook(xlsxWorkbook([{ name: 'S', rows: [['a', 'b'], [1, 2]] }]), DEFAULT_INGEST_LIMITS);
    expect([...sheet!.rows()]).toEqual([...sheet!.rows()]);
  });

  it('GIVEN a sheet damaged far into its part THEN its first rows read, and reading on refuses the file as damaged_xlsx', () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const files = unzipSync(workbookOf({ sheets: [{ name: 'S', xml: `${rows}<row r="3001"><c r="A3001" t="s"><v>7</v></c></row>` }] }));
    // Stored, so the damage is several 32 KB slices after the first rows.
    const [sheet] = readWorkbook(zipSync(files, { level: 0 }), DEFAULT_INGEST_LIMITS);
    const first: SheetRow[] = [];
    for (const row of sheet!.rows()) if (first.push(row) === 25) break;
    expect(first.at(-1)).toEqual({ line: 25, cells: [24] });
    expect(ingestError(() => [...sheet!.rows()])).toMatchObject({ code: 'not_a_table', details: { detected: 'damaged_xlsx', reason: 'row 3001, column 1: no shared string 7' } });
  });

  it('GIVEN parts stored without compression THEN they are read', () => {
    const stored = zipSync(unzipSync(xlsxWorkbook([{ name: 'S', rows: [['a', 'b'], ['x', 1]] }])), { level: 0 });
    expect(streamedSheets(stored)).toEqual([{ name: 'S', rows: [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x', 1] }] }]);
  });

  it('GIVEN a sheet part that inflates to more than it declares THEN zip_bomb', () => {
    const workbook = declareUncompressedSize(xlsxWorkbook([{ name: 'S', rows: [['a', 'b'], ['x', 1]] }]), 'xl/worksheets/sheet1.xml', 10);
    const [sheet] = readWorkbook(workbook, DEFAULT_INGEST_LIMITS);
    expect(ingestError(() => [...sheet!.rows()])).toMatchObject({ code: 'zip_bomb', details: { reason: 'size', entry: 'xl/worksheets/sheet1.xml' } });
  });

  it('GIVEN parts whose declared sizes add up past the size limit THEN zip_bomb before anything is inflated', () => {
    const workbook = xlsxWorkbook([{ name: 'S', rows: [['a', 'b']] }]);
    const largest = Math.max(...Object.values(unzipSync(workbook)).map((part) => part.length));
    expect(ingestError(() => readWorkbook(workbook, { ...DEFAULT_INGEST_LIMITS, maxUncompressedBytes: largest + 1 }))).toMatchObject({
      code: 'zip_bomb',
      details: { reason: 'size' },
    });
  });

  it('GIVEN a zip whose central directory is cut off THEN not_a_table damaged_xlsx', () => {
    const workbook = xlsxWorkbook([{ name: 'S', rows: [['a', 'b']] }]);
    expect(ingestError(() => readWorkbook(workbook.subarray(0, workbook.length - 30), DEFAULT_INGEST_LIMITS))).toMatchObject({
      code: 'not_a_table',
      details: { detected: 'damaged_xlsx' },
    });
  });

  it('GIVEN a chart sheet beside a worksheet THEN only the worksheet is listed', () => {
    const files = unzipSync(workbookOf({ sheets: [{ name: 'Data', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    const book = new TextDecoder().decode(files['xl/workbook.xml']).replace('</sheets>', '<sheet name="Chart" sheetId="9" r:id="rIdC"/></sheets>');
    expect(readWorkbook(zipSync({ ...files, 'xl/workbook.xml': utf8(book) }), DEFAULT_INGEST_LIMITS).map((sheet) => sheet.name)).toEqual(['Data']);
  });
});
