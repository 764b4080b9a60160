import type { Inspection, PreviewRow } from '../import/inspect-upload.js';
import { escapeMarkdown, formatAmount, formatCount, formatCounted, formatQuantity } from '../format.js';
import type { Locale, Reply } from '../reply.js';
import { recognisedMapping, skippedReasonLines } from './import-reply.js';

const words = {
  en: {
    title: (file: string, how: string) => `Dry run of **${file}** (${how})`,
    delimiter: 'delimiter',
    from: 'from',
    sheets: 'sheets',
    recognised: (name: string, mapping: string) => `Recognised: ${name} — ${mapping}`,
    unrecognised: (mapping: string) => `No platform layout recognised; columns matched by name: ${mapping}`,
    columns: 'Columns used',
    counts: (read: string, kept: string) => `Rows read: ${read} · Lines that would be stored: ${kept}`,
    firstRows: (count: number, text: string) =>
      `${count === 1 ? 'The first line as it would be stored' : `First ${text} lines as they would be stored`} (date · order · customer · product · quantity · amount):`,
    noRows: 'No line would be stored.',
    anonymous: '(no customer id)',
    setAside: (count: string) => `Would be set aside: ${count}`,
    cancelledOrder: { one: 'cancelled or unpaid order', other: 'cancelled or unpaid orders' },
    cancelled: (orders: string) => `${orders} left out`,
    refunded: (count: string) => `Orders with refunds or returns (counted as returns): ${count}`,
    anonymousRows: (count: string) => `Sales without a customer id (kept for product and country trends): ${count}`,
    returnRows: (count: string) => `Returns and cancellations (kept, flagged): ${count}`,
    productsUnknown: 'This export lists orders, not products: each order is one line and products are unknown.',
    warnings: 'Warnings',
    nothingStored: 'Nothing was stored (dry run).',
  },
  id: {
    title: (file: string, how: string) => `Uji coba **${file}** (${how})`,
    delimiter: 'pemisah',
    from: 'dari',
    sheets: 'sheet',
    recognised: (name: string, mapping: string) => `Dikenali: ${name} — ${mapping}`,
    unrecognised: (mapping: string) => `Tidak ada format platform yang dikenali; kolom dicocokkan menurut nama: ${mapping}`,
    columns: 'Kolom yang dipakai',
    counts: (read: string, kept: string) => `Baris dibaca: ${read} · Baris yang akan disimpan: ${kept}`,
    firstRows: (_count: number, text: string) => `${text} baris pertama seperti yang akan disimpan (tanggal · pesanan · pelanggan · produk · jumlah · nilai):`,
    noRows: 'Tidak ada baris yang akan disimpan.',
    anonymous: '(tanpa ID pelanggan)',
    setAside: (count: string) => `Akan disisihkan: ${count}`,
    cancelledOrder: { other: 'pesanan batal atau belum dibayar' },
    cancelled: (orders: string) => `${orders} tidak dihitung`,
    refunded: (count: string) => `Pesanan dengan pengembalian dana atau barang (dihitung sebagai retur): ${count}`,
    anonymousRows: (count: string) => `Penjualan tanpa ID pelanggan (disimpan untuk tren produk dan negara): ${count}`,
    returnRows: (count: string) => `Retur dan pembatalan (disimpan, ditandai): ${count}`,
    productsUnknown: 'Ekspor ini berisi pesanan, bukan produk: setiap pesanan dihitung satu baris dan produknya tidak diketahui.',
    warnings: 'Peringatan',
    nothingStored: 'Tidak ada yang disimpan (uji coba).',
  },
} as const;

/** Characters of a cell shown in the preview: a whole product description would push the rest past Discord's 2,000. */
const CELL_LIMIT = 40;
/** Warnings shown; --json has them all. */
const WARNING_LIMIT = 5;

/** A cell of user text, shortened and escaped (shortened first, so an escape is never cut in half). */
function cell(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '–';
  return escapeMarkdown(text.length <= CELL_LIMIT ? text : `${text.slice(0, CELL_LIMIT - 1)}…`);
}

