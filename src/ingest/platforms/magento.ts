import type { PlatformProfile } from './profile.js';

/** Magento 2 order grid (Sales → Orders → Export CSV): one row per order, its grand total, no products. */
export const magento: PlatformProfile = {
  id: 'magento',
  name: 'Magento order grid',
  signature: ['ID', 'Purchase Date', 'Bill-to Name', ['Grand Total (Purchased)', 'Grand Total (Base)']],
  columns: {
    invoice: ['ID'],
    date: ['Purchase Date'],
    orderSubtotal: ['Grand Total (Purchased)', 'Grand Total (Base)'],
    orderRefund: ['Total Refunded'],
    status: ['Status'],
  },
  customer: ['Customer Email', 'Bill-to Name'],
  customerNames: ['Bill-to Name'],
  amount: 'orderSubtotal',
  statuses: { cancelled: ['canceled', 'cancelled'], unpaid: ['pending', 'pending payment'], refunded: ['closed'] },
  exportFrom: 'Magento admin → Sales → Orders → Export → CSV',
};
