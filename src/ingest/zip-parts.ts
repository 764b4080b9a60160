import { Inflate } from 'fflate';
import { megabytes } from './limits.js';
import { IngestError } from './types.js';
import type { ZipEntry } from './decompress.js';

/**
 * The parts of a zip read one at a time, inflated in slices, so a workbook's 150 MB sheet is never held whole.
 * fflate's unzipSync (decompress.ts) inflates an entry into one buffer, and its streaming Unzip finds entries by
 * their local headers, which a writer may leave without sizes; so the central directory is read here, and each part
 * is inflated by fflate's streaming Inflate from where its local header says its data starts.
 */

export interface ZipPart extends ZipEntry {
  /** 0 stored, 8 deflated. */
  method: number;
  localHeaderOffset: number;
}

/** Compressed bytes handed to the inflater at a time: at most ~32 MB of output even at deflate's 1032:1. */
const SLICE_BYTES = 32 * 1024;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
const ENCRYPTED = 0x1;
const UTF8_NAME = 0x800;

/** The parts listed in the central directory, by name. Throws a plain Error when the directory is damaged. */
export function readZipParts(bytes: Uint8Array): Map<string, ZipPart> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === MAX_U16 || at === MAX_U32) [count, at] = zip64Directory(view, end);
  const parts = new Map<string, ZipPart>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new Error('damaged zip central directory');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & UTF8_NAME ? 'utf-8' : 'latin1').decode(nameBytes);
    if (flags & ENCRYPTED) throw new Error(`zip part ${name} is encrypted`);
    const sizes = {
      uncompressedSize: view.getUint32(at + 24, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    readZip64Sizes(view, at + 46 + nameLength, extraLength, sizes);
    parts.set(name, { name, method: view.getUint16(at + 10, true), ...sizes });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/**
 * A part's content in chunks, inflated as they are pulled. The declared size was checked against the limits before;
 * a part that inflates to more than it declared is refused as a zip bomb rather than read on, or with `truncate` cut
 * at its declared size (as unzipSync does, for a CSV inside a zip).
 */
export function* inflatePart(bytes: Uint8Array, part: ZipPart, truncate = false): Generator<Uint8Array> {
  const data = partData(bytes, part);
  if (part.method === 0) {
    for (let at = 0; at < data.length; at += SLICE_BYTES) yield data.subarray(at, at + SLICE_BYTES);
    return;
  }
  if (part.method !== 8) throw new Error(`zip part ${part.name} uses compression method ${part.method}`);
  const inflated: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => inflated.push(chunk));
  let produced = 0;
  for (let at = 0; at < data.length; at += SLICE_BYTES) {
    inflater.push(data.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= data.length);
    for (const chunk of inflated) {
      produced += chunk.length;
      if (produced > part.uncompressedSize && truncate) {
        const kept = chunk.subarray(0, chunk.length - (produced - part.uncompressedSize));
        if (kept.length > 0) yield kept;
        return;
      }
      if (produced > part.uncompressedSize) {
        throw new IngestError('zip_bomb', { reason: 'size', entry: part.name, sizeMb: megabytes(produced), limitMb: megabytes(part.uncompressedSize) });
      }
      if (chunk.length > 0) yield chunk;
    }
    inflated.length = 0;
  }
}

function partData(bytes: Uint8Array, part: ZipPart): Uint8Array {
  const at = part.localHeaderOffset;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new Error(`zip part ${part.name} has no local header`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + part.compressedSize > bytes.length) throw new Error(`zip part ${part.name} runs past the end of the file`);
  return bytes.subarray(start, start + part.compressedSize);
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes followed by a comment of up to 65,535 bytes.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_U16; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw new Error('no zip central directory');
}

function zip64Directory(view: DataView, end: number): [count: number, offset: number] {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_END_LOCATOR) throw new Error('damaged zip64 central directory');
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) throw new Error('damaged zip64 central directory');
  return [Number(view.getBigUint64(record + 32, true)), Number(view.getBigUint64(record + 48, true))];
}

/** Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order, only when saturated. */
function readZip64Sizes(
  view: DataView,
  extraStart: number,
  extraLength: number,
  sizes: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number },
): void {
  const fields = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter((field) => sizes[field] === MAX_U32);
  if (fields.length === 0) return;
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      fields.forEach((field, i) => {
        if (8 * (i + 1) <= length) sizes[field] = Number(view.getBigUint64(at + 4 + 8 * i, true));
      });
      return;
    }
    at += 4 + length;
  }
}
