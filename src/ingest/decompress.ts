import { Gunzip, unzipSync, type UnzipFileInfo } from 'fflate';
import { kMaxLength } from 'node:buffer';
import { promisify } from 'node:util';
import { createGunzip, gunzip } from 'node:zlib';
import { megabytes } from './limits.js';
import { IngestError, type IngestLimits } from './types.js';

/**
 * Gzip and zip with zip-bomb caps. Sizes are checked before anything is inflated, and inflation itself is
 * bounded, so a small upload can never expand into gigabytes of memory.
 */

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** As declared by the central directory; checked against the limits before inflating. */
  uncompressedSize: number;
}

/** Entries from the zip central directory, without inflating any of them. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const collect = (file: UnzipFileInfo) => {
    entries.push({ name: file.name, compressedSize: file.size, uncompressedSize: file.originalSize });
    return false;
  };
  try {
    unzipSync(bytes, { filter: collect });
  } catch {
    throw new IngestError('not_a_table', { detected: 'damaged_zip' });
  }
  return entries;
}

/** Refuses an entry whose declared size or compression ratio is beyond the limits. */
export function assertEntryWithinLimits(entry: ZipEntry, limits: IngestLimits): void {
  if (entry.uncompressedSize > limits.maxUncompressedBytes) {
    throw new IngestError('zip_bomb', {
      reason: 'size',
      entry: entry.name,
      sizeMb: megabytes(entry.uncompressedSize),
      limitMb: megabytes(limits.maxUncompressedBytes),
    });
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxCompressionRatio) {
    throw new IngestError('zip_bomb', { reason: 'ratio', entry: entry.name, ratio: Math.round(ratio), limit: limits.maxCompressionRatio });
  }
}

/**
 * Inflates one entry. fflate sizes its output buffer from the declared (already checked) size and never
 * grows it, so an entry that lies about its size comes out truncated rather than exhausting memory.
 */
export function extractZipEntry(bytes: Uint8Array, name: string): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === name });
  } catch {
    throw new IngestError('not_a_table', { detected: 'damaged_zip' });
  }
  const content = files[name];
  if (content === undefined) throw new Error(`zip entry ${name} vanished`);
  return content;
}

const gunzipAsync = promisify(gunzip);

/**
 * Inflates a gzip stream, stopping as soon as the output passes the size cap or the compression-ratio cap
 * (zlib's maxOutputLength counts bytes as they are produced and aborts the stream).
 */
export async function gunzipWithinLimits(bytes: Uint8Array, limits: IngestLimits): Promise<Uint8Array> {
  const byRatio = bytes.byteLength * limits.maxCompressionRatio;
  const cap = Math.min(limits.maxUncompressedBytes, byRatio, kMaxLength);
  try {
    return await gunzipAsync(bytes, { maxOutputLength: Math.max(1, Math.floor(cap)) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError('not_a_table', { detected: 'damaged_gzip' });
    }
    if (cap === byRatio) {
      throw new IngestError('zip_bomb', { reason: 'ratio', limit: limits.maxCompressionRatio });
    }
    throw new IngestError('zip_bomb', { reason: 'size', limitMb: megabytes(limits.maxUncompressedBytes) });
  }
}

/**
 * Inflates a gzip stream once to refuse it before it is read in chunks: zlib checks what fflate's streaming inflater
 * does not (the CRC-32 and length in the trailer, a member cut short), and the caps are checked as gunzipWithinLimits
 * checks them. The inflated chunks are returned when they add up to no more than `keepBytes`, so that a text no
 * bigger than an uncompressed upload may be is read from them rather than inflated again for each pass.
 *
 * Cost: O(n) in zlib off the main thread; memory up to `keepBytes`.
 */
export async function checkGzip(bytes: Uint8Array, limits: IngestLimits, keepBytes: number): Promise<Uint8Array[] | undefined> {
  const byRatio = bytes.byteLength * limits.maxCompressionRatio;
  const cap = Math.min(limits.maxUncompressedBytes, byRatio);
  return await new Promise<Uint8Array[] | undefined>((resolve, reject) => {
    const inflater = createGunzip({ chunkSize: 64 * 1024 });
    let kept: Uint8Array[] | undefined = [];
    let produced = 0;
    inflater.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      if (produced > keepBytes) kept = undefined;
      else kept?.push(chunk);
      if (produced <= cap) return;
      inflater.destroy();
      if (cap === byRatio) reject(new IngestError('zip_bomb', { reason: 'ratio', limit: limits.maxCompressionRatio }));
      else reject(new IngestError('zip_bomb', { reason: 'size', limitMb: megabytes(limits.maxUncompressedBytes) }));
    });
    inflater.on('end', () => resolve(kept));
    inflater.on('error', () => reject(new IngestError('not_a_table', { detected: 'damaged_gzip' })));
    inflater.end(bytes);
  });
}

/** Compressed bytes handed to the inflater at a time: its output comes in slices of about 64 KB. */
const GZIP_SLICE_BYTES = 32 * 1024;

/**
 * A gzip stream's content in chunks, inflated as they are pulled, so a text file is read without ever holding it
 * whole. fflate checks no trailer, so checkGzip must have accepted the bytes first; the caps are counted again as
 * bytes come out, so a pass can never run past them.
 *
 * Cost: O(n) per pass; memory O(slice).
 */
export function* gunzipChunks(bytes: Uint8Array, limits: IngestLimits): Generator<Uint8Array> {
  const byRatio = bytes.byteLength * limits.maxCompressionRatio;
  const cap = Math.min(limits.maxUncompressedBytes, byRatio);
  const inflated: Uint8Array[] = [];
  const inflater = new Gunzip((chunk) => inflated.push(chunk));
  let produced = 0;
  for (let at = 0; at < bytes.length; at += GZIP_SLICE_BYTES) {
    try {
      inflater.push(bytes.subarray(at, at + GZIP_SLICE_BYTES), at + GZIP_SLICE_BYTES >= bytes.length);
    } catch {
      throw new IngestError('not_a_table', { detected: 'damaged_gzip' });
    }
    for (const chunk of inflated) {
      produced += chunk.length;
      if (produced > cap) {
        if (cap === byRatio) throw new IngestError('zip_bomb', { reason: 'ratio', limit: limits.maxCompressionRatio });
        throw new IngestError('zip_bomb', { reason: 'size', limitMb: megabytes(limits.maxUncompressedBytes) });
      }
      if (chunk.length > 0) yield chunk;
    }
    inflated.length = 0;
  }
}
