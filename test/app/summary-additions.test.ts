import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SummaryAdditionsTally } from '../../src/app/import/customer-summaries.js';
import { isNonProductLine } from '../../src/ingest/non-product-lines.js';
import type { TransactionRow } from '../../src/ingest/types.js';
import { customerBasketsOfLines } from '../../src/segment/customer-baskets.js';
import { customerOrdersOfLines } from '../../src/segment/customer-orders.js';
import type { TextDictionary } from '../../src/store/dataset-texts.js';
import { lineColumns } from '../store/line-columns.js';

/** A dataset's dictionary without a database: numbers texts from 100 on, so no number is mistaken for a position. */
function memoryDictionary(): TextDictionary {
  const ids = new Map<string, number>();
  const texts: string[] = [];
  return {
    idOf(text) {
      let id = ids.get(text);
      if (id === undefined) ids.set(text, (id = 100 + ids.size));
      texts[id] = text;
      return id;
    },
    textOf: (id) => texts[id]!,
    flush() {},
  };
}

const row = fc.record<TransactionRow>({
  line: fc.constant(2),
  invoice: fc.option(fc.constantFrom('536365', 'C536379', '536366'), { nil: null }),
  customerId: fc.option(fc.constantFrom('17850', '13047', '536365'), { nil: null }),
  timestamp: fc.constantFrom(Date.UTC(2011, 0, 1), Date.UTC(2011, 0, 2), Date.UTC(2011, 0, 1, 8, 26)),
  product: fc.option(fc.constantFrom('85123A', '22633', 'POST'), { nil: null }),
  description: fc.option(fc.constantFrom('MUG', 'WHITE HANGING HEART', '85123A', 'Next Day Carriage'), { nil: null }),
  quantity: fc.option(fc.constantFrom(-3, 1, 6), { nil: null }),
  unitPrice: fc.option(fc.constantFrom(0, 1.25, 2.55), { nil: null }),
  amount: fc.constantFrom(-12.5, 0, 2.55, 15.3),
  country: fc.option(fc.constantFrom('United Kingdom', 'France'), { nil: null }),
  category: fc.constant(null),
  isReturn: fc.boolean(),
});

// customerOrdersOfLines and customerBasketsOfLines use the same tallies, which test/segment/customer-summaries.test.ts
// checks on their own: this checks what SummaryAdditionsTally adds, reading columns, stored flags and numbers.
describe('SummaryAdditionsTally', () => {
  it('GIVEN chunks of numbered lines and which were stored THEN orders and baskets are those of the stored customer lines, fees no product', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(row, fc.boolean()), { maxLength: 30 }), { maxLength: 3 }), (chunks) => {
        const texts = memoryDictionary();
        const tally = new SummaryAdditionsTally((id) => texts.textOf(id));
        for (const chunk of chunks) {
          const rows = chunk.map(([r]) => r);
          tally.add(lineColumns(rows, rows.map(() => 0n), texts), Uint8Array.from(chunk, ([, stored]) => (stored ? 1 : 0)));
        }
        const stored = chunks.flat().flatMap(([r, kept]) => (kept && r.customerId !== null ? [{ ...r, customerId: r.customerId }] : []));
        const { orders, baskets } = tally.additions();
        expect(orders).toEqual(customerOrdersOfLines(stored));
        const named = (pairs: Int32Array) => {
          const counts = new Map<string, number>();
          for (let at = 0; at < pairs.length; at += 2) counts.set(texts.textOf(pairs[at]!), pairs[at + 1]!);
          return counts;
        };
        // Postage and fee lines count in a basket's countries, never among its products.
        const goods = stored.map((r) => (isNonProductLine(r.product, r.description) ? { ...r, product: null, description: null } : r));
        expect(baskets.map((b) => ({ customerId: b.customerId, products: named(b.products), countries: named(b.countries) }))).toEqual(
          customerBasketsOfLines(goods),
        );
      }),
    );
  });
});
