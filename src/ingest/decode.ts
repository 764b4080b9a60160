import { constants } from 'node:buffer';
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

/** V8 strings stop at about 512 M characters; only a decompressed upload can get near that. */
function assertFitsInString(characters: number, byteLength: number): void {
  if (characters > constants.MAX_STRING_LENGTH) {
    throw new IngestError('file_too_large', { sizeMb: megabytes(byteLength), limitMb: megabytes(constants.MAX_STRING_LENGTH) });
  }
}
