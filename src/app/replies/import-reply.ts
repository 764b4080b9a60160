import type { ImportReport } from '../import-report.js';
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
    invoices: 'Invoices',
    period: 'Period',
    revenue: 'Revenue',
    columns: 'Columns used',
    again: 'This exact file was uploaded before: nothing new was imported.',
    warnings: 'Warnings',
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
    invoices: 'Invoice',
    period: 'Periode',
    revenue: 'Pendapatan',
    columns: 'Kolom yang dipakai',
    again: 'File yang sama persis sudah pernah diunggah: tidak ada data baru yang diimpor.',
    warnings: 'Peringatan',
    file: (r: ImportReport) => `${r.format.toUpperCase()}${r.delimiter ? `, pemisah ${JSON.stringify(r.delimiter)}` : ''}${r.encoding ? `, ${r.encoding}` : ''}${r.container !== 'none' ? `, dari ${r.container}` : ''}${r.sheets?.length ? `, sheet ${r.sheets.map(escapeMarkdown).join(', ')}` : ''}`,
  },
} as const;

const reasonWords: Record<Locale, Record<string, string>> = {
  en: {
    unparseableDate: 'unreadable date', unparseableNumber: 'unreadable number', raggedRow: 'wrong number of cells',
    missingDate: 'no date', missingAmount: 'no amount', nonPositivePrice: 'zero or negative unit price',
    nonProductLine: 'postage, fees and other non-product lines', emptyRow: 'empty row',
  },
  id: {
    unparseableDate: 'tanggal tidak terbaca', unparseableNumber: 'angka tidak terbaca', raggedRow: 'jumlah sel tidak sesuai',
    missingDate: 'tanpa tanggal', missingAmount: 'tanpa nilai', nonPositivePrice: 'harga satuan nol atau negatif',
    nonProductLine: 'ongkos kirim, biaya, dan baris non-produk lain', emptyRow: 'baris kosong',
  },
};

/** The import report as people read it, with the structured report for --json. */
export function importReply(report: ImportReport, locale: Locale, currency?: string | null): Reply {
  const w = words[locale];
  const n = (value: number) => formatCount(value, locale);
  const lines = [
    w.title(escapeMarkdown(report.dataset)) + ` — ${escapeMarkdown(report.fileName)} (${w.file(report)})`,
    ...(report.alreadyUploaded ? [`⚠️ ${w.again}`] : []),
    `${w.read}: ${n(report.rowsRead)}`,
    `${w.imported}: ${n(report.rowsImported)}`,
    ...(report.duplicatesIgnored ? [`${w.duplicates}: ${n(report.duplicatesIgnored)}`] : []),
  ];
  const skipped = Object.entries(report.rowsSkipped).filter(([, count]) => count && count > 0);
  if (skipped.length) {
    lines.push(`${w.skipped}: ${n(skipped.reduce((sum, [, c]) => sum + (c ?? 0), 0))}`);
    for (const [reason, count] of skipped) {
      const examples = listExamples(report.skippedExamples[reason as keyof typeof report.skippedExamples] ?? [], locale);
      lines.push(`  • ${reasonWords[locale][reason] ?? reason}: ${n(count ?? 0)}${examples ? ` (${examples})` : ''}`);
    }
  }
  lines.push(
    `${w.anonymous}: ${n(report.anonymousRows)}`,
    `${w.returns}: ${n(report.returnRows)}`,
    `${w.customers}: ${n(report.customers)} · ${w.invoices}: ${n(report.invoices)}`,
    `${w.period}: ${report.firstDate?.replace('T', ' ') ?? '–'} → ${report.lastDate?.replace('T', ' ') ?? '–'}`,
    `${w.revenue}: ${formatAmount(report.revenue, locale, currency)}`,
    `${w.columns}: ${Object.entries(report.columns).map(([field, column]) => `${field} ← ${escapeMarkdown(String(column))}`).join(', ')}`,
  );
  if (report.warnings.length) lines.push(`${w.warnings}:`, ...report.warnings.map((text) => `  • ${escapeMarkdown(text)}`));
  return { ok: true, text: lines.join('\n'), data: report };
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
