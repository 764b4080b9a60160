import { describe, expect, it } from 'vitest';
import { customerOrdersOfLines } from '../../src/segment/customer-orders.js';
import { purchaseRhythmOfOrders } from '../../src/segment/purchase-rhythm.js';
import { DAY_MS, JAN_1, sale } from './helpers/sales.js';

const at = (day: number, hours = 10) => JAN_1 + day * DAY_MS + hours * 3_600_000;

describe('purchaseRhythmOfOrders', () => {
  it('GIVEN customers who came back THEN the gap is the median of their average days between purchase days', () => {
    const orders = customerOrdersOfLines([
      // A: days 0, 10, 30 -> 15 days on average; two invoices on day 10 are one visit.
      sale({ customerId: 'A', invoice: '1', timestamp: at(0) }),
      sale({ customerId: 'A', invoice: '2', timestamp: at(10) }),
      sale({ customerId: 'A', invoice: '3', timestamp: at(10, 15) }),
      sale({ customerId: 'A', invoice: '4', timestamp: at(30) }),
      // B: days 5 and 45 -> 40; C: days 20 and 80 -> 60.
      sale({ customerId: 'B', invoice: '5', timestamp: at(5) }),
      sale({ customerId: 'B', invoice: null, timestamp: at(45) }),
      sale({ customerId: 'C', invoice: '6', timestamp: at(20) }),
      sale({ customerId: 'C', invoice: '7', timestamp: at(80) }),
      // D bought once; E bought twice on one day: neither is a repeat customer.
      sale({ customerId: 'D', invoice: '8', timestamp: at(60) }),
      sale({ customerId: 'E', invoice: '9', timestamp: at(70, 9) }),
      sale({ customerId: 'E', invoice: '10', timestamp: at(70, 17) }),
    ]);
    expect(purchaseRhythmOfOrders(orders, at(90, 0))).toEqual({ customers: 5, repeatCustomers: 3, medianRepeatGapDays: 40, historyDays: 89 });
  });

  it('GIVEN returns, zero-price lines and orders at or after as-of THEN only purchases before as-of count, as in RFM', () => {
    const orders = customerOrdersOfLines([
      sale({ customerId: 'A', invoice: '1', timestamp: at(0) }),
      sale({ customerId: 'A', invoice: 'C2', quantity: -1, timestamp: at(4) }),
      sale({ customerId: 'A', invoice: '3', unitPrice: 0, timestamp: at(6) }),
      sale({ customerId: 'A', invoice: '4', timestamp: at(8) }),
      sale({ customerId: 'A', invoice: '5', timestamp: at(20) }),
      sale({ customerId: 'B', invoice: 'C6', quantity: -2, timestamp: at(1) }),
    ]);
    expect(purchaseRhythmOfOrders(orders, at(20))).toEqual({ customers: 1, repeatCustomers: 1, medianRepeatGapDays: 8, historyDays: 20 });
  });

  it('GIVEN no repeat customer or no purchase THEN there is no gap to measure', () => {
    expect(purchaseRhythmOfOrders(customerOrdersOfLines([sale({ customerId: 'A', timestamp: at(0) })]), at(3))).toEqual({
      customers: 1, repeatCustomers: 0, medianRepeatGapDays: null, historyDays: 3,
    });
    expect(purchaseRhythmOfOrders([], at(3))).toEqual({ customers: 0, repeatCustomers: 0, medianRepeatGapDays: null, historyDays: 0 });
  });
});