/**
 * What an upload of a file would store, as people read it: the platform and mapping, the first lines, what would be
 * set aside and why, and that nothing was stored; the inspection itself for --json.
 */
export function inspectReply(inspection: Inspection, locale: Locale): Reply {
  const w = words[locale];
  const n = (value: number) => formatCount(value, locale);
  const mapping = Object.entries(inspection.columns).map(([field, column]) => `${field} ← ${escapeMarkdown(String(column))}`).join(', ');
  const lines = [
    w.title(escapeMarkdown(inspection.fileName), fileLayout(inspection, locale)),
    ...(inspection.platformName !== undefined
      ? [w.recognised(escapeMarkdown(inspection.platformName), recognisedMapping(inspection)), `${w.columns}: ${mapping}`]
      : [w.unrecognised(mapping)]),
    ...(inspection.productsUnknown ? [w.productsUnknown] : []),
    w.counts(n(inspection.rowsRead), n(inspection.rowsKept)),
    ...(inspection.firstRows.length > 0
      ? [w.firstRows(inspection.firstRows.length, n(inspection.firstRows.length)), ...inspection.firstRows.map((row) => `  • ${previewLine(row, inspection.currency, locale)}`)]
      : [w.noRows]),
    ...setAside(inspection, locale),
    ...(inspection.refundedOrders > 0 ? [w.refunded(n(inspection.refundedOrders))] : []),
    ...(inspection.anonymousRows > 0 ? [w.anonymousRows(n(inspection.anonymousRows))] : []),
    ...(inspection.returnRows > 0 ? [w.returnRows(n(inspection.returnRows))] : []),
  ];
  if (inspection.warnings.length) {
    lines.push(`${w.warnings}:`, ...inspection.warnings.slice(0, WARNING_LIMIT).map((text) => `  • ${escapeMarkdown(text)}`));
    if (inspection.warnings.length > WARNING_LIMIT) lines.push('  • …');
  }
  lines.push(w.nothingStored);
  return { ok: true, text: lines.join('\n'), data: inspection };
}

/** `CSV, delimiter ",", utf-8, from zip`. */
function fileLayout(inspection: Inspection, locale: Locale): string {
  const w = words[locale];
  return [
    inspection.format.toUpperCase(),
    ...(inspection.delimiter ? [`${w.delimiter} ${JSON.stringify(inspection.delimiter)}`] : []),
    ...(inspection.encoding ? [inspection.encoding] : []),
    ...(inspection.container !== 'none' ? [`${w.from} ${inspection.container}`] : []),
    ...(inspection.sheets?.length ? [`${w.sheets} ${inspection.sheets.map(escapeMarkdown).join(', ')}`] : []),
  ].join(', ');
}

/** `2024-01-03 11:13:59 · #1001 · oki@example.com · STK-PACK Sticker Pack · 2 · US$9.50`. */
function previewLine(row: PreviewRow, currency: string | null, locale: Locale): string {
  const product = [...new Set([row.product, row.description])].filter((text): text is string => text !== null && text !== '');
  return [
    row.date.replace('T', ' '),
    cell(row.invoice),
    row.customerId === null ? words[locale].anonymous : cell(row.customerId),
    product.length > 0 ? product.map(cell).join(' ') : '–',
    row.quantity === null ? '–' : formatQuantity(row.quantity, locale),
    formatAmount(row.amount, locale, currency),
  ].join(' · ');
}

/** The reasons rows would be set aside, with example line numbers, and the orders left out as cancelled. */
function setAside(inspection: Inspection, locale: Locale): string[] {
  const w = words[locale];
  const n = (value: number) => formatCount(value, locale);
  const skipped = Object.values(inspection.rowsSkipped).reduce((sum, count) => sum + (count ?? 0), 0);
  const lines: string[] = [];
  if (skipped > 0) lines.push(w.setAside(n(skipped)), ...skippedReasonLines(inspection, locale));
  if (inspection.cancelledOrders > 0) lines.push(w.cancelled(formatCounted(inspection.cancelledOrders, w.cancelledOrder, locale)));
  return lines;
}
