import type { PlatformProfile } from './profile.js';

/**
 * Loyverse Back Office "Receipts by item" (CSV with a BOM, dates in the account's locale). A refund is a receipt of
 * its own with the `Refund` receipt type.
 */
export const loyverse: PlatformProfile = {
  id: 'loyverse',
  name: 'Loyverse receipts by item',
  signature: ['Receipt number', 'Receipt type', 'Net sales', 'Item'],
  columns: {
    invoice: ['Receipt number'],
    date: ['Date'],
    quantity: ['Quantity'],
    lineTotal: ['Net sales'],
    product: ['SKU'],
    description: ['Item'],
    variant: ['Variant'],
    category: ['Category'],
    status: ['Status'],
    lineKind: ['Receipt type'],
  },
  customer: ['Customer name'],
  customerNames: ['Customer name'],
  amount: 'lineTotal',
  statuses: { cancelled: ['cancelled', 'canceled', 'void', 'voided'], unpaid: [], refunded: [] },
  refundLineKinds: ['refund'],
  dateOrder: 'day-first',
  exportFrom: 'Loyverse Back Office → Reports → Receipts → Export → Receipts by item, CSV',
};
