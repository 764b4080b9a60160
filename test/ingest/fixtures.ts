import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

/** The shared datasets: ../shared/data beside the project root. */
export const sharedData = (name: string) => fileURLToPath(new URL(`../../../shared/data/${name}`, import.meta.url));

export const utf8 = (text: string) => new TextEncoder().encode(text);

export type FixtureCell = string | number | boolean | Date | null;
export interface FixtureSheet {
  name: string;
  rows: FixtureCell[][];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A minimal XLSX (inline strings, one date-time style) zipped with fflate: enough for the XLSX reader, small
 * enough to read in a test.
 */
export function xlsxWorkbook(sheets: readonly FixtureSheet[]): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': utf8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/></Types>`,
    ),
    'xl/workbook.xml': utf8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>` +
        sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        `</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': utf8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rIdStyles" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': utf8(
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><cellXfs count="2">` +
        `<xf numFmtId="0"/><xf numFmtId="22" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = utf8(sheetXml(sheet.rows));
  });
  return zipSync(files);
}

function sheetXml(rows: readonly FixtureCell[][]): string {
  const body = rows
    .map((cells, r) =>
      cells.length === 0 ? '' : `<row r="${r + 1}">${cells.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`)).join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`;
}

function cellXml(cell: FixtureCell, ref: string): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (cell instanceof Date) return `<c r="${ref}" s="1"><v>${(cell.getTime() - EXCEL_EPOCH_MS) / 86_400_000}</v></c>`;
  return `<c r="${ref}"><v>${cell}</v></c>`;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Rewrites the uncompressed size an entry declares in the zip central directory, the way a zip bomb (or a
 * lying archiver) does, without touching its data.
 */
export function declareUncompressedSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const patched = zip.slice();
  const view = new DataView(patched.buffer);
  for (let at = 0; at + 46 <= patched.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(patched.subarray(at + 46, at + 46 + nameLength));
    if (name === entryName) {
      view.setUint32(at + 24, size, true);
      return patched;
    }
  }
  throw new Error(`no central directory entry ${entryName}`);
}
