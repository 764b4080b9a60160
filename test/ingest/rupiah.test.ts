import { describe, expect, it } from 'vitest';
import { signalsRupiah } from '../../src/ingest/rupiah.js';

describe('signalsRupiah', () => {
  it.each([
    ['a column marked (IDR)', ['Order', 'Harga Jual (IDR)'], []],
    ['a column marked Rp', ['Customer', 'Total Rp'], []],
    ['a column named in Indonesian', ['Tanggal', 'Total'], []],
    ['Rp before a value', ['Customer', 'Date', 'Total'], ['12', 'Rp 28.500']],
    ['Rp. glued to a value', ['Customer', 'Date', 'Total'], ['Rp.28.500']],
    ['IDR after a value', ['Customer', 'Date', 'Total'], ['28.500 IDR']],
  ])('GIVEN %s THEN Rupiah', (_, header, values) => {
    expect(signalsRupiah(header, values)).toBe(true);
  });

  it.each([
    ['English columns and plain numbers', ['Customer', 'Date', 'Total'], ['28.500', '7.500']],
    ['letters that merely contain rp or idr', ['Carpet', 'Date', 'Rupee'], ['Rpm 28', 'idris']],
    ['another currency', ['Customer', 'Date', 'Total (USD)'], ['$28.50']],
    ['no values', ['Customer', 'Date', 'Total'], []],
  ])('GIVEN %s THEN not Rupiah', (_, header, values) => {
    expect(signalsRupiah(header, values)).toBe(false);
  });

  it('GIVEN Rp only after the sample THEN it is not seen', () => {
    const values = [...Array.from({ length: 10 }, () => '28.500'), 'Rp 1.000'];
    expect(signalsRupiah(['Customer', 'Date', 'Total'], values, 10)).toBe(false);
    expect(signalsRupiah(['Customer', 'Date', 'Total'], values, 11)).toBe(true);
  });
});
