/**
 * What a file is, from its leading bytes. The file name is never trusted for this: people rename
 * exports, and chat clients add or drop extensions.
 */
export type SniffedKind = 'gzip' | 'zip' | 'ole2' | 'png' | 'jpeg' | 'gif' | 'pdf' | 'text';

const SIGNATURES: readonly (readonly [SniffedKind, readonly number[]])[] = [
  ['gzip', [0x1f, 0x8b]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  // An archive with no entries starts directly with its end-of-central-directory record.
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
];

export function sniffBytes(bytes: Uint8Array): SniffedKind {
  for (const [kind, signature] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return kind;
  }
  return 'text';
}

/**
 * True when an OLE2 container holds an encrypted OOXML package. Excel saves a password-protected .xlsx this
 * way; the stream names are stored in UTF-16LE in the container's directory.
 */
export function isEncryptedWorkbook(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTED_PACKAGE);
}
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** 'html' for a web page saved under a table's name (some tools "export to Excel" as an HTML table). */
export function sniffMarkup(text: string): 'html' | undefined {
  const start = text.slice(0, 256).trimStart().toLowerCase();
  return start.startsWith('<!doctype') || start.startsWith('<html') ? 'html' : undefined;
}
