import { constants, isAscii, isUtf8 } from 'node:buffer';
import { megabytes } from './limits.js';
import { IngestError } from './types.js';
import { decodeWindows1252 } from './windows-1252.js';

/**
 * Bytes to text. UTF-16 only with a byte-order mark (Excel's "Unicode text" always writes one); otherwise
 * UTF-8, and when the bytes are not valid UTF-8, windows-1252, the encoding older Excel and most
 * Western-European exports use. Never produces U+FFFD: a wrong guess must not silently damage ids.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = utf16ByBom(bytes);
  if (utf16) {
    assertFitsInString(bytes.byteLength / 2, bytes.byteLength);
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      throw new IngestError('not_a_table', { detected: 'invalid_utf16' });
    }
  }
  assertFitsInString(bytes.byteLength, bytes.byteLength);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * Text read again from the start as often as needed, one chunk at a time, so that bytes inflated from a gzip or a
 * zip entry are never held whole, nor their text.
 */
export interface TextStream {
  encoding: TextEncodingName;
  /** The text from the start, in pieces of at most 64 K characters; never an empty one. */
  chunks(): Generator<string>;
}

/**
 * decodeText for bytes read in chunks (`open` gives them from the start each time it is called): the same choice of
 * encoding, a UTF-16 byte-order mark, else UTF-8 when every byte is valid UTF-8, else windows-1252. The choice is
 * made by the first pass, which `visit` reads: as UTF-8 until an invalid sequence, and then, from the start again,
 * as windows-1252. Later passes decode the bytes known valid without checking them again.
 *
 * Cost: one O(n) pass, two for windows-1252; memory O(chunk).
 */
export function decodeTextStream<T>(openBytes: () => Iterable<Uint8Array>, visit: (chunks: Iterable<string>) => T): { stream: TextStream; visited: T } {
  const open = () => smallChunks(openBytes());
  const lead = leadingBytes(open());
  const utf16 = utf16ByBom(lead);
  if (utf16 === undefined) {
    try {
      const visited = visit(checkedUtf8Chunks(open()));
      return { stream: { encoding: 'utf-8', chunks: () => decodedChunks(open(), 'utf-8') }, visited };
    } catch (error) {
      if (!(error instanceof NotUtf8)) throw error;
    }
  }
  const encoding = utf16 ?? 'windows-1252';
  // As decodeText: a UTF-8 byte-order mark on bytes that are not UTF-8 is dropped, wherever the chunks cut it.
  const skip = encoding === 'windows-1252' && hasUtf8Bom(lead) ? 3 : 0;
  const stream: TextStream = { encoding, chunks: () => decodedChunks(open(), encoding, skip) };
  return { stream, visited: visit(stream.chunks()) };
}

/**
 * decodeTextStream's stream for bytes that will turn out valid UTF-8 (or that carry a UTF-16 mark), before that is
 * known: `stream` decodes without checking, `checkedChunks` checks as it decodes and throws NotUtf8 at the first
 * invalid sequence. For a reader that checks the bytes during a pass it makes anyway, rather than in one of its own.
 */
export function guessedTextStream(openBytes: () => Iterable<Uint8Array>): { stream: TextStream; checkedChunks: () => Generator<string> } {
  const open = () => smallChunks(openBytes());
  const utf16 = utf16ByBom(leadingBytes(open()));
  if (utf16 !== undefined) {
    const stream: TextStream = { encoding: utf16, chunks: () => decodedChunks(open(), utf16) };
    return { stream, checkedChunks: stream.chunks };
  }
  return { stream: { encoding: 'utf-8', chunks: () => decodedChunks(open(), 'utf-8') }, checkedChunks: () => checkedUtf8Chunks(open()) };
}

/** The bytes are not UTF-8 (see guessedTextStream). */
export class NotUtf8 extends Error {}

/**
 * Bytes decoded at a time. A string over V8's regular object size (~128 KB) is allocated on pages of its own: decoding
 * fflate's ~200 KB chunks whole took 0.85 s per Online Retail import instead of about 0.05 s.
 */
const DECODED_BYTES = 64 * 1024;

function* smallChunks(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += DECODED_BYTES) yield chunk.subarray(at, at + DECODED_BYTES);
  }
}

/** The first three bytes (fewer when there are fewer), whatever the chunks: enough for any byte-order mark. */
function leadingBytes(chunks: Iterable<Uint8Array>): Uint8Array {
  const lead: number[] = [];
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length && lead.length < 3; i++) lead.push(chunk[i]!);
    if (lead.length === 3) break;
  }
  return Uint8Array.from(lead);
}

/** UTF-8 chunks, checked: throws NotUtf8 at the first invalid sequence, or at an unfinished one at the end. */
function checkedUtf8Chunks(source: Iterable<Uint8Array>): Generator<string> {
  return utf8Chunks(source, true);
}

/**
 * UTF-8 decoded by Buffer (native, and a plain copy for ASCII), with a sequence cut by a chunk's end carried over to
 * the next chunk. Without `check` the bytes must be known valid: invalid ones would come out as U+FFFD.
 */
function* utf8Chunks(source: Iterable<Uint8Array>, check: boolean): Generator<string> {
  let carried: Uint8Array = new Uint8Array(0);
  let first = true;
  for (const bytes of source) {
    const joined = carried.length === 0 ? bytes : Buffer.concat([carried, bytes]);
    const complete = completeLength(joined);
    const body = Buffer.from(joined.buffer, joined.byteOffset, complete);
    carried = joined.slice(complete);
    const ascii = isAscii(body);
    if (check && !ascii && !isUtf8(body)) throw new NotUtf8();
    let text = body.toString(ascii ? 'latin1' : 'utf8');
    // TextDecoder drops a byte-order mark; Buffer keeps it.
    if (first && text.length > 0) [text, first] = [text.charCodeAt(0) === BOM ? text.slice(1) : text, false];
    if (text.length > 0) yield text;
  }
  if (carried.length > 0) throw new NotUtf8();
}

/** The length of the bytes without a multi-byte sequence cut short at their end. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return back < needs ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** The text of the chunks; `skip` leading bytes are left out. */
function* decodedChunks(source: Iterable<Uint8Array>, encoding: TextEncodingName, skip = 0): Generator<string> {
  if (encoding === 'windows-1252') {
    for (const bytes of source) {
      const text = decodeWindows1252(bytes.subarray(Math.min(skip, bytes.length)));
      skip -= Math.min(skip, bytes.length);
      if (text.length > 0) yield text;
    }
    return;
  }
  if (encoding === 'utf-8') {
    yield* utf8Chunks(source, false);
    return;
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  try {
    for (const bytes of source) {
      const text = decoder.decode(bytes, { stream: true });
      if (text.length > 0) yield text;
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new IngestError('not_a_table', { detected: 'invalid_utf16' });
  }
}
const BOM = 0xfeff;

/** V8 strings stop at about 512 M characters; only a decompressed upload can get near that. */
export function assertFitsInString(characters: number, byteLength: number): void {
  if (characters > constants.MAX_STRING_LENGTH) {
    throw new IngestError('file_too_large', { sizeMb: megabytes(byteLength), limitMb: megabytes(constants.MAX_STRING_LENGTH) });
  }
}
