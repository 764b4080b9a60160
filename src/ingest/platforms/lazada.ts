import type { PlatformProfile } from './profile.js';

/** Lazada Seller Center orders export (XLSX, camelCase headers): one row per unit sold, no quantity column. */
export const lazada: PlatformProfile = {
  id: 'lazada',
  name: 'Lazada orders export',
  signature: ['orderNumber', 'orderItemId', 'itemName'],
  columns: {
    invoice: ['orderNumber'],
    lineId: ['orderItemId'],
    date: ['createTime'],
    unitPrice: ['unitPrice'],
    lineTotal: ['paidPrice', 'unitPrice'],
    product: ['sellerSku', 'lazadaSku'],
    description: ['itemName'],
    variant: ['variation'],
    country: ['shippingCountry', 'billingCountry'],
    status: ['status'],
    lineRefund: ['refundAmount'],
    currency: ['currency'],
  },
  customer: ['customerEmail', 'customerName'],
  customerNames: ['customerName'],
  amount: 'lineTotal',
  unitRows: true,
  statuses: {
    cancelled: ['canceled', 'cancelled'],
    unpaid: ['failed', 'unpaid', 'pending'],
    refunded: ['returned', 'refunded', 'return'],
  },
  exportFrom: 'Lazada Seller Center → Orders → Export, XLSX',
};
