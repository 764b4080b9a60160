import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowKeys, rowKeys } from '../../src/ingest/row-keys.js';
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

/** The definition rowKeys must keep: both lanes over the fields as `Array.join` writes them, joined by U+001F. */
function joinedKey(row: TransactionRow, salt: number): bigint {
  const { invoice, customerId, timestamp, product, description, quantity, unitPrice, amount, country, category } = row;
  const text = [invoice, customerId, timestamp, product, description, quantity, unitPrice, amount, country, category].join('\u001f');
  let a = 0x811c9dc5 ^ salt;
  let b = 0x01000193 ^ Math.imul(salt, 0x9e3779b1);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  a ^= a >>> 16;
  b = Math.imul(b ^ (b >>> 16), 0x27d4eb2f);
  b ^= b >>> 15;
  return BigInt.asIntN(64, (BigInt(a >>> 0) << 32n) | BigInt(b >>> 0));
}

describe('rowKeys, numbers written out', () => {
  // Cents, whole numbers and the edges where String switches notation or cents stop being exact.
  const money = fc.oneof(
    fc.integer({ min: -1e15, max: 1e15 }).map((cents) => cents / 100),
    fc.integer({ min: -9999, max: 9999 }).map((cents) => cents / 100),
    fc.integer({ min: -99, max: 99 }).map((tenths) => tenths / 1000),
    fc.constantFrom(0.1 + 0.2, 1e-7, 1e21, -0, 4.5e13 + 0.01, 9.99e12 + 0.07, 1e13 - 0.01, 1e13 + 0.01, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
  );
  const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
  const text = maybe(fc.string({ unit: 'binary', maxLength: 12 }));
  const rowArb = fc.record({
    line: fc.nat(),
    invoice: text,
    customerId: text,
    timestamp: fc.integer({ min: -8.64e15, max: 8.64e15 }),
    product: text,
    description: text,
    quantity: maybe(money),
    unitPrice: maybe(money),
    amount: money,
    country: text,
    category: text,
    isReturn: fc.boolean(),
  });

  /** The keys rowKeys must give: each row's joined fields hashed, salted by how many identical rows came before. */
  const referenceKeys = (rows: readonly TransactionRow[]) => {
    const seen = new Map<bigint, number>();
    return rows.map((r) => {
      const content = joinedKey(r, 0);
      const salt = seen.get(content) ?? 0;
      seen.set(content, salt + 1);
      return salt === 0 ? content : joinedKey(r, salt);
    });
  };

  it('GIVEN random rows (repeats included) THEN each key is the hash of the fields joined as text, salted by its repeat', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 10 }), (distinct, picks) => {
        const rows = [...distinct, ...(distinct.length === 0 ? [] : picks.map((i) => distinct[i % distinct.length]!))];
        expect(Array.from(rowKeys(rows))).toEqual(referenceKeys(rows));
      }),
      { numRuns: 2000 },
    );
  });

  it('GIVEN line items that share their invoice, customer and timestamp, or all but one of them THEN the keys of their joined fields', () => {
    const head = fc.record({ invoice: fc.constantFrom(null, '536365', '536366'), customerId: fc.constantFrom(null, '17850', '1785'), timestamp: fc.constantFrom(0, 1e12, 10) });
    fc.assert(
      fc.property(fc.array(fc.tuple(head, rowArb), { maxLength: 30 }), (items) => {
        const rows = items.map(([shared, row]) => ({ ...row, ...shared }));
        expect(Array.from(rowKeys(rows))).toEqual(referenceKeys(rows));
      }),
      { numRuns: 1000 },
    );
  });

  it('GIVEN rows keyed a chunk at a time, more than expected THEN the keys are those of the whole file', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 60 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1 }), (distinct, picks, sizes) => {
        const rows = [...distinct, ...picks.map((i) => distinct[i % distinct.length]!)];
        const keys = new RowKeys(2);
        const chunked: bigint[] = [];
        for (let from = 0, i = 0; from < rows.length; i++) {
          const to = Math.min(rows.length, from + sizes[i % sizes.length]!);
          chunked.push(...keys.of(rows, from, to));
          from = to;
        }
        expect(chunked).toEqual(Array.from(rowKeys(rows)));
      }),
      { numRuns: 500 },
    );
  });
});
