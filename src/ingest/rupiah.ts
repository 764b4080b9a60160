import { isIndonesianSpelling } from './columns.js';
import type { RawCell } from './types.js';

/** `Rp`, `IDR` or `Rupiah` as a word of their own: `Harga (Rp)`, `Rp28.500`, `28.500 IDR`, but not `Rpm` or `Harpa`. */
const RUPIAH_MARK = /(?:^|[^\p{L}])(?:rp|idr|rupiah)(?![\p{L}])/iu;

/**
 * Whether a file says its money is Indonesian Rupiah: a column name marked `(IDR)`, `Rp` or `Rupiah`, a column
 * named in Indonesian (`Harga Satuan`, `Nama Pelanggan`), or `Rp` / `IDR` written in one of the first `sampleSize`
 * values. Rupiah has no cents in practice, so then `28.500` and `1.250.000` are thousands, where elsewhere
 * `28.500` could be 28.5.
 *
 * Cost: O(header + sampleSize values).
 * @example signalsRupiah(['Tanggal', 'Total'], ['28.500']) // true
 * @example signalsRupiah(['Date', 'Total'], ['28.500']) // false
 */
export function signalsRupiah(header: readonly string[], values: Iterable<RawCell>, sampleSize = 2000): boolean {
  if (header.some((name) => RUPIAH_MARK.test(name) || isIndonesianSpelling(name))) return true;
  let read = 0;
  for (const cell of values) {
    if (typeof cell === 'string' && RUPIAH_MARK.test(cell)) return true;
    if (++read >= sampleSize) break;
  }
  return false;
}
