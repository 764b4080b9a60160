import { describe, expect, it } from 'vitest';
import { RowChunkEncoder, ROWS_PER_SENT_CHUNK, type RowChunk } from '../../src/app/import/row-chunks.js';
import { NO_TEXT } from '../../src/store/transactions.js';
import type { TransactionRow } from '../../src/ingest/types.js';

const row = (i: number): TransactionRow => ({
  line: i + 2,
  invoice: i % 3 === 0 ? null : `5363${Math.floor(i / 4)}`,
  customerId: i % 5 === 0 ? null : `178${i % 7}`,
  timestamp: Date.UTC(2010, 11, 1) + i * 60_000,
  product: i % 11 === 0 ? null : `85${i % 13}A`,
  description: `ITEM ${i % 17}`,
  quantity: i % 9 === 0 ? null : i - 50,
  unitPrice: i % 8 === 0 ? null : 2.55,
  amount: i % 6 === 0 ? -0 : (i - 50) * 2.55,
  country: i % 19 === 0 ? null : 'United Kingdom',
  category: i % 2 === 0 ? null : 'Crème brûlée ☕',
  isReturn: i % 4 === 0,
});

describe('row chunks', () => {
  it('GIVEN rows added a few at a time across a full chunk THEN the chunks hold the same rows and keys, texts sent once', () => {
    const rows = Array.from({ length: ROWS_PER_SENT_CHUNK + 1000 }, (_, i) => row(i));
    const encoder = new RowChunkEncoder();
    const chunks: RowChunk[] = [];
    for (let from = 0; from < rows.length; from += 777) {
      const to = Math.min(rows.length, from + 777);
      const keys = BigInt64Array.from({ length: to - from }, (_, i) => BigInt(from + i) * 3n - 5n);
      chunks.push(...encoder.add(rows, from, to, keys));
    }
    chunks.push(encoder.rest()!);
    expect(encoder.rest()).toBeUndefined();
    expect(chunks.map((chunk) => chunk.rows)).toEqual([ROWS_PER_SENT_CHUNK, 1000]);
    const texts = chunks.flatMap((chunk) => chunk.newTexts);
    expect(new Set(texts).size).toBe(texts.length);

    const text = (ids: Int32Array, i: number) => (ids[i] === NO_TEXT ? null : texts[ids[i]!]!);
    const number = (values: Float64Array, i: number) => (Number.isNaN(values[i]) ? null : values[i]!);
    const decoded = chunks.flatMap((chunk) =>
      Array.from({ length: chunk.rows }, (_, i): TransactionRow => ({
        line: chunk.lines[i]!, invoice: text(chunk.invoices, i), customerId: text(chunk.customers, i), timestamp: chunk.timestamps[i]!,
        product: text(chunk.products, i), description: text(chunk.descriptions, i), quantity: number(chunk.quantities, i),
        unitPrice: number(chunk.unitPrices, i), amount: chunk.amounts[i]!, country: text(chunk.countries, i),
        category: text(chunk.categories, i), isReturn: chunk.returns[i] === 1,
      })),
    );
    expect(decoded).toEqual(rows);
    expect(Object.is(decoded[0]!.amount, -0)).toBe(true);
    expect(chunks.flatMap((chunk) => Array.from(chunk.keys))).toEqual(rows.map((_, i) => BigInt(i) * 3n - 5n));
  });
});
