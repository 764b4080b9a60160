import { XmlScanner, type XmlHandler } from './xml-scanner.js';

/**
 * Which cell styles of a workbook show dates. XLSX stores a date as a number of days; only the cell's style, through
 * its number format, says it is one. The built-in formats and the reading of custom format codes follow
 * read-excel-file (its isDateFormat.js and isDateFormatStyle.js), the reader Segmenta used before, so workbooks read
 * as they did.
 */

/** Built-in number formats that show dates or times: 14-22 and 45-47 everywhere, and those of CJK and Thai locales. */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75,
  76, 77, 78, 79, 80, 81,
]);
/** Tokens a date or time format is made of; any other token (`0`, `#`, `general`) makes it a number format. */
const DATE_TOKENS = new Set([
  's', 'ss', 'm', 'mm', 'h', 'hh', 'am', 'pm', 'a', 'p', 'd', 'dd', 'ddd', 'dddd', 'aaa', 'aaaa', 'aaaaa', 'mmm', 'mmmm', 'mmmmm', 'y', 'yy',
  'yyyy', 'e', 'ee', 'eeee',
]);
/**
 * Custom formats are numbered from 164, but some writers number theirs from 100, and Excel lets a workbook redefine
 * those; below 100 a format is taken for the built-in it names.
 */
const FIRST_REDEFINABLE_FORMAT = 100;

const TAGS = ['numFmt', 'cellStyleXfs', 'cellXfs', 'xf'] as const;
const [NUM_FMT, CELL_STYLE_XFS, CELL_XFS, XF] = [0, 1, 2, 3];

/** For each cell style (the `s` of a cell), whether it shows a date. */
export type DateStyles = readonly boolean[];

/** Reads styles.xml, given in chunks. */
export function readDateStyles(chunks: Iterable<Uint8Array>): DateStyles {
  const reader = new StylesReader();
  const scanner = new XmlScanner(TAGS, reader);
  for (const chunk of chunks) scanner.write(chunk);
  scanner.end();
  return reader.cellFormats.map((format) => format !== undefined && reader.isDateFormat(format));
}

class StylesReader implements XmlHandler {
  /** Custom format codes by id. */
  readonly formatCodes = new Map<number, string>();
  /** Number format of each base style (cellStyleXfs) and each cell style (cellXfs). */
  readonly baseFormats: (number | undefined)[] = [];
  readonly cellFormats: (number | undefined)[] = [];
  private section: 'base' | 'cell' | undefined;

  open(tag: number, scanner: XmlScanner): void {
    if (tag === NUM_FMT) {
      const id = Number(scanner.attributeText('numFmtId'));
      const code = scanner.attributeText('formatCode');
      if (id >= FIRST_REDEFINABLE_FORMAT && code !== undefined) this.formatCodes.set(id, code);
    } else if (tag === CELL_STYLE_XFS) {
      this.section = 'base';
    } else if (tag === CELL_XFS) {
      this.section = 'cell';
    } else if (tag === XF && this.section !== undefined) {
      const own = scanner.attributeText('numFmtId');
      const format = own === undefined ? undefined : Number(own);
      if (this.section === 'base') {
        this.baseFormats.push(format);
      } else {
        // A cell style without a number format of its own has its base style's.
        const base = scanner.attributeText('xfId');
        this.cellFormats.push(format ?? (base === undefined ? undefined : this.baseFormats[Number(base)]));
      }
    }
  }

  close(tag: number): void {
    if (tag === CELL_STYLE_XFS || tag === CELL_XFS) this.section = undefined;
  }

  text(): void {}

  isDateFormat(id: number): boolean {
    if (BUILT_IN_DATE_FORMATS.has(id)) return true;
    const code = this.formatCodes.get(id);
    return code !== undefined && isDateFormatCode(code);
  }
}

/**
 * Whether a custom format code shows a date: one of its sections (`;`) is made only of date and time tokens once
 * literals (`"…"`, `\x`), brackets (`[Red]`, `[$-409]`, `[h]`) and fractions of seconds are set aside.
 *
 * @example isDateFormatCode('yyyy-mm-dd h:mm:ss') // true
 * @example isDateFormatCode('#,##0.00') // false
 */
export function isDateFormatCode(code: string): boolean {
  const sections = code
    .toLowerCase()
    .replace(/;@$/, '')
    .replace(/\\./g, ' ')
    .split(';');
  return sections.some((section) => {
    const tokens = section
      .replace(/"[^"]*"/g, ' ')
      .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1')
      .replace(/\[([smhd]{1,2})\]/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .split(/[^a-z0#?%]+/)
      .filter((token) => token !== '');
    return tokens.length > 0 && tokens.every((token) => DATE_TOKENS.has(token));
  });
}
