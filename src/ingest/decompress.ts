import { unzipSync, type UnzipFileInfo } from 'fflate';
import { kMaxLength } from 'node:buffer';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
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
