import { describe, expect, it } from 'vitest';
import { rowKeys } from '../../src/ingest/row-keys.js';
import type { TransactionRow } from '../../src/ingest/types.js';

const row: TransactionRow = {
  line: 2,
  invoice: '536365',
  customerId: '17850',
  timestamp: Date.UTC(2010, 11, 1, 8, 26),
  product: '85123A',
  description: 'WHITE HANGING HEART T-LIGHT HOLDER',
  quantity: 6,
  unitPrice: 2.55,
  amount: 15.3,
  country: 'United Kingdom',
  category: null,
  isReturn: false,
};

describe('rowKeys', () => {
  // Stored keys decide what a later overlapping upload skips, so they must never change: these values were
  // produced by the first implementation, which hashed the fields joined with U+001F.
  it('GIVEN rows with repeats, blanks, non-ASCII text and unusual numbers THEN the keys stored since the first release', () => {
    const rows: TransactionRow[] = [
      row,
      { ...row, line: 3 },
      { ...row, line: 4 },
      { ...row, invoice: 'C536379', customerId: null, quantity: -1, unitPrice: 27.5, amount: -27.5, isReturn: true },
      { ...row, invoice: null, product: null, description: 'Crème brûlée ☕', quantity: null, unitPrice: null, amount: 1e-7, country: null, category: 'Désserts' },
      { ...row, timestamp: -86_400_000, quantity: 123456789012, unitPrice: 0.1 + 0.2, amount: -0 },
      { ...row, timestamp: 0, quantity: 10, unitPrice: 100000000, amount: 1e21 },
      { ...row, timestamp: Number.MAX_SAFE_INTEGER, quantity: -Number.MAX_SAFE_INTEGER, unitPrice: 100000001, amount: -99999999 },
    ];
    expect(Array.from(rowKeys(rows))).toEqual([
      3301727659072002443n, -7979123365061781515n, -6519459538597776127n, 86679472461545012n,
      -2475278983733505667n, -7667627737681360238n, 23112654785073970n, -1783457639661026215n,
    ]);
  });

  it('GIVEN the line number alone differs THEN identical rows still get distinct keys, in file order', () => {
    const keys = rowKeys([row, { ...row, line: 9 }]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(rowKeys([{ ...row, line: 40 }])[0]).toBe(keys[0]);
  });

  it('GIVEN a description longer than any row before it THEN it is hashed whole', () => {
    const long = { ...row, description: 'x'.repeat(50_000) };
    expect(rowKeys([long])[0]).not.toBe(rowKeys([{ ...long, description: 'x'.repeat(49_999) }])[0]);
  });
});
