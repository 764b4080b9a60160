import type { SkipReason } from '../../ingest/types.js';
import type { ImportReport } from '../import/import-report.js';
import { escapeMarkdown, formatAmount, formatCount, listExamples } from '../format.js';
import type { Locale, Reply } from '../reply.js';

const words = {
  en: {
    title: (d: string) => `Imported into dataset **${d}**`,
    read: 'Rows read',
    imported: 'Rows imported',
    duplicates: 'Already stored (ignored)',
    skipped: 'Rows skipped',
    anonymous: 'Sales without a customer id (kept for product and country trends)',
    returns: 'Returns and cancellations (kept, flagged)',
    customers: 'Customers',
    orders: 'Orders',
    purchaseDays: (noInvoiceColumn: boolean) =>
      `one per customer per day: ${noInvoiceColumn ? 'the file has no invoice column' : 'no purchase line has an invoice number'}`,
    period: 'Period',
    revenue: 'Revenue',
    columns: 'Columns used',
    again: 'This exact file was uploaded before: nothing new was imported.',
    warnings: 'Warnings',
    recognised: (name: string, mapping: string) => `Recognised: ${name} — ${mapping}`,
    cancelled: (count: string) => `Cancelled, failed or unpaid orders left out: ${count}`,
    refunded: (count: string) => `Orders with refunds or returns (counted as returns): ${count}`,
    statusChanges: (count: string) => `Orders stored earlier whose status changed (cancelled ones taken out, refunds offset): ${count}`,
    productsUnknown: 'This export lists orders, not products: each order is one line and products are unknown.',
    mostSetAside: (names: string) => `most set aside: ${names} — to count them, upload again with \`non_product_lines: keep\``,
    file: (r: ImportReport) => `${r.format.toUpperCase()}${r.delimiter ? `, delimiter ${JSON.stringify(r.delimiter)}` : ''}${r.encoding ? `, ${r.encoding}` : ''}${r.container !== 'none' ? `, from ${r.container}` : ''}${r.sheets?.length ? `, sheets ${r.sheets.map(escapeMarkdown).join(', ')}` : ''}`,
  },
  id: {
    title: (d: string) => `Diimpor ke dataset **${d}**`,
    read: 'Baris dibaca',
    imported: 'Baris diimpor',
    duplicates: 'Sudah tersimpan (diabaikan)',
    skipped: 'Baris dilewati',
    anonymous: 'Penjualan tanpa ID pelanggan (disimpan untuk tren produk dan negara)',
    returns: 'Retur dan pembatalan (disimpan, ditandai)',
    customers: 'Pelanggan',
    orders: 'Pesanan',
    purchaseDays: (noInvoiceColumn: boolean) =>
      `satu per pelanggan per hari: ${noInvoiceColumn ? 'file tidak punya kolom invoice' : 'tidak ada baris pembelian yang bernomor invoice'}`,
    period: 'Periode',
    revenue: 'Pendapatan',
    columns: 'Kolom yang dipakai',
    again: 'File yang sama persis sudah pernah diunggah: tidak ada data baru yang diimpor.',
    warnings: 'Peringatan',
    recognised: (name: string, mapping: string) => `Dikenali: ${name} — ${mapping}`,
    cancelled: (count: string) => `Pesanan batal, gagal, atau belum dibayar yang tidak dihitung: ${count}`,
    refunded: (count: string) => `Pesanan dengan pengembalian dana atau barang (dihitung sebagai retur): ${count}`,
    statusChanges: (count: string) => `Pesanan tersimpan yang statusnya berubah (yang batal dikeluarkan, pengembalian diimbangi): ${count}`,
    productsUnknown: 'Ekspor ini berisi pesanan, bukan produk: setiap pesanan dihitung satu baris dan produknya tidak diketahui.',
    mostSetAside: (names: string) => `terbanyak: ${names} — untuk menghitungnya, unggah ulang dengan \`non_product_lines: keep\``,
    file: (r: ImportReport) => `${r.format.toUpperCase()}${r.delimiter ? `, pemisah ${JSON.stringify(r.delimiter)}` : ''}${r.encoding ? `, ${r.encoding}` : ''}${r.container !== 'none' ? `, dari ${r.container}` : ''}${r.sheets?.length ? `, sheet ${r.sheets.map(escapeMarkdown).join(', ')}` : ''}`,
  },
} as const;

/** Why rows were set aside, as every reply about a file says it (through skippedReasonLines). */
const reasonWords: Record<Locale, Record<string, string>> = {
  en: {
    unparseableDate: 'unreadable date', unparseableNumber: 'unreadable number', raggedRow: 'wrong number of cells',
    missingDate: 'no date', missingAmount: 'no amount', nonPositivePrice: 'zero or negative unit price',
    nonProductLine: 'postage, fees and other non-product lines', emptyRow: 'empty row',
    cancelledOrder: 'lines of cancelled, failed or unpaid orders',
  },
  id: {
    unparseableDate: 'tanggal tidak terbaca', unparseableNumber: 'angka tidak terbaca', raggedRow: 'jumlah sel tidak sesuai',
    missingDate: 'tanpa tanggal', missingAmount: 'tanpa nilai', nonPositivePrice: 'harga satuan nol atau negatif',
    nonProductLine: 'ongkos kirim, biaya, dan baris non-produk lain', emptyRow: 'baris kosong',
    cancelledOrder: 'baris pesanan batal, gagal, atau belum dibayar',
  },
};

