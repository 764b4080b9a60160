import type { CustomerRfm, SaleLine } from '../../../src/segment/types.js';

export const DAY_MS = 86_400_000;
/** 2011-01-01 00:00 as naive wall-clock time. */
export const JAN_1 = Date.UTC(2011, 0, 1);

/** A sale line with sensible defaults: a purchase of one item at 10.00 on 1 January 2011. */
export function sale(overrides: Partial<SaleLine> & { customerId: string }): SaleLine {
  const quantity = overrides.quantity === undefined ? 1 : overrides.quantity;
  const unitPrice = overrides.unitPrice === undefined ? 10 : overrides.unitPrice;
  const invoice = overrides.invoice === undefined ? '1' : overrides.invoice;
  return {
    invoice,
    timestamp: JAN_1,
    quantity,
    unitPrice,
    amount: (quantity ?? 1) * (unitPrice ?? 10),
    isReturn: (invoice?.startsWith('C') ?? false) || (quantity ?? 0) < 0,
    ...overrides,
  };
}

/** An RFM row with defaults, for tests that only care about R, F and M. */
export function customer(customerId: string, recencyDays: number, frequency: number, monetary: number): CustomerRfm {
  return {
    customerId,
    recencyDays,
    frequency,
    monetary,
    firstPurchase: JAN_1,
    lastPurchase: JAN_1 + 100 * DAY_MS - recencyDays * DAY_MS,
    tenureDays: 100,
    averageOrderValue: monetary / frequency,
    returnRate: 0,
  };
}
