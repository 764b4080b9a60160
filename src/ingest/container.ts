import { assertEntryWithinLimits, extractZipEntry, gunzipWithinLimits, listZipEntries, type ZipEntry } from './decompress.js';
import { sniffBytes, type SniffedKind } from './sniff.js';
import { IngestError, type IngestLimits, type RawTable } from './types.js';

/**
 * Unwraps a gzip or zip upload to the one file inside. An XLSX is a zip too, but it is the table itself and
 * is passed through whole.
 */
export interface Payload {
  bytes: Uint8Array;
  /** The name the bytes went by (the entry name inside a zip); a hint only. */
  name: string;
  kind: SniffedKind;
  container: RawTable['container'];
  innerFileName?: string;
}

const TABLE_EXTENSIONS = /\.(csv|tsv|tab|xlsx)$/i;
const SHOWN_ENTRIES = 20;

export async function openContainer(bytes: Uint8Array, fileName: string, limits: IngestLimits): Promise<Payload> {
  const kind = sniffBytes(bytes);
  if (kind === 'gzip') {
    const inner = nonEmpty(await gunzipWithinLimits(bytes, limits));
    return { bytes: inner, name: fileName.replace(/\.gz$/i, ''), kind: sniffBytes(inner), container: 'gzip' };
  }
  if (kind !== 'zip') return { bytes, name: fileName, kind, container: 'none' };

  const entries = listZipEntries(bytes);
  if (isWorkbook(entries)) return { bytes, name: fileName, kind, container: 'none' };
  if (isOpenDocument(entries)) throw new IngestError('unsupported_format', { detected: 'ods', saveAs: ['xlsx', 'csv'] });
  const entry = chooseTableEntry(entries);
  assertEntryWithinLimits(entry, limits);
  const inner = nonEmpty(extractZipEntry(bytes, entry.name));
  return { bytes: inner, name: entry.name, kind: sniffBytes(inner), container: 'zip', innerFileName: entry.name };
}

/** The XLSX reader (xlsx.ts) looks for the workbook at this fixed path, so that is what makes a zip a workbook. */
export function isWorkbook(entries: readonly ZipEntry[]): boolean {
  return entries.some((entry) => entry.name === 'xl/workbook.xml');
}

function isOpenDocument(entries: readonly ZipEntry[]): boolean {
  return entries.some((entry) => entry.name === 'mimetype') && entries.some((entry) => entry.name === 'content.xml');
}

/**
 * The single table file in an archive. Folders and the litter macOS and Windows add when zipping are
 * ignored; a lone file with another extension (an exported .txt) is tried on its content.
 */
function chooseTableEntry(entries: readonly ZipEntry[]): ZipEntry {
  const files = entries.filter((entry) => !isArchiveLitter(entry.name));
  const tables = files.filter((entry) => TABLE_EXTENSIONS.test(entry.name));
  const only = tables.length === 1 ? tables[0] : tables.length === 0 && files.length === 1 ? files[0] : undefined;
  if (only) return only;
  throw new IngestError('zip_contents', {
    entries: files.slice(0, SHOWN_ENTRIES).map((entry) => entry.name),
    entryCount: files.length,
  });
}

function isArchiveLitter(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return name.endsWith('/') || name.startsWith('__MACOSX/') || base.startsWith('._') || /^(\.ds_store|thumbs\.db|desktop\.ini)$/i.test(base);
}

function nonEmpty(bytes: Uint8Array): Uint8Array {
  if (bytes.byteLength === 0) throw new IngestError('file_empty', {});
  return bytes;
}
