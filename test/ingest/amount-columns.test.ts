import { describe, expect, it } from 'vitest';
import { decideAmountColumns } from '../../src/ingest/amount-columns.js';

describe('decideAmountColumns: the amount column', () => {
  it('GIVEN quantity × price equal to the amount on every row THEN a line total, and the price a unit price', () => {
    const decision = decideAmountColumns({ quantity: [3, 1, 2], unitPrice: [28_500, 45_000, 12.25], amount: [85_500, 45_000, 24.5] });
    expect(decision).toEqual({
      amountIs: 'lineTotal',
      unitPriceIs: 'unitPrice',
      amountEqualsPrice: false,
      compared: 3,
      matched: 3,
      ordersCompared: 0,
      ordersRepeatingAmount: 0,
    });
  });

  it('GIVEN amounts within a cent or 0.5 % of quantity × price THEN they match; 1 % off does not', () => {
    expect(decideAmountColumns({ quantity: [3], unitPrice: [0.1], amount: [0.31] }).matched).toBe(1);
    expect(decideAmountColumns({ quantity: [3], unitPrice: [333.33], amount: [1004] }).matched).toBe(1);
    expect(decideAmountColumns({ quantity: [3], unitPrice: [333.33], amount: [1010] }).matched).toBe(0);
  });

  it('GIVEN a discount on one line of three THEN still a line total (most rows match)', () => {
    expect(decideAmountColumns({ quantity: [3, 1, 2], unitPrice: [28_500, 45_000, 28_500], amount: [85_500, 45_000, 54_000] }).amountIs).toBe('lineTotal');
  });

  it('GIVEN an order total repeated on each of its lines THEN an order total', () => {
    const decision = decideAmountColumns({
      quantity: [2, 1, 3, 1, 1],
      unitPrice: [5, 12.5, 4, 8, 7],
      amount: [22.5, 22.5, 20, 20, 7],
      invoice: ['A1', 'A1', 'A2', 'A2', 'A3'],
    });
    expect(decision).toMatchObject({ amountIs: 'orderTotal', compared: 5, matched: 1, ordersCompared: 2, ordersRepeatingAmount: 2 });
  });

  it('GIVEN an order total written on the first line of each order only (Shopify) THEN an order total', () => {
    const decision = decideAmountColumns({
      quantity: [2, 1, 1, 2],
      unitPrice: [4.75, 12.5, 9, 3],
      amount: [22, null, 15, null],
      invoice: ['#1001', '#1001', '#1002', '#1002'],
    });
    expect(decision).toMatchObject({ amountIs: 'orderTotal', ordersCompared: 2, ordersRepeatingAmount: 2 });
  });

  it('GIVEN orders of one line each THEN the invoices prove nothing: most rows match, a line total', () => {
    const decision = decideAmountColumns({ quantity: [2, 1], unitPrice: [5, 7], amount: [10, 7], invoice: ['A', 'B'] });
    expect(decision).toMatchObject({ amountIs: 'lineTotal', ordersCompared: 0 });
  });

  it('GIVEN lines of one order whose quantity × price are the same THEN they prove nothing either way', () => {
    const decision = decideAmountColumns({ quantity: [1, 1], unitPrice: [5, 5], amount: [10, 10], invoice: ['A', 'A'] });
    expect(decision).toMatchObject({ amountIs: 'unknown', ordersCompared: 0 });
  });

  it('GIVEN amounts that match neither line nor order (tax on every line) THEN unknown', () => {
    const decision = decideAmountColumns({ quantity: [2, 1, 3], unitPrice: [10, 20, 5], amount: [22, 22, 16.5], invoice: ['A', 'B', 'C'] });
    expect(decision).toMatchObject({ amountIs: 'unknown', amountEqualsPrice: false, matched: 0 });
  });

  it('GIVEN the amount equal to the price on rows of several units and no product THEN unknown, amountEqualsPrice', () => {
    const decision = decideAmountColumns({ quantity: [2, 3, 1], unitPrice: [10, 4, 5], amount: [10, 4, 5] });
    expect(decision).toMatchObject({ amountIs: 'unknown', unitPriceIs: 'unknown', amountEqualsPrice: true, compared: 3, matched: 1 });
  });

  it('GIVEN the amount equal to a price that grows with the quantity of a product THEN both are line totals', () => {
    const decision = decideAmountColumns({ quantity: [1, 3, 2, 4], unitPrice: [5, 15, 8, 16], amount: [5, 15, 8, 16], product: ['X', 'X', 'Y', 'Y'] });
    expect(decision).toMatchObject({ amountIs: 'lineTotal', unitPriceIs: 'lineTotal', amountEqualsPrice: true });
  });

  it('GIVEN blanks, NaN and infinities THEN those rows are left out', () => {
    const decision = decideAmountColumns({ quantity: [2, null, Number.NaN, 1], unitPrice: [5, 5, 5, Number.POSITIVE_INFINITY], amount: [10, 10, 10, 10] });
    expect(decision).toMatchObject({ compared: 1, matched: 1, amountIs: 'lineTotal' });
  });

  it('GIVEN no rows THEN unknown on both counts', () => {
    expect(decideAmountColumns({ quantity: [], unitPrice: [] })).toMatchObject({ amountIs: 'unknown', unitPriceIs: 'unknown', compared: 0 });
  });

  it('GIVEN the sample THEN its arrays are not changed', () => {
    const sample = { quantity: [2, 1], unitPrice: [5, 7], amount: [10, 7], invoice: ['A', 'A'], product: ['X', 'X'] };
    const copy = structuredClone(sample);
    decideAmountColumns(sample);
    expect(sample).toEqual(copy);
  });
});

