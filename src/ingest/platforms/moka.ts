import type { PlatformProfile } from './profile.js';

/** Moka POS (Indonesia) transactions export, with English or Indonesian headers; date and time in two columns. */
export const moka: PlatformProfile = {
  id: 'moka',
  name: 'Moka POS transactions',
  signature: [['Receipt Number', 'Nomor Struk'], ['Items', 'Produk', 'Item'], ['Net Sales', 'Penjualan Bersih']],
  columns: {
    invoice: ['Receipt Number', 'Nomor Struk'],
    date: ['Date', 'Tanggal'],
    time: ['Time', 'Waktu'],
    quantity: ['Quantity', 'Jumlah'],
    lineTotal: ['Net Sales', 'Penjualan Bersih'],
    product: ['SKU'],
    description: ['Items', 'Produk', 'Item'],
    variant: ['Variant', 'Varian'],
    category: ['Category', 'Kategori'],
    status: ['Status'],
  },
  customer: ['Customer Name', 'Nama Pelanggan'],
  customerNames: ['Customer Name', 'Nama Pelanggan'],
  amount: 'lineTotal',
  statuses: {
    cancelled: ['cancelled', 'canceled', 'void', 'voided', 'dibatalkan', 'batal'],
    unpaid: ['unpaid', 'belum dibayar'],
    refunded: ['refunded', 'refund', 'dikembalikan'],
  },
  currency: 'IDR',
  dateOrder: 'day-first',
  exportFrom: 'Moka Back Office → Reports → Transactions → Export',
};
