import type { PlatformProfile } from './profile.js';

/**
 * Square Dashboard item details: date and time in separate columns; walk-ins (most till sales) have no customer;
 * a refund is a row of its own with the `Refund` event type.
 */
export const square: PlatformProfile = {
  id: 'square',
  name: 'Square item details',
  signature: ['Transaction ID', 'Event Type', 'Net Sales', 'Item', 'Date'],
  columns: {
    invoice: ['Transaction ID'],
    date: ['Date'],
    time: ['Time'],
    quantity: ['Qty'],
    lineTotal: ['Net Sales'],
    product: ['SKU'],
    description: ['Item'],
    variant: ['Price Point Name'],
    category: ['Category'],
    lineKind: ['Event Type'],
  },
  customer: ['Customer ID', 'Customer Name'],
  customerNames: ['Customer Name'],
  amount: 'lineTotal',
  refundLineKinds: ['refund'],
  exportFrom: 'Square Dashboard → Reports → Transactions → Export → Item Details CSV',
};
