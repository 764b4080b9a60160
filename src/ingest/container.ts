import { assertEntryWithinLimits, checkGzip, extractZipEntry, gunzipChunks, gunzipWithinLimits, listZipEntries, type ZipEntry } from './decompress.js';
import { sniffBytes, type SniffedKind } from './sniff.js';
import { IngestError, type IngestLimits, type RawTable } from './types.js';
import { inflatePart, readZipParts, type ZipPart } from './zip-parts.js';

/**
 * Unwraps a gzip or zip upload to the one file inside. An XLSX is a zip too, but it is the table itself and
 * is passed through whole.
 */
export interface Payload {
  /** The file's bytes or those inside it; for a text read in chunks only its first bytes, enough to sniff. */
  bytes: Uint8Array;
  /**
   * For text, its bytes from the start in chunks, each call a new pass. A compressed text bigger than an uncompressed
   * upload may be (limits.maxBytes) is inflated again on every pass rather than held inflated: a 15 MB .csv.gz can
   * hold 100 MB of text, and one within the caps 1 GB.
   */
  open?: () => Iterable<Uint8Array>;
  /** The name the bytes went by (the entry name inside a zip); a hint only. */
  name: string;
  kind: SniffedKind;
  container: RawTable['container'];
  innerFileName?: string;
}

const TABLE_EXTENSIONS = /\.(csv|tsv|tab|xlsx)$/i;
const SHOWN_ENTRIES = 20;
/** Bytes of an uncompressed text handed on at a time. */
const SLICE_BYTES = 1 << 20;
/** Enough leading bytes for sniffBytes. */
const SNIFF_BYTES = 16;

export async function openContainer(bytes: Uint8Array, fileName: string, limits: IngestLimits): Promise<Payload> {
  const kind = sniffBytes(bytes);
  if (kind === 'gzip') {
    const name = fileName.replace(/\.gz$/i, '');
    // A text no bigger than an uncompressed upload may be is kept inflated (as such an upload is kept), not its text.
    const inflated = await checkGzip(bytes, limits, limits.maxBytes);
    const open = inflated === undefined ? () => gunzipChunks(bytes, limits) : () => inflated;
    const start = nonEmpty(leadingBytes(open()));
    if (sniffBytes(start) === 'text') return { bytes: start, open, name, kind: 'text', container: 'gzip' };
    const inner = nonEmpty(await gunzipWithinLimits(bytes, limits));
    return { bytes: inner, name, kind: sniffBytes(inner), container: 'gzip' };
  }
  if (kind === 'text') return { bytes, open: () => slices(bytes), name: fileName, kind, container: 'none' };
  if (kind !== 'zip') return { bytes, name: fileName, kind, container: 'none' };

  const entries = listZipEntries(bytes);
  if (isWorkbook(entries)) return { bytes, name: fileName, kind, container: 'none' };
  if (isOpenDocument(entries)) throw new IngestError('unsupported_format', { detected: 'ods', saveAs: ['xlsx', 'csv'] });
  const entry = chooseTableEntry(entries);
  assertEntryWithinLimits(entry, limits);
  const part = entry.uncompressedSize > limits.maxBytes ? readablePart(bytes, entry.name) : undefined;
  if (part !== undefined) {
    const open = () => inflatedEntry(bytes, part);
    const start = nonEmpty(leadingBytes(open()));
    if (sniffBytes(start) === 'text') return { bytes: start, open, name: entry.name, kind: 'text', container: 'zip', innerFileName: entry.name };
  }
  // An entry no bigger than an uncompressed upload may be is inflated whole, as such an upload is read whole.
  const inner = nonEmpty(extractZipEntry(bytes, entry.name));
  const innerKind = sniffBytes(inner);
  const open = innerKind === 'text' ? () => [inner] : undefined;
  return { bytes: inner, ...(open && { open }), name: entry.name, kind: innerKind, container: 'zip', innerFileName: entry.name };
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

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield bytes.subarray(at, at + SLICE_BYTES);
}

/** The first SNIFF_BYTES of a stream (all of it when shorter); the stream is left unfinished. */
function leadingBytes(chunks: Iterable<Uint8Array>): Uint8Array {
  const start: number[] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length && start.length < SNIFF_BYTES; i++) start.push(chunk[i]!);
    if (start.length === SNIFF_BYTES) break;
  }
  return Uint8Array.from(start);
}

/** The entry as zip-parts reads it, when its directory and method allow reading it in slices; else undefined. */
function readablePart(bytes: Uint8Array, name: string): ZipPart | undefined {
  try {
    const part = readZipParts(bytes).get(name);
    return part !== undefined && (part.method === 0 || part.method === 8) ? part : undefined;
  } catch {
    return undefined;
  }
}

/**
 * inflatePart, as the whole-entry path (extractZipEntry) reads: cut at the declared size, which was checked against
 * the limits, and damage in the compressed data worded alike.
 */
function* inflatedEntry(bytes: Uint8Array, part: ZipPart): Generator<Uint8Array> {
  try {
    yield* inflatePart(bytes, part, true);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('not_a_table', { detected: 'damaged_zip' });
  }
}
