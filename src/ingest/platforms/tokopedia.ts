import type { PlatformProfile } from './profile.js';

/**
 * Tokopedia Seller "Laporan Penjualan" (XLSX): a title, the shop and the period above the header. The buyer is known
 * by name only.
 */
export const tokopedia: PlatformProfile = {
  id: 'tokopedia',
  name: 'Tokopedia sales report (Laporan Penjualan)',
  signature: ['Nomor Invoice', 'Status Terakhir', ['Jumlah Produk Dibeli', 'Nama Produk']],
  columns: {
    invoice: ['Nomor Invoice'],
    date: ['Tanggal Pembayaran', 'Waktu Pembayaran', 'Tanggal Pesanan'],
    quantity: ['Jumlah Produk Dibeli', 'Jumlah'],
    unitPrice: ['Harga Jual (IDR)', 'Harga Jual'],
    product: ['Nomor SKU', 'SKU'],
    description: ['Nama Produk'],
    variant: ['Nama Variasi', 'Tipe Produk'],
    status: ['Status Terakhir'],
  },
  customer: ['Nama Pembeli'],
  customerNames: ['Nama Pembeli'],
  amount: 'unitPrice',
  statuses: {
    cancelled: ['dibatalkan', 'pesanan dibatalkan', 'dibatalkan pembeli', 'dibatalkan penjual', 'dibatalkan sistem'],
    unpaid: ['menunggu pembayaran', 'belum dibayar'],
    refunded: ['dikembalikan', 'pengembalian dana', 'dana dikembalikan'],
  },
  currency: 'IDR',
  dateOrder: 'day-first',
  exportFrom: 'Tokopedia Seller → Penjualan → Download Laporan Penjualan, XLSX',
};
