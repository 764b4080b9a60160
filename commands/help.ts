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
    'A customer id and a date are required; an amount or quantity × price gives the spend. Other column names are recognised (Order ID, Member_number, Order Date, Qty, Total…) or chosen with `customer_column:`, `date_column:` and friends; a file without a header row with `header: none columns: customer,date,amount`.',
    'Shop exports are read as they come, no options needed: Shopify, WooCommerce, Shopee, Tokopedia, Lazada, TikTok Shop, Square, Stripe, Loyverse, Moka, Etsy, BigCommerce, Magento. Revenue is the line totals of orders not cancelled; shipping, tax, vouchers and fees are not product revenue; cancelled, failed and unpaid orders are left out and counted; refunds and returns are subtracted.',
    'Postage, shipping, fee, discount and voucher lines are set aside and listed; `non_product_lines: keep` counts them in spend.',
    '',
    '**2. Read** the results:',
    '• `/segments` — the segments, their value, charts and the next action for each (`lens: grid` for the R × F grid)',
    '• `/segment customer id:` — one customer: RFM, scores, segment and recommended actions (only you see it)',
    '• `/segment list name:` — a segment\'s customers as a CSV for your email tool',
    '• `/actions segment:` — the promo playbook for a segment',
    '',
    '**3. Manage** (Manage Server): `/inspect file:` or `/upload dry_run:True` (how a file would be read, storing nothing), `/segment run k:` (segment again, e.g. with another number of segments), `/datasets list`, `/datasets delete`, `/playbook set`, `/playbook reset`, `/settings role: language: currency:`, `/data forget customer:` (privacy requests), `/data purge`.',
  ].join('\n'),
  id: [
    '**Segmenta** menyegmentasikan pelanggan dari ekspor transaksi Anda dan menyarankan tindakan untuk setiap kelompok.',
    '',
    '**1. Unggah** ekspor dengan `/upload file:` — CSV, TSV, XLSX, atau .zip/.gz berisi salah satunya (Discord membatasi 10 MB; zip file yang lebih besar). Satu baris per item pembelian, misalnya:',
    '```',
    'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice,Description,Country',
    '536365,17850,2010-12-01 08:26,6,2.55,WHITE HANGING HEART,United Kingdom',
    '```',
    'ID pelanggan dan tanggal wajib ada; nilai belanja diambil dari kolom total atau jumlah × harga. Nama kolom lain dikenali (Order ID, Member_number, Order Date, Qty, Total…) atau dipilih dengan `customer_column:`, `date_column:`, dan seterusnya; file tanpa baris judul dengan `header: none columns: customer,date,amount`.',
    'Ekspor toko dibaca apa adanya, tanpa opsi: Shopify, WooCommerce, Shopee, Tokopedia, Lazada, TikTok Shop, Square, Stripe, Loyverse, Moka, Etsy, BigCommerce, Magento. Pendapatan adalah total baris dari pesanan yang tidak batal; ongkir, pajak, voucher, dan biaya bukan pendapatan produk; pesanan batal, gagal, dan belum dibayar tidak dihitung (jumlahnya dilaporkan); pengembalian dana dan barang dikurangkan.',
    'Ongkir, biaya, diskon, voucher dilewati (`non_product_lines: keep`).',
    '',
    '**2. Baca** hasilnya:',
    '• `/segments` — segmen, nilainya, grafik, dan tindakan berikutnya (`lens: grid` untuk grid R × F)',
    '• `/segment customer id:` — satu pelanggan: RFM, skor, segmen, dan tindakan yang disarankan (hanya Anda yang melihat)',
    '• `/segment list name:` — pelanggan sebuah segmen sebagai CSV untuk alat email Anda',
    '• `/actions segment:` — playbook promo untuk sebuah segmen',
    '',
    '**3. Kelola** (Manage Server): `/inspect file:` atau `/upload dry_run:True` (cara file dibaca, tanpa menyimpan), `/segment run k:` (segmentasi ulang, mis. dengan jumlah segmen lain), `/datasets list`, `/datasets delete`, `/playbook set`, `/playbook reset`, `/settings role: language: currency:`, `/data forget customer:` (permintaan privasi), `/data purge`.',
  ].join('\n'),
};