describe('decideAmountColumns: the price column', () => {
  it('GIVEN a price that stays put per product while quantities differ THEN a unit price', () => {
    const decision = decideAmountColumns({ quantity: [6, 32, 1, 2], unitPrice: [2.55, 2.55, 4.25, 4.25], product: ['85123A', '85123A', '71053', '71053'] });
    expect(decision.unitPriceIs).toBe('unitPrice');
  });

  it('GIVEN a walk-in price now and then (Online Retail) THEN still a unit price: most sales of the product share one', () => {
    const decision = decideAmountColumns({ quantity: [6, 6, 8, 1, 24], unitPrice: [3.39, 3.39, 3.39, 8.47, 3.39], product: ['71053', '71053', '71053', '71053', '71053'] });
    expect(decision.unitPriceIs).toBe('unitPrice');
  });

  it('GIVEN a price that grows with the quantity of the same product THEN a line total', () => {
    const decision = decideAmountColumns({ quantity: [1, 3, 2, 4, -2], unitPrice: [5, 15, 8, 16, 10], product: ['X', 'X', 'Y', 'Y', 'X'] });
    expect(decision.unitPriceIs).toBe('lineTotal');
  });

  it('GIVEN products bought in one quantity only, or no products THEN unknown', () => {
    expect(decideAmountColumns({ quantity: [2, 2, 1], unitPrice: [10, 10, 3], product: ['X', 'X', 'Y'] }).unitPriceIs).toBe('unknown');
    expect(decideAmountColumns({ quantity: [1, 3], unitPrice: [5, 15] }).unitPriceIs).toBe('unknown');
  });
});

describe('decideAmountColumns: the doc comment examples', () => {
  it('GIVEN the examples THEN they hold', () => {
    expect(decideAmountColumns({ quantity: [2, 3], unitPrice: [1.5, 2], amount: [3, 6] }).amountIs).toBe('lineTotal');
    expect(decideAmountColumns({ quantity: [1, 2], unitPrice: [10, 4], amount: [18, 18], invoice: ['A', 'A'] }).amountIs).toBe('orderTotal');
  });
});
