import type { PlatformProfile } from './profile.js';

/** Etsy "Sold Order Items": one row per item, sale dates month first with a two-digit year (`08/14/24`). */
export const etsy: PlatformProfile = {
  id: 'etsy',
  name: 'Etsy sold order items',
  signature: ['Sale Date', 'Item Name', 'Buyer', 'Item Total'],
  columns: {
    invoice: ['Order ID'],
    lineId: ['Transaction ID'],
    date: ['Sale Date'],
    quantity: ['Quantity'],
    unitPrice: ['Price'],
    lineTotal: ['Item Total'],
    product: ['SKU'],
    description: ['Item Name'],
    variant: ['Variations'],
    country: ['Ship Country'],
    currency: ['Currency'],
  },
  customer: ['Buyer'],
  amount: 'lineTotal',
  dateOrder: 'month-first',
  exportFrom: 'Etsy Shop Manager → Settings → Options → Download Data → Orders → Order Items, CSV',
};
