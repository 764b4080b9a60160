import type { PlatformProfile } from './profile.js';

/**
 * Shopify admin → Orders → Export: one row per line item, 79 columns. The order's email, status, dates and totals
 * are written on its first line only.
 */
export const shopify: PlatformProfile = {
  id: 'shopify',
  name: 'Shopify orders export',
  signature: ['Name', 'Financial Status', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'],
  columns: {
    invoice: ['Name'],
    date: ['Created at'],
    quantity: ['Lineitem quantity'],
    unitPrice: ['Lineitem price'],
    lineDiscount: ['Lineitem discount'],
    product: ['Lineitem sku'],
    description: ['Lineitem name'],
    country: ['Billing Country', 'Shipping Country'],
    status: ['Financial Status'],
    cancelledAt: ['Cancelled at'],
    orderRefund: ['Refunded Amount'],
    currency: ['Currency'],
  },
  customer: ['Email'],
  amount: 'unitPrice',
  orderFieldsOnFirstLine: true,
  statuses: { cancelled: ['voided'], unpaid: ['pending', 'expired'], refunded: ['refunded'] },
  exportFrom: 'Shopify admin → Orders → Export → All orders, CSV',
};