/** How segments are named, in an embed of its own: the message text is held to Discord's 2,000 characters. */
const NAMING: Record<Locale, { title: string; description: string }> = {
  en: {
    title: 'How segments are named',
    description: [
      "• Each cluster is named from its typical customer compared with your median customer, and with your shop's own rhythm: the median days between a repeat customer's orders (the gap). A cluster silent for more than 3 gaps (more than a year when fewer than 10% of customers, or fewer than 30, ever came back) is lapsed and can only be At Risk, Can't Lose Them or Hibernating, never an active name such as About To Sleep; one silent for at most 1 gap is never called lapsed; New Customers placed their first order within 1 gap.",
      '• Customers whose net spend is 0 or less (they returned everything) are left out of the clusters and shown as their own group, **Returned everything**, whose playbook is a service follow-up rather than a win-back offer; the R × F grid keeps them where their recency and orders put them.',
    ].join('\n'),
  },
  id: {
    title: 'Cara segmen diberi nama',
    description: [
      '• Setiap klaster dinamai dari pelanggan tipikalnya dibandingkan dengan pelanggan median Anda, dan dengan ritme toko Anda sendiri: median jumlah hari antar pesanan pelanggan yang kembali (jeda). Klaster yang tidak belanja lebih dari 3 jeda (lebih dari setahun bila kurang dari 10% pelanggan, atau kurang dari 30, pernah kembali) dianggap sudah berhenti dan hanya bisa bernama At Risk, Can\'t Lose Them, atau Hibernating, tidak pernah nama aktif seperti About To Sleep; klaster yang tidak belanja paling lama 1 jeda tidak pernah disebut berhenti; New Customers memesan pertama kali dalam 1 jeda terakhir.',
      '• Pelanggan dengan belanja bersih 0 atau kurang (mengembalikan semua yang dibeli) tidak dimasukkan ke klaster dan ditampilkan sebagai kelompok sendiri, **Mengembalikan semua**, dengan playbook tindak lanjut layanan, bukan penawaran win-back; grid R × F tetap menempatkan mereka sesuai recency dan jumlah pesanan.',
    ].join('\n'),
  },
};

/** Comparing runs and the weekly digest, in an embed of its own for the same reason. */
const DIGEST: Record<Locale, { title: string; description: string }> = {
  en: {
    title: 'Comparing runs and the weekly digest',
    description: [
      "• Each upload segments the dataset again. A new run keeps the previous run's number of segments unless another number fits clearly better, starts from its clusters, and keeps a segment's name when it still fits, so \"moved from Loyal Customers to At Risk\" means what it says.",
      '• `/segment runs` lists the stored runs; `/segment compare from: to:` shows who moved between two runs (by default the two newest), with a flow chart.',
      '• Manage Server: `/digest set channel: day: time: timezone:` (the zone of `/settings timezone:` unless given, else Asia/Jakarta) posts every week, in that channel, what moved, the valuable customers slipping away, new customers, revenue per week and the three things to do this week. `/digest preview` shows it to you now, `/digest now` posts it now, `/digest status`, `/digest off`, and `/digest alert metric: threshold:` for an alert after an upload.',
    ].join('\n'),
  },
  id: {
    title: 'Membandingkan run dan ringkasan mingguan',
    description: [
      '• Setiap unggahan menyegmentasikan ulang dataset. Run baru mempertahankan jumlah segmen run sebelumnya kecuali jumlah lain jelas lebih cocok, mulai dari klaster sebelumnya, dan mempertahankan nama segmen selama masih cocok, sehingga "pindah dari Loyal Customers ke At Risk" berarti persis itu.',
      '• `/segment runs` menampilkan run yang tersimpan; `/segment compare from: to:` menunjukkan siapa yang berpindah di antara dua run (bawaan: dua run terbaru), dengan diagram alur.',
      '• Manage Server: `/digest set channel: day: time: timezone:` (zona `/settings timezone:` bila tidak diisi, atau Asia/Jakarta) mengirim setiap minggu, di saluran itu, siapa yang berpindah, pelanggan bernilai yang mulai pergi, pelanggan baru, pendapatan per minggu, dan tiga tindakan minggu ini. `/digest preview` menampilkannya untuk Anda sekarang, `/digest now` mengirimnya sekarang, `/digest status`, `/digest off`, dan `/digest alert metric: threshold:` untuk peringatan setelah unggahan.',
    ].join('\n'),
  },
};

export default defineCommand({
  path: ['help'],
  description: { en: 'What to upload and what each command does', id: 'Apa yang diunggah dan fungsi setiap perintah' },
  permission: 'everyone',
  answersPrivately: true,
  options: [],
  schema: z.object({}),
  async run(ctx) {
    return { ok: true, ephemeral: true, text: HELP[ctx.locale], embeds: [NAMING[ctx.locale], DIGEST[ctx.locale]] };
  },
});
