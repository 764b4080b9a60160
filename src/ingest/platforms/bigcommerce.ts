import type { PlatformProfile } from './profile.js';

/**
 * BigCommerce default order export: one row per order, every item packed in `Product Details`, separated by `|`.
 * When the items cannot be read, the order's subtotal stands for them.
 */
export const bigcommerce: PlatformProfile = {
  id: 'bigcommerce',
  name: 'BigCommerce orders export',
  signature: ['Order ID', 'Order Status', 'Product Details'],
  columns: {
    invoice: ['Order ID'],
    date: ['Order Date'],
    status: ['Order Status'],
    orderSubtotal: ['Subtotal (ex tax)', 'Subtotal (inc tax)'],
    currency: ['Order Currency Code'],
    packedItems: ['Product Details'],
    country: ['Billing Country', 'Shipping Country'],
  },
  customer: ['Customer Email', 'Customer ID', 'Customer Name'],
  customerNames: ['Customer Name'],
  amount: 'lineTotal',
  statuses: {
    cancelled: ['cancelled', 'canceled', 'declined'],
    unpaid: ['incomplete', 'pending', 'awaiting payment'],
    refunded: ['refunded'],
  },
  dateOrder: 'day-first',
  exportFrom: 'BigCommerce control panel → Orders → Export → Default template, CSV',
};
