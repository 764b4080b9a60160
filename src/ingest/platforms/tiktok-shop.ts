import type { PlatformProfile } from './profile.js';

/**
 * TikTok Shop Seller Center "All order" export (CSV, 63 columns; statuses in English or Indonesian). The row under
 * the header describes each column; ids and times end with a tab so spreadsheets keep them as text.
 */
export const tiktokShop: PlatformProfile = {
  id: 'tiktok-shop',
  name: 'TikTok Shop orders export (All order)',
  signature: ['Order ID', 'Order Status', 'SKU Subtotal After Discount', 'Created Time'],
  columns: {
    invoice: ['Order ID'],
    date: ['Created Time'],
    quantity: ['Quantity'],
    unitPrice: ['SKU Unit Original Price'],
    lineTotal: ['SKU Subtotal After Discount'],
    product: ['Seller SKU', 'SKU ID'],
    description: ['Product Name'],
    variant: ['Variation'],
    country: ['Country'],
    category: ['Product Category'],
    status: ['Order Status'],
    returnedQuantity: ['Sku Quantity of return'],
  },
  customer: ['Buyer Username'],
  amount: 'lineTotal',
  descriptionRow: true,
  statuses: {
    cancelled: ['cancelled', 'canceled', 'dibatalkan'],
    unpaid: ['unpaid', 'belum dibayar', 'awaiting payment', 'menunggu pembayaran'],
    refunded: [],
  },
  dateOrder: 'day-first',
  exportFrom: 'TikTok Shop Seller Center → Orders → Manage orders → Export → All order, CSV',
};
