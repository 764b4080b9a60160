import { z } from 'zod';
import type { Locale } from '../src/app/reply.js';
import { defineCommand } from './command.js';

const HELP: Record<Locale, string> = {
  en: [
    '**Segmenta** segments your customers from your transaction export and tells you what to do with each group.',
    '',
    '**1. Upload** your export with `/upload file:` — CSV, TSV, XLSX, or a .zip/.gz of one (Discord allows 10 MB; zip bigger files). One row per purchase line, for example:',
    '```',
    'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Description,Country',
    '536365,17850,2010-12-01 08:26,6,2.55,WHITE HANGING HEART,United Kingdom',
    '```',
    'A customer id and a date are required; an amount or quantity × price gives the spend. Other column names are recognised (Order ID, Member_number, Order Date, Qty, Total…) or chosen with `customer_column:`, `date_column:` and friends.',
    '',
    '**2. Read** the results:',
    '• `/segments` — the segments, their value, charts and the next action for each (`lens: grid` for the R × F grid)',
    '• `/segment customer id:` — one customer: RFM, scores, segment and recommended actions (only you see it)',
    '• `/segment list name:` — a segment\'s customers as a CSV for your email tool',
    '• `/actions segment:` — the promo playbook for a segment',
    '',
    '**3. Manage** (Manage Server): `/segment run k:` (segment again, e.g. with another number of segments), `/datasets list`, `/datasets delete`, `/playbook set`, `/playbook reset`, `/settings role: language: currency:`, `/data forget customer:` (privacy requests), `/data purge`.',
  ].join('\n'),
  id: [
    '**Segmenta** menyegmentasikan pelanggan dari ekspor transaksi Anda dan menyarankan tindakan untuk setiap kelompok.',
    '',
    '**1. Unggah** ekspor dengan `/upload file:` — CSV, TSV, XLSX, atau .zip/.gz berisi salah satunya (Discord membatasi 10 MB; zip file yang lebih besar). Satu baris per item pembelian, misalnya:',
    '```',
    'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Description,Country',
    '536365,17850,2010-12-01 08:26,6,2.55,WHITE HANGING HEART,United Kingdom',
    '```',
    'ID pelanggan dan tanggal wajib ada; nilai belanja diambil dari kolom total atau jumlah × harga. Nama kolom lain dikenali (Order ID, Member_number, Order Date, Qty, Total…) atau dipilih dengan `customer_column:`, `date_column:`, dan seterusnya.',
    '',
    '**2. Baca** hasilnya:',
    '• `/segments` — segmen, nilainya, grafik, dan tindakan berikutnya (`lens: grid` untuk grid R × F)',
    '• `/segment customer id:` — satu pelanggan: RFM, skor, segmen, dan tindakan yang disarankan (hanya Anda yang melihat)',
    '• `/segment list name:` — pelanggan sebuah segmen sebagai CSV untuk alat email Anda',
    '• `/actions segment:` — playbook promo untuk sebuah segmen',
    '',
    '**3. Kelola** (Manage Server): `/segment run k:` (segmentasi ulang, mis. dengan jumlah segmen lain), `/datasets list`, `/datasets delete`, `/playbook set`, `/playbook reset`, `/settings role: language: currency:`, `/data forget customer:` (permintaan privasi), `/data purge`.',
  ].join('\n'),
};

export default defineCommand({
  path: ['help'],
  description: { en: 'What to upload and what each command does', id: 'Apa yang diunggah dan fungsi setiap perintah' },
  permission: 'everyone',
  answersPrivately: true,
  options: [],
  schema: z.object({}),
  async run(ctx) {
    return { ok: true, ephemeral: true, text: HELP[ctx.locale] };
  },
});
