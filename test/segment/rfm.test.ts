import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerRfm } from '../../src/segment/rfm.js';
import type { SaleLine } from '../../src/segment/types.js';
import { DAY_MS, JAN_1, sale } from './helpers/sales.js';

const at = (days: number, hours = 0) => JAN_1 + days * DAY_MS + hours * 3_600_000;

describe('customerRfm', () => {
  const lines: SaleLine[] = [
    sale({ customerId: 'A', invoice: '1', timestamp: at(0), quantity: 2, unitPrice: 5 }),
    sale({ customerId: 'A', invoice: '1', timestamp: at(0), quantity: 2, unitPrice: 5 }), // exact duplicate: kept
    sale({ customerId: 'A', invoice: '2', timestamp: at(10, 6), quantity: 1, unitPrice: 30 }),
    sale({ customerId: 'A', invoice: 'C3', timestamp: at(11), quantity: -1, unitPrice: 30 }), // cancellation
    sale({ customerId: 'A', invoice: '4', timestamp: at(12), quantity: 5, unitPrice: 0 }), // free sample
    sale({ customerId: 'B', invoice: '5', timestamp: at(20, 12), quantity: 1, unitPrice: 100 }),
    sale({ customerId: 'B', invoice: 'C6', timestamp: at(21), quantity: -1, unitPrice: -5 }), // negative price: ignored by both
    sale({ customerId: 'R', invoice: 'C7', timestamp: at(25), quantity: -3, unitPrice: 10 }), // returns only
  ];

  it('GIVEN the gross convention THEN cancellations and unpriced lines are dropped and duplicates kept', () => {
    const table = customerRfm(lines, { convention: 'gross' });
    expect(table.asOf).toBe(at(21, 12)); // latest purchase (B, day 20 12:00) + 24 h
    expect(table.customers.map((row) => row.customerId)).toEqual(['A', 'B']);
    const [a, b] = table.customers;
    expect(a).toMatchObject({ recencyDays: 11, frequency: 2, monetary: 50, firstPurchase: at(0), lastPurchase: at(10, 6), tenureDays: 21, averageOrderValue: 25 });
    expect(a!.returnRate).toBeCloseTo(30 / 50);
    expect(b).toMatchObject({ recencyDays: 1, frequency: 1, monetary: 100, returnRate: 0 });
  });

  it('GIVEN the net convention THEN returns subtract but recency and frequency still come from purchases', () => {
    const table = customerRfm(lines, { convention: 'net' });
    expect(table.asOf).toBe(at(21, 12));
    expect(table.customers.map((row) => row.customerId)).toEqual(['A', 'B']);
    expect(table.customers[0]).toMatchObject({ recencyDays: 11, frequency: 2, monetary: 20, averageOrderValue: 10 });
    expect(table.customers[1]).toMatchObject({ monetary: 100 });
  });

  it('GIVEN a return after the last purchase THEN it does not move the default as-of date', () => {
    const table = customerRfm([sale({ customerId: 'A', timestamp: at(0) }), sale({ customerId: 'A', invoice: 'C9', quantity: -1, timestamp: at(50) })], {
      convention: 'net',
    });
    expect(table.asOf).toBe(at(1));
    expect(table.customers[0]!.monetary).toBe(0);
  });

  it('GIVEN lines without invoices THEN frequency counts distinct purchase days', () => {
    const table = customerRfm(
      [
        sale({ customerId: 'A', invoice: null, timestamp: at(0, 9) }),
        sale({ customerId: 'A', invoice: null, timestamp: at(0, 17) }),
        sale({ customerId: 'A', invoice: null, timestamp: at(3, 9) }),
      ],
      { convention: 'gross' },
    );
    expect(table.customers[0]).toMatchObject({ frequency: 2, monetary: 30, averageOrderValue: 15 });
  });

  it('GIVEN lines with only an amount THEN a positive amount is a purchase and a negative one a return', () => {
    const table = customerRfm(
      [
        sale({ customerId: 'A', quantity: null, unitPrice: null, amount: 80, invoice: null }),
        sale({ customerId: 'A', quantity: null, unitPrice: null, amount: -30, invoice: null, timestamp: at(2) }),
      ],
      { convention: 'net' },
    );
    expect(table.customers[0]).toMatchObject({ frequency: 1, monetary: 50 });
  });

  it('GIVEN an explicit asOf THEN lines at or after it are left out', () => {
    const table = customerRfm(lines, { convention: 'gross', asOf: at(20) });
    expect(table.asOf).toBe(at(20));
    expect(table.customers.map((row) => row.customerId)).toEqual(['A']);
    expect(table.customers[0]).toMatchObject({ recencyDays: 9, tenureDays: 20 });
  });

  it('GIVEN no purchase at all THEN the table is empty and as-of unknown', () => {
    expect(customerRfm([lines[7]!], { convention: 'net' })).toEqual({ asOf: null, convention: 'net', customers: [] });
  });

  it('GIVEN money with float noise THEN monetary is rounded to cents', () => {
    const table = customerRfm(
      [sale({ customerId: 'A', quantity: 3, unitPrice: 0.1 }), sale({ customerId: 'A', quantity: 1, unitPrice: 0.2, invoice: '2' })],
      { convention: 'gross' },
    );
    expect(table.customers[0]!.monetary).toBe(0.5);
  });

  it('never mutates its input', () => {
    const copy = structuredClone(lines);
    customerRfm(lines, { convention: 'net' });
    expect(lines).toEqual(copy);
  });

  it('PROPERTY: recency ≤ tenure, frequency ≥ 1, and gross spend ≥ net spend', () => {
    const line = fc.record({
      customerId: fc.constantFrom('A', 'B', 'C'),
      invoice: fc.option(fc.constantFrom('1', '2', '3', 'C4'), { nil: null }),
      day: fc.integer({ min: 0, max: 60 }),
      quantity: fc.integer({ min: -5, max: 5 }),
      unitPrice: fc.constantFrom(0, 1.25, 10),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (raw) => {
        const sales = raw.map((row) => sale({ customerId: row.customerId, invoice: row.invoice, timestamp: at(row.day), quantity: row.quantity, unitPrice: row.unitPrice }));
        const gross = customerRfm(sales, { convention: 'gross' });
        const net = customerRfm(sales, { convention: 'net' });
        expect(net.customers.map((row) => row.customerId)).toEqual(gross.customers.map((row) => row.customerId));
        gross.customers.forEach((row, i) => {
          expect(row.frequency).toBeGreaterThanOrEqual(1);
          expect(row.recencyDays).toBeGreaterThanOrEqual(0);
          expect(row.recencyDays).toBeLessThanOrEqual(row.tenureDays);
          expect(row.monetary).toBeGreaterThanOrEqual(net.customers[i]!.monetary);
        });
      }),
    );
  });
});
