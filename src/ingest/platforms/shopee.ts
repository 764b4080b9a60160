import type { PlatformProfile } from './profile.js';

/**
 * Shopee Seller Centre "Pesanan Saya" export (XLSX, 45-51 columns by year; Indonesian or English UI). Money is text
 * with dot thousands (`28.500`).
 */
export const shopee: PlatformProfile = {
  id: 'shopee',
  name: 'Shopee orders export (Pesanan Saya)',
  signature: [
    ['No. Pesanan', 'Order ID'],
    ['Status Pesanan', 'Order Status'],
    ['Waktu Pesanan Dibuat', 'Order Creation Date'],
    ['Total Harga Produk', 'Product Subtotal'],
  ],
  columns: {
    invoice: ['No. Pesanan', 'Order ID'],
    date: ['Waktu Pesanan Dibuat', 'Order Creation Date'],
    quantity: ['Jumlah', 'Quantity'],
    unitPrice: ['Harga Setelah Diskon', 'Deal Price'],
    lineTotal: ['Total Harga Produk', 'Product Subtotal'],
    product: ['Nomor Referensi SKU', 'SKU Reference No.', 'SKU Induk', 'Parent SKU Reference No.'],
    description: ['Nama Produk', 'Product Name'],
    variant: ['Nama Variasi', 'Variation Name'],
    status: ['Status Pesanan', 'Order Status'],
    returnedQuantity: ['Returned quantity', 'Jumlah Dikembalikan'],
  },
  customer: ['Username (Pembeli)', 'Username (Buyer)'],
  amount: 'lineTotal',
  statuses: {
    cancelled: ['batal', 'dibatalkan', 'cancelled', 'canceled'],
    unpaid: ['belum bayar', 'unpaid'],
    refunded: ['pengembalian barang/dana', 'pengembalian', 'return/refund', 'refunded'],
  },
  currency: 'IDR',
  exportFrom: 'Shopee Seller Centre → Pesanan Saya → Export, XLSX',
};
