import type { PlatformProfile } from './profile.js';

/**
 * WooCommerce with the Advanced Order Export plugin, default fields: one row per item, the order's fields repeated
 * on each. `Quantity (- Refund)` is already net of refunded items, so a refunded order brings no return lines.
 */
export const woocommerce: PlatformProfile = {
  id: 'woocommerce',
  name: 'WooCommerce order export',
  signature: ['Order Number', 'Order Status', 'Order Date', ['Item Name', 'Item #']],
  columns: {
    invoice: ['Order Number'],
    date: ['Order Date'],
    quantity: ['Quantity (- Refund)', 'Quantity'],
    unitPrice: ['Item Cost'],
    product: ['SKU'],
    description: ['Item Name'],
    country: ['Country Code (Billing)', 'Country Code (Shipping)'],
    status: ['Order Status'],
    lineId: ['Item #'],
    currency: ['Order Currency', 'Currency'],
  },
  customer: ['Email (Billing)', 'Customer Email'],
  amount: 'unitPrice',
  statuses: {
    cancelled: ['cancelled', 'trash'],
    unpaid: ['failed', 'pending payment', 'pending', 'draft', 'checkout draft'],
    refunded: [],
  },
  exportFrom: 'WordPress → WooCommerce → Export Orders (Advanced Order Export), CSV',
};
