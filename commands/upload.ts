import { z } from 'zod';
import { runImportThenSegmentInWorker } from '../src/app/run-import.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { importReply, importThenSegments } from '../src/app/replies/import-reply.js';
import { segmentsOverview } from '../src/app/segments-overview.js';
import { defineCommand } from './command.js';
import { datasetName, fileInput, optionalText } from './schemas.js';

/** Drops options the user did not give, so they do not override the automatic mapping. */
const withoutEmpty = <T extends Record<string, string | undefined>>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<Record<keyof T, string>>;

const columnOption = (name: string, en: string, id: string) =>
  ({ name, type: 'string', description: { en, id } }) as const;

export default defineCommand({
  path: ['upload'],
  description: {
    en: 'Upload a transaction export (CSV, TSV, XLSX, .gz or .zip) and segment its customers',
    id: 'Unggah ekspor transaksi (CSV, TSV, XLSX, .gz atau .zip) dan segmentasikan pelanggannya',
  },
  permission: 'manage',
  options: [
    { name: 'file', type: 'attachment', required: true, positional: true, description: { en: 'The export file', id: 'File ekspor' } },
    { name: 'dataset', type: 'string', description: { en: 'Dataset name (default: the file name)', id: 'Nama dataset (bawaan: nama file)' } },
    {
      name: 'mode', type: 'string', choices: ['append', 'replace'],
      choiceLabels: {
        append: { en: 'Append: add the new rows', id: 'Tambah: tambahkan baris baru' },
        replace: { en: 'Replace: this file becomes the dataset', id: 'Ganti: file ini menjadi datasetnya' },
      },
      description: { en: 'append (default) adds new rows; replace swaps the dataset', id: 'append (bawaan) menambah baris baru; replace mengganti dataset' },
    },
    columnOption('customer_column', 'Column that identifies the customer', 'Kolom yang mengidentifikasi pelanggan'),
    columnOption('date_column', 'Column with the purchase date', 'Kolom tanggal pembelian'),
    columnOption('amount_column', 'Column with the line total', 'Kolom total per baris'),
    columnOption('quantity_column', 'Column with the quantity', 'Kolom jumlah barang'),
    columnOption('price_column', 'Column with the unit price', 'Kolom harga satuan'),
    columnOption('invoice_column', 'Column with the invoice or order id', 'Kolom nomor invoice atau pesanan'),
    columnOption('product_column', 'Column with the product code or name', 'Kolom kode atau nama produk'),
    columnOption('country_column', 'Column with the country or region', 'Kolom negara atau wilayah'),
    {
      name: 'date_order', type: 'string', choices: ['auto', 'day-first', 'month-first'],
      description: { en: 'How to read dates like 03/04/2024', id: 'Cara membaca tanggal seperti 03/04/2024' },
    },
    { name: 'decimal', type: 'string', choices: ['auto', 'dot', 'comma'], description: { en: 'Decimal mark in numbers', id: 'Tanda desimal pada angka' } },
    { name: 'sheet', type: 'string', description: { en: 'Workbook sheet to read (XLSX)', id: 'Sheet yang dibaca (XLSX)' } },
    {
      name: 'non_product_lines', type: 'string', choices: ['skip', 'keep'],
      description: { en: 'Postage and fee lines: skip (default) or keep them in spend', id: 'Baris ongkir dan biaya: skip (bawaan) atau keep dalam belanja' },
    },
  ],
  schema: z.object({
    file: fileInput,
    dataset: datasetName,
    mode: z.enum(['append', 'replace']).default('append'),
    customer_column: optionalText,
    date_column: optionalText,
    amount_column: optionalText,
    quantity_column: optionalText,
    price_column: optionalText,
    invoice_column: optionalText,
    product_column: optionalText,
    country_column: optionalText,
    date_order: z.enum(['auto', 'day-first', 'month-first']).default('auto'),
    decimal: z.enum(['auto', 'dot', 'comma']).default('auto'),
    sheet: optionalText,
    non_product_lines: z.enum(['skip', 'keep']).default('skip'),
  }),
  async run(ctx, input) {
    // Every upload is followed by a fresh segmentation, so the reply can show the new segments at once.
    const done = await runImportThenSegmentInWorker(
      ctx.app.databasePath,
      {
        guildId: ctx.guildId,
        userId: ctx.userId,
        fileName: input.file.fileName,
        bytes: input.file.bytes,
        dataset: input.dataset,
        mode: input.mode,
        ingest: {
          columns: withoutEmpty({
            customer: input.customer_column,
            date: input.date_column,
            amount: input.amount_column,
            quantity: input.quantity_column,
            unitPrice: input.price_column,
            invoice: input.invoice_column,
            product: input.product_column,
            country: input.country_column,
          }),
          dateOrder: input.date_order,
          decimal: input.decimal,
          sheet: input.sheet,
          nonProductLines: input.non_product_lines,
          limits: ctx.app.limits,
        },
      },
      { convention: 'net', now: ctx.app.now() },
      ctx.progress,
    );
    if (!done.ok) return failureReply(done.upload.code, done.upload.details, ctx.locale);
    const { upload: outcome, segmentation: segmented } = done;
    const imported = importReply(outcome.report, ctx.locale, ctx.currency);
    const overview = segmented.ok
      ? await segmentsOverview(ctx.app, ctx.guildId, outcome.report.dataset, 'clusters', ctx.locale, ctx.currency)
      : failureReply(segmented.code, segmented.details, ctx.locale);
    return importThenSegments(imported, overview);
  },
});
