import { assertEntryWithinLimits } from './decompress.js';
import { megabytes } from './limits.js';
import { IngestError, type IngestLimits } from './types.js';
import { cellText, sheetRows, type CellReading, type SheetRow } from './xlsx-sheet.js';
import { readDateStyles } from './xlsx-styles.js';
import { XmlScanner, type XmlHandler } from './xml-scanner.js';
import { inflatePart, readZipParts, type ZipPart } from './zip-parts.js';

export interface WorkbookSheet {
  name: string;
  /**
   * The sheet's rows that hold a value, read from the workbook afresh on each call: the sheet part is inflated and
   * parsed as the rows are pulled, so a reader that stops early reads no further, and memory holds a chunk of the
   * part, not the sheet. Damage found on the way throws IngestError not_a_table (damaged_xlsx).
   */
  rows(): Generator<SheetRow>;
}

export type { SheetRow } from './xlsx-sheet.js';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELATIONSHIPS = 'xl/_rels/workbook.xml.rels';

/**
 * The sheets of an XLSX workbook, in workbook order, ready to be streamed. Every part's declared size and
 * compression ratio is checked before anything is inflated, and so is their sum: each sheet may be read more than
 * once (see RawTable.records), and the sum bounds that work. The small parts are read here: the workbook, its
 * relationships, the styles (which number formats are dates) and the shared strings (which cells point into).
 */
export function readWorkbook(bytes: Uint8Array, limits: IngestLimits): WorkbookSheet[] {
  const parts = damagedAsIngestError(() => readZipParts(bytes));
  assertPartsWithinLimits(parts, limits);
  return damagedAsIngestError(() => {
    const relationships = readRelationships(bytes, requiredPart(parts, WORKBOOK_RELATIONSHIPS));
    const workbook = readWorkbookPart(bytes, requiredPart(parts, WORKBOOK));
    const stylesPart = relationships.styles === undefined ? undefined : parts.get(relationships.styles);
    const sharedStringsPart = relationships.sharedStrings === undefined ? undefined : parts.get(relationships.sharedStrings);
    const reading: CellReading = {
      dateStyles: stylesPart === undefined ? [] : readDateStyles(inflatePart(bytes, stylesPart)),
      sharedStrings: sharedStringsPart === undefined ? [] : readSharedStrings(bytes, sharedStringsPart),
      epoch1904: workbook.epoch1904,
    };
    // A chart sheet or a dialog sheet has no worksheet relationship: it holds no cells.
    return workbook.sheets.flatMap(({ name, relationship }) => {
      const path = relationships.worksheets.get(relationship);
      if (path === undefined) return [];
      const part = requiredPart(parts, path);
      return [{ name, rows: () => damagedRowsAsIngestError(sheetRows(inflatePart(bytes, part), reading)) }];
    });
  });
}

function assertPartsWithinLimits(parts: ReadonlyMap<string, ZipPart>, limits: IngestLimits): void {
  let total = 0;
  for (const part of parts.values()) {
    assertEntryWithinLimits(part, limits);
    total += part.uncompressedSize;
  }
  if (total > limits.maxUncompressedBytes) {
    throw new IngestError('zip_bomb', { reason: 'size', sizeMb: megabytes(total), limitMb: megabytes(limits.maxUncompressedBytes) });
  }
}

function requiredPart(parts: ReadonlyMap<string, ZipPart>, path: string): ZipPart {
  const part = parts.get(path);
  if (part === undefined) throw new Error(`the workbook has no ${path}`);
  return part;
}

function damaged(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  return new IngestError('not_a_table', { detected: 'damaged_xlsx', reason: error instanceof Error ? error.message : String(error) });
}

function damagedAsIngestError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw damaged(error);
  }
}

function* damagedRowsAsIngestError(rows: Generator<SheetRow>): Generator<SheetRow> {
  try {
    yield* rows;
  } catch (error) {
    throw damaged(error);
  }
}

/** Feeds a part, as it inflates, to a handler of the given elements. */
function scanPart(bytes: Uint8Array, part: ZipPart, tags: readonly string[], handler: XmlHandler): void {
  const scanner = new XmlScanner(tags, handler);
  for (const chunk of inflatePart(bytes, part)) scanner.write(chunk);
  scanner.end();
}

interface Relationships {
  /** Worksheet part paths by relationship id. */
  worksheets: Map<string, string>;
  styles?: string;
  sharedStrings?: string;
}

/** xl/_rels/workbook.xml.rels: where the sheets, the styles and the shared strings are. */
function readRelationships(bytes: Uint8Array, part: ZipPart): Relationships {
  const relationships: Relationships = { worksheets: new Map() };
  scanPart(bytes, part, ['Relationship'], {
    open: (tag, scanner) => {
      if (tag !== 0) return;
      const id = scanner.attributeText('Id');
      const type = scanner.attributeText('Type') ?? '';
      const target = scanner.attributeText('Target');
      if (id === undefined || target === undefined) return;
      // Transitional and strict OOXML name the same relationship types under different URLs.
      const kind = type.slice(type.lastIndexOf('/') + 1);
      const path = partPath(target);
      if (kind === 'worksheet') relationships.worksheets.set(id, path);
      else if (kind === 'styles') relationships.styles = path;
      else if (kind === 'sharedStrings') relationships.sharedStrings = path;
    },
    close: () => {},
    text: () => {},
  });
  return relationships;
}

/** A relationship target as a part path: absolute from the package root, or relative to xl/. */
function partPath(target: string): string {
  const segments: string[] = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

interface WorkbookPart {
  sheets: { name: string; relationship: string }[];
  epoch1904: boolean;
}

/** xl/workbook.xml: the sheets in order, and the date system. */
function readWorkbookPart(bytes: Uint8Array, part: ZipPart): WorkbookPart {
  const workbook: WorkbookPart = { sheets: [], epoch1904: false };
  scanPart(bytes, part, ['sheet', 'workbookPr'], {
    open: (tag, scanner) => {
      if (tag === 0) {
        const name = scanner.attributeText('name');
        const relationship = scanner.attributeText('id');
        if (name !== undefined && relationship !== undefined) workbook.sheets.push({ name: unescapeName(name), relationship });
      } else if (tag === 1) {
        const date1904 = scanner.attributeText('date1904');
        workbook.epoch1904 = date1904 === '1' || date1904 === 'true';
      }
    },
    close: () => {},
    text: () => {},
  });
  return workbook;
}

function unescapeName(name: string): string {
  return name.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * xl/sharedStrings.xml: each `<si>`'s text (its `<t>`, or the `<t>` of its rich-text runs; not the phonetic
 * reading `<rPh>` of Japanese text), as cells read it.
 */
function readSharedStrings(bytes: Uint8Array, part: ZipPart): (string | null)[] {
  const strings: (string | null)[] = [];
  const [ITEM, TEXT, PHONETIC] = [0, 1, 2];
  let text: string | undefined;
  let inText = false;
  let inPhonetic = false;
  scanPart(bytes, part, ['si', 't', 'rPh'], {
    open: (tag) => {
      if (tag === ITEM) text = '';
      else if (tag === TEXT) inText = true;
      else if (tag === PHONETIC) inPhonetic = true;
    },
    close: (tag) => {
      if (tag === ITEM && text !== undefined) {
        strings.push(cellText(text));
        text = undefined;
      } else if (tag === TEXT) {
        inText = false;
      } else if (tag === PHONETIC) {
        inPhonetic = false;
      }
    },
    text: (start, end, cdata, scanner) => {
      if (text !== undefined && inText && !inPhonetic) text += scanner.string(start, end, cdata);
    },
  });
  return strings;
}
