import type { PlatformProfile } from './profile.js';

/** Stripe Dashboard → Payments → Export: one row per payment, no products. */
export const stripe: PlatformProfile = {
  id: 'stripe',
  name: 'Stripe payments export',
  signature: ['id', ['Created (UTC)', 'Created date (UTC)'], 'Amount', 'Amount Refunded', 'Status'],
  columns: {
    invoice: ['id'],
    date: ['Created (UTC)', 'Created date (UTC)'],
    orderSubtotal: ['Amount'],
    orderRefund: ['Amount Refunded'],
    currency: ['Currency'],
    status: ['Status'],
    description: ['Description'],
  },
  customer: ['Customer Email', 'Customer ID'],
  amount: 'orderSubtotal',
  statuses: {
    cancelled: ['canceled', 'cancelled'],
    unpaid: ['failed', 'incomplete', 'requires payment method', 'pending', 'uncaptured'],
    refunded: ['refunded'],
  },
  exportFrom: 'Stripe Dashboard → Payments → Export, CSV',
};
