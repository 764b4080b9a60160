/**
 * Whether the bytes fill an ArrayBuffer of their own, so a worker message can move that buffer instead of copying
 * it: not a view of part of a larger buffer (such as Node's shared pool for small Buffers), nor of shared memory.
 */
export function ownsWholeBuffer(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
