import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combinedBaskets, customerBasketsOfLines, NO_NAME, NumberedBasketsTally } from '../../src/segment/customer-baskets.js';
import { customerOrdersOfLines, lineRole } from '../../src/segment/customer-orders.js';
import { customerRfm, rfmOfOrders } from '../../src/segment/rfm.js';
import { DAY_MS, JAN_1, sale } from './helpers/sales.js';

describe('customerOrdersOfLines', () => {
  it('GIVEN lines of one invoice at two moments and lines without an invoice THEN each (customer, invoice, moment) is one order', () => {
    const orders = customerOrdersOfLines([
      sale({ customerId: 'A', invoice: '1', amount: 10 }),
      sale({ customerId: 'A', invoice: '1', amount: 5 }),
      sale({ customerId: 'A', invoice: '1', timestamp: JAN_1 + 60_000 }),
      sale({ customerId: 'A', invoice: 'C2', quantity: -1 }),
      sale({ customerId: 'A', invoice: null, timestamp: JAN_1 + DAY_MS }),
      sale({ customerId: 'B', invoice: '1' }),
    ]);
    expect(orders.map((o) => [o.customerId, o.invoice, o.timestamp - JAN_1, o.lines, o.purchaseLines, o.purchased, o.refunded, o.returnLines])).toEqual([
      ['A', '1', 0, 2, 2, 15, 0, 0],
      ['A', '1', 60_000, 1, 1, 10, 0, 0],
      ['A', 'C2', 0, 1, 0, 0, 10, 1],
      ['A', null, DAY_MS, 1, 1, 10, 0, 0],
      ['B', '1', 0, 1, 1, 10, 0, 0],
    ]);
  });

  it('GIVEN zero-price and zero-amount lines THEN they are neither purchases nor refunds', () => {
    expect(lineRole(sale({ customerId: 'A', unitPrice: 0 }))).toBe('ignored');
    expect(lineRole(sale({ customerId: 'A', amount: 0 }))).toBe('ignored');
    expect(lineRole(sale({ customerId: 'A', invoice: 'C1', quantity: -2 }))).toBe('refund');
    expect(lineRole(sale({ customerId: 'A', quantity: null, unitPrice: null, amount: 4 }))).toBe('purchase');
  });

  it('GIVEN any lines THEN RFM from their orders equals RFM from the lines one by one, under both conventions and any cut-off', () => {
    const line = fc.record({
      customerId: fc.constantFrom('A', 'B', 'C'),
      invoice: fc.option(fc.constantFrom('1', '2', 'C3'), { nil: null }),
      timestamp: fc.integer({ min: 0, max: 5 }).map((day) => JAN_1 + day * DAY_MS),
      quantity: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
      unitPrice: fc.option(fc.constantFrom(0, 1.25, 10), { nil: null }),
      amount: fc.constantFrom(-12.5, -1, 0, 2.5, 10, 99.99),
      isReturn: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), (lines, cutDay) => {
        const asOf = cutDay === undefined ? undefined : JAN_1 + cutDay * DAY_MS;
        for (const convention of ['net', 'gross'] as const) {
          // customerRfm goes through orders too; this pins rfmOfOrders to a hand-made grouping of every line alone.
          const oneLineOrders = lines.flatMap((l) => customerOrdersOfLines([l]));
          expect(rfmOfOrders(oneLineOrders, { convention, asOf })).toEqual(customerRfm(lines, { convention, asOf }));
        }
      }),
    );
  });
});

describe('customer baskets', () => {
  it('GIVEN lines THEN products count purchase lines by description (else code) and countries count every line', () => {
    const [basket] = customerBasketsOfLines([
      { customerId: 'A', isReturn: false, product: '22633', description: 'MUG', country: 'France' },
      { customerId: 'A', isReturn: true, product: '22633', description: 'MUG', country: 'France' },
      { customerId: 'A', isReturn: false, product: 'POST', description: null, country: 'Spain' },
      { customerId: 'A', isReturn: false, product: null, description: null, country: null },
    ]);
    expect(basket).toEqual({ customerId: 'A', products: new Map([['MUG', 1], ['POST', 1]]), countries: new Map([['France', 2], ['Spain', 1]]) });
  });

  it('GIVEN a stored basket and an upload\'s THEN the counts add up, stored names first', () => {
    const stored = { customerId: 'A', products: Int32Array.of(7, 2), countries: Int32Array.of(1, 2) };
    const added = { customerId: 'A', products: Int32Array.of(9, 4, 7, 1), countries: Int32Array.of(3, 1) };
    expect(combinedBaskets(stored, added)).toEqual({ customerId: 'A', products: Int32Array.of(7, 3, 9, 4), countries: Int32Array.of(1, 2, 3, 1) });
    expect(stored.products).toEqual(Int32Array.of(7, 2));
  });

  it('GIVEN many customers and products, lines interleaved THEN each basket counts its own in first-counted order', () => {
    const tally = new NumberedBasketsTally();
    const expected = new Map<number, { products: Map<number, number>; countries: Map<number, number> }>();
    // Enough pairs to grow the tally's tables several times; customers come back after others.
    for (let i = 0; i < 20_000; i++) {
      const customer = (i * 7) % 301;
      const product = i % 5 === 0 ? NO_NAME : (i * 13) % 997;
      const country = i % 11 === 0 ? NO_NAME : customer % 3;
      const isReturn = i % 9 === 0;
      tally.add(customer, product, country, isReturn);
      const basket = expected.get(customer) ?? { products: new Map(), countries: new Map() };
      expected.set(customer, basket);
      if (!isReturn && product !== NO_NAME) basket.products.set(product, (basket.products.get(product) ?? 0) + 1);
      if (country !== NO_NAME) basket.countries.set(country, (basket.countries.get(country) ?? 0) + 1);
    }
    const pairs = (counts: Map<number, number>) => Int32Array.from([...counts].flat());
    expect(tally.baskets()).toEqual([...expected].map(([customerId, b]) => ({ customerId, products: pairs(b.products), countries: pairs(b.countries) })));
  });
});