/** The import report as people read it, with the structured report for --json. */
export function importReply(report: ImportReport, locale: Locale, currency?: string | null): Reply {
  const w = words[locale];
  const n = (value: number) => formatCount(value, locale);
  const money = report.currency ?? currency;
  const lines = [
    w.title(escapeMarkdown(report.dataset)) + ` — ${escapeMarkdown(report.fileName)} (${w.file(report)})`,
    ...(report.platformName !== undefined ? [w.recognised(report.platformName, recognisedMapping(report))] : []),
    ...(report.alreadyUploaded ? [`⚠️ ${w.again}`] : []),
    `${w.read}: ${n(report.rowsRead)}`,
    `${w.imported}: ${n(report.rowsImported)}`,
    ...(report.duplicatesIgnored ? [`${w.duplicates}: ${n(report.duplicatesIgnored)}`] : []),
  ];
  const skipped = Object.values(report.rowsSkipped).reduce((sum, count) => sum + (count ?? 0), 0);
  if (skipped > 0) lines.push(`${w.skipped}: ${n(skipped)}`, ...skippedReasonLines(report, locale));
  lines.push(
    `${w.anonymous}: ${n(report.anonymousRows)}`,
    `${w.returns}: ${n(report.returnRows)}`,
    ...(report.cancelledOrders > 0 ? [w.cancelled(n(report.cancelledOrders))] : []),
    ...(report.refundedOrders > 0 ? [w.refunded(n(report.refundedOrders))] : []),
    ...(report.statusChanges > 0 ? [w.statusChanges(n(report.statusChanges))] : []),
    ...(report.productsUnknown ? [w.productsUnknown] : []),
    `${w.customers}: ${n(report.customers)} · ${w.orders}: ${n(report.orders)}${report.ordersArePurchaseDays ? ` (${w.purchaseDays(report.columns.invoice === undefined)})` : ''}`,
    `${w.period}: ${report.firstDate?.replace('T', ' ') ?? '–'} → ${report.lastDate?.replace('T', ' ') ?? '–'}`,
    `${w.revenue}: ${formatAmount(report.revenue, locale, money)}`,
    `${w.columns}: ${Object.entries(report.columns).map(([field, column]) => `${field} ← ${escapeMarkdown(String(column))}`).join(', ')}`,
  );
  if (report.warnings.length) lines.push(`${w.warnings}:`, ...report.warnings.map((text) => `  • ${escapeMarkdown(text)}`));
  return { ok: true, text: lines.join('\n'), data: report };
}

/**
 * One line per reason rows were set aside, with its count and example lines; under the non-product lines, the names
 * most often set aside and how to keep them, so a user sees what was left out of spend and products.
 */
export function skippedReasonLines(
  skipped: Pick<ImportReport, 'rowsSkipped' | 'skippedExamples' | 'topNonProductLines'>,
  locale: Locale,
): string[] {
  const n = (value: number) => formatCount(value, locale);
  const lines: string[] = [];
  for (const [reason, count] of Object.entries(skipped.rowsSkipped) as [SkipReason, number | undefined][]) {
    if (count === undefined || count <= 0) continue;
    const examples = listExamples(skipped.skippedExamples[reason] ?? [], locale);
    lines.push(`  • ${reasonWords[locale][reason] ?? reason}: ${n(count)}${examples ? ` (${examples})` : ''}`);
    if (reason === 'nonProductLine' && skipped.topNonProductLines.length > 0) {
      const names = skipped.topNonProductLines.map(({ name, count: lineCount }) => `${escapeMarkdown(name)} (${n(lineCount)})`).join(', ');
      lines.push(`    ${words[locale].mostSetAside(names)}`);
    }
  }
  return lines;
}

/** "customer = Email, date = Created at, amount = Lineitem quantity × Lineitem price", as the export names them. */
export function recognisedMapping(report: Pick<ImportReport, 'columns' | 'amountRule'>): string {
  const { customer, date } = report.columns;
  return [
    ...(customer !== undefined ? [`customer = ${escapeMarkdown(customer)}`] : []),
    ...(date !== undefined ? [`date = ${escapeMarkdown(date)}`] : []),
    ...(report.amountRule !== undefined ? [`amount = ${escapeMarkdown(report.amountRule)}`] : []),
  ].join(', ');
}

/**
 * The upload's report followed by the segments it produced. A segmentation that could not run (no customer
 * ids, say) does not undo the import: its message is added as a note and the reply stays a success.
 */
export function importThenSegments(imported: Reply, segments: Reply): Reply {
  return {
    ok: true,
    text: `${imported.text}\n\n${segments.text}`,
    embeds: segments.ok ? segments.embeds : undefined,
    files: segments.ok ? segments.files : undefined,
    data: { ...(imported.data as object), segmentation: segments.data },
  };
}
