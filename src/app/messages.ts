import { HEADERLESS_NAMES } from '../ingest/columns.js';
import { escapeMarkdown } from './format.js';
import type { UploadFailureCode } from './import/import-upload.js';
import type { Locale } from './reply.js';

export type FailureCode =
  | UploadFailureCode
  | 'dataset_not_found'
  | 'invalid_input'
  | 'no_datasets'
  | 'no_segmentation'
  | 'no_customers'
  | 'segmentation_failed'
  | 'customer_not_found'
  | 'segment_not_found'
  | 'run_not_found'
  | 'no_earlier_run'
  | 'invalid_date'
  | 'invalid_actions';

type Details = Record<string, unknown>;
type Template = (d: Details) => string;

// Values come from the user's file or typing (headers, sheet names, ids), so they are escaped and can never
// format: lists here, single strings once in failureMessage.
const list = (value: unknown): string => (Array.isArray(value) ? value.map((v) => `'${escapeMarkdown(String(v))}'`).join(', ') : String(value ?? ''));
const SHOWN_VALUES = 12;
const SHOWN_VALUE_CHARS = 30;
/** A line's first values, cut short: enough to count and recognise them, never a wall of text. */
const examples = (value: unknown): string =>
  Array.isArray(value)
    ? `${list(value.slice(0, SHOWN_VALUES).map((v) => String(v ?? '').slice(0, SHOWN_VALUE_CHARS)))}${value.length > SHOWN_VALUES ? ', …' : ''}`
    : '';
const valueCount = (count: unknown): string => `${String(count)} value${count === 1 ? '' : 's'}`;
const COLUMN_NAMES = Object.values(HEADERLESS_NAMES).join(', ');
const HEADERLESS_CLI = '--header none --columns customer,date,quantity,amount';
const at = (d: Details, en: boolean): string =>
  d.line !== undefined ? (en ? ` (line ${String(d.line)})` : ` (baris ${String(d.line)})`) : '';
const reasons = (d: Details): string =>
  Array.isArray(d.reasons)
    ? d.reasons.map((r: { reason?: string; count?: number; lines?: number[] }) => `${r.reason}: ${r.count} (${(r.lines ?? []).join(', ')})`).join('; ')
    : '';

/** Run ids are numbers the store made, never user text: "#14, #13". */
const runIds = (value: unknown): string => (Array.isArray(value) ? value.map((id) => `#${Number(id)}`).join(', ') : '');

/** Words for every code the domain can return, in English and Indonesian: what is wrong and what to do. */
const templates: Record<FailureCode, Record<Locale, Template>> = {
  file_too_large: {
    en: (d) => `The file is ${String(d.sizeMb ?? '?')} MB; the limit is ${String(d.limitMb ?? '?')} MB. Zip or gzip it (CSV compresses about 6×) and upload again.`,
    id: (d) => `Ukuran file ${String(d.sizeMb ?? '?')} MB; batasnya ${String(d.limitMb ?? '?')} MB. Kompres dengan zip atau gzip (CSV menyusut sekitar 6×) lalu unggah lagi.`,
  },
  file_empty: { en: () => 'The file is empty. Export the table again and upload it.', id: () => 'File kosong. Ekspor ulang tabelnya lalu unggah lagi.' },
  not_a_table: {
    en: (d) => `This is not a table${d.detected ? ` (it looks like ${String(d.detected)})` : ''}. Upload a CSV, TSV or XLSX export of your transactions.`,
    id: (d) => `Ini bukan tabel${d.detected ? ` (tampaknya ${String(d.detected)})` : ''}. Unggah ekspor transaksi dalam format CSV, TSV, atau XLSX.`,
  },
  unsupported_format: {
    en: (d) => `${String(d.format ?? 'This format')} files are not supported. In Excel, use File → Save As → "Excel Workbook (.xlsx)" or "CSV UTF-8", then upload again.`,
    id: (d) => `Format ${String(d.format ?? 'ini')} tidak didukung. Di Excel pilih File → Save As → "Excel Workbook (.xlsx)" atau "CSV UTF-8", lalu unggah lagi.`,
  },
  encrypted_workbook: {
    en: () => 'The workbook is password-protected. Remove the password in Excel (File → Info → Protect Workbook) and upload again.',
    id: () => 'Workbook dilindungi kata sandi. Hapus kata sandinya di Excel (File → Info → Protect Workbook) lalu unggah lagi.',
  },
  zip_bomb: {
    en: () => 'The compressed file expands to far more data than allowed, so it was not opened. Upload the table itself or a normal zip of it.',
    id: () => 'File terkompresi ini mengembang jauh melebihi batas, jadi tidak dibuka. Unggah tabelnya langsung atau zip biasa dari tabel itu.',
  },
  zip_contents: {
    en: (d) => `A zip must hold exactly one CSV, TSV or XLSX file; this one holds ${list(d.entries) || 'none'}.`,
    id: (d) => `File zip harus berisi tepat satu file CSV, TSV, atau XLSX; file ini berisi ${list(d.entries) || 'tidak ada'}.`,
  },
  unclosed_quote: {
    en: (d) => `A quoted value that starts on line ${String(d.line)} never ends. Check that line for a stray " and export again.`,
    id: (d) => `Nilai berkutip yang dimulai di baris ${String(d.line)} tidak pernah ditutup. Periksa tanda " di baris itu lalu ekspor ulang.`,
  },
  no_header: {
    en: (d) =>
      Array.isArray(d.sheets)
        ? `No header row was found in ${list(d.sheets)}. Add a row naming the columns (e.g. InvoiceNo, CustomerID, InvoiceDate, Quantity, UnitPrice) above the data, or save the sheet as CSV and upload it with header: none and columns: naming its columns in order.`
        : `No header row was found in the first lines${Array.isArray(d.example) ? `; line ${String(d.line)} holds ${valueCount(d.values)}: ${examples(d.example)}` : ''}. If the file has no header row, name its columns in order: header: none columns: customer,date,quantity,amount (CLI ${HEADERLESS_CLI}), with skip for a column to ignore. Names: ${COLUMN_NAMES}. Otherwise put the row naming the columns (e.g. InvoiceNo, CustomerID, InvoiceDate, Quantity, UnitPrice) first.`,
    id: (d) =>
      Array.isArray(d.sheets)
        ? `Baris judul kolom tidak ditemukan di ${list(d.sheets)}. Tambahkan baris berisi nama kolom (mis. InvoiceNo, CustomerID, InvoiceDate, Quantity, UnitPrice) di atas data, atau simpan sheet sebagai CSV lalu unggah dengan header: none dan columns: berisi nama kolomnya secara berurutan.`
        : `Baris judul kolom tidak ditemukan di baris-baris awal${Array.isArray(d.example) ? `; baris ${String(d.line)} berisi ${String(d.values)} nilai: ${examples(d.example)}` : ''}. Jika file memang tanpa baris judul, sebutkan kolomnya secara berurutan: header: none columns: customer,date,quantity,amount (CLI ${HEADERLESS_CLI}), dengan skip untuk kolom yang diabaikan. Nama: ${COLUMN_NAMES}. Jika ada, letakkan baris nama kolom (mis. InvoiceNo, CustomerID, InvoiceDate, Quantity, UnitPrice) paling atas.`,
  },
  column_count: {
    en: (d) => `columns: names ${String(d.named)} columns, but line ${String(d.line)} has ${valueCount(d.values)}: ${examples(d.example)}. Give one name per value, in order, with skip for a value to ignore. Nothing was stored.`,
    id: (d) => `columns: menyebut ${String(d.named)} kolom, tetapi baris ${String(d.line)} berisi ${String(d.values)} nilai: ${examples(d.example)}. Beri satu nama untuk setiap nilai, berurutan, dengan skip untuk nilai yang diabaikan. Tidak ada yang disimpan.`,
  },
  duplicate_header: {
    en: (d) => `Two columns are both called '${String(d.name ?? d.column)}'. Rename one of them and upload again.`,
    id: (d) => `Ada dua kolom bernama '${String(d.name ?? d.column)}'. Ganti nama salah satunya lalu unggah lagi.`,
  },
  unsafe_header: {
    en: (d) => `The column name '${String(d.name ?? d.column)}' is not allowed. Rename it and upload again.`,
    id: (d) => `Nama kolom '${String(d.name ?? d.column)}' tidak diizinkan. Ganti namanya lalu unggah lagi.`,
  },
  missing_column: {
    en: (d) =>
      d.platform !== undefined
        ? `This looks like a ${String(d.platform)}, but it has no ${String(d.field)} column (${list(d.expected)}). Export it again with that column (some exports leave buyer data out unless you ask for it), or use ${optionName(String(d.option ?? ''), 'en')} to choose another column. Nothing was stored.`
        : Array.isArray(d.candidates)
          ? `Columns ${list(d.candidates)} could each be the line amount, and the file does not show which: choose with ${optionName('amountColumn', 'en')} (a line total) or ${optionName('priceColumn', 'en')} (a unit price, multiplied by the quantity). Nothing was stored.`
          : `No ${String(d.field)} column was found. Columns in your file: ${list(d.columnsFound)}. Use ${optionName(String(d.option ?? ''), 'en')} to choose one.`,
    id: (d) =>
      d.platform !== undefined
        ? `Ini tampaknya ${String(d.platform)}, tetapi tidak ada kolom ${String(d.field)} (${list(d.expected)}). Ekspor ulang dengan kolom itu (sebagian ekspor tidak menyertakan data pembeli kecuali diminta), atau gunakan ${optionName(String(d.option ?? ''), 'id')} untuk memilih kolom lain. Tidak ada yang disimpan.`
        : Array.isArray(d.candidates)
          ? `Kolom ${list(d.candidates)} masing-masing bisa berisi total per baris, dan file tidak menunjukkan yang mana: pilih dengan ${optionName('amountColumn', 'id')} (total per baris) atau ${optionName('priceColumn', 'id')} (harga satuan, dikalikan jumlah). Tidak ada yang disimpan.`
          : `Kolom ${String(d.field)} tidak ditemukan. Kolom di file Anda: ${list(d.columnsFound)}. Gunakan ${optionName(String(d.option ?? ''), 'id')} untuk memilihnya.`,
  },
  unknown_column: {
    en: (d) => `There is no column '${String(d.column)}'. Columns in your file: ${list(d.columnsFound)}.`,
    id: (d) => `Tidak ada kolom '${String(d.column)}'. Kolom di file Anda: ${list(d.columnsFound)}.`,
  },
  customer_table: {
    en: () => 'This looks like a table of customers (one row per customer), not of transactions. Upload your transaction export (one row per purchase) instead; customer tables will be supported with kind: customers.',
    id: () => 'Ini tampaknya tabel pelanggan (satu baris per pelanggan), bukan tabel transaksi. Unggah ekspor transaksi (satu baris per pembelian); tabel pelanggan akan didukung dengan kind: customers.',
  },
  too_many_rows: {
    en: (d) => `The file has more than ${String(d.limit)} rows. Split it by period and upload the parts to the same dataset.`,
    id: (d) => `File berisi lebih dari ${String(d.limit)} baris. Pecah per periode lalu unggah bagian-bagiannya ke dataset yang sama.`,
  },
  too_many_columns: {
    en: (d) => `The file has ${String(d.count ?? 'too many')} columns (limit ${String(d.limit)}). Remove the columns you do not need.`,
    id: (d) => `File berisi ${String(d.count ?? 'terlalu banyak')} kolom (batas ${String(d.limit)}). Hapus kolom yang tidak diperlukan.`,
  },
  cell_too_long: {
    en: (d) => `A value in column '${String(d.column)}'${at(d, true)} is longer than ${String(d.limit)} characters. Check that the file is a plain table.`,
    id: (d) => `Nilai di kolom '${String(d.column)}'${at(d, false)} lebih dari ${String(d.limit)} karakter. Pastikan file berupa tabel biasa.`,
  },
  ambiguous_decimal: {
    en: (d) => `The numbers in column '${String(d.column)}' could use either ',' or '.' as the decimal mark. Say which with ${optionName('decimal', 'en')} (dot or comma).`,
    id: (d) => `Angka di kolom '${String(d.column)}' bisa memakai ',' atau '.' sebagai tanda desimal. Tentukan dengan ${optionName('decimal', 'id')} (dot atau comma).`,
  },
  lost_digits: {
    en: (d) => `Column '${String(d.column)}'${at(d, true)} holds '${String(d.value)}': Excel turned a long id into scientific notation and its digits are lost. Format that column as Text in Excel and export again.`,
    id: (d) => `Kolom '${String(d.column)}'${at(d, false)} berisi '${String(d.value)}': Excel mengubah ID panjang menjadi notasi ilmiah sehingga digitnya hilang. Ubah format kolom itu menjadi Text di Excel lalu ekspor ulang.`,
  },
  too_many_unreadable: {
    en: (d) => `Too many rows could not be read (${String(d.share ?? '')} of ${String(d.rowsRead ?? '')}), so nothing was imported. Top reasons: ${reasons(d)}. Check the column choices and the date order.`,
    id: (d) => `Terlalu banyak baris yang tidak terbaca (${String(d.share ?? '')} dari ${String(d.rowsRead ?? '')}), jadi tidak ada yang diimpor. Penyebab utama: ${reasons(d)}. Periksa pilihan kolom dan urutan tanggal.`,
  },
  no_rows: { en: () => 'The file has a header but no usable rows.', id: () => 'File memiliki judul kolom tetapi tidak ada baris yang bisa dipakai.' },
  sheet_not_found: {
    en: (d) => `There is no sheet '${String(d.sheet)}'. Sheets in this workbook: ${list(d.sheets)}.`,
    id: (d) => `Tidak ada sheet '${String(d.sheet)}'. Sheet di workbook ini: ${list(d.sheets)}.`,
  },
  invalid_dataset_name: {
    en: () => 'A dataset name must be 1 to 64 characters without line breaks.',
    id: () => 'Nama dataset harus 1 sampai 64 karakter tanpa baris baru.',
  },
  dataset_not_found: {
    en: (d) => `There is no dataset '${String(d.name)}' in this server.${d.available ? ` Datasets: ${list(d.available)}.` : ''}`,
    id: (d) => `Tidak ada dataset '${String(d.name)}' di server ini.${d.available ? ` Dataset: ${list(d.available)}.` : ''}`,
  },
  no_datasets: {
    en: () => 'Nothing has been uploaded yet. Upload your transaction export first.',
    id: () => 'Belum ada data yang diunggah. Unggah ekspor transaksi Anda terlebih dahulu.',
  },
  no_segmentation: {
    en: (d) => `Dataset '${String(d.dataset)}' has not been segmented yet. Run segment (Discord: /segment run) to segment it.`,
    id: (d) => `Dataset '${String(d.dataset)}' belum disegmentasi. Jalankan segment (Discord: /segment run) untuk menyegmentasinya.`,
  },
  no_customers: {
    en: (d) => `Dataset '${String(d.dataset)}' has no purchases with a customer id, so there is nobody to segment. Upload an export with a customer column, or choose one with customer_column:.`,
    id: (d) => `Dataset '${String(d.dataset)}' tidak memiliki pembelian dengan ID pelanggan, jadi tidak ada yang bisa disegmentasi. Unggah ekspor dengan kolom pelanggan, atau pilih dengan customer_column:.`,
  },
  segmentation_failed: {
    en: (d) => `The upload is stored, but segmenting dataset '${String(d.dataset)}' failed. Nothing of the upload is lost: run segment (Discord: /segment run) to try again.`,
    id: (d) => `Unggahan sudah tersimpan, tetapi segmentasi dataset '${String(d.dataset)}' gagal. Tidak ada data unggahan yang hilang: jalankan segment (Discord: /segment run) untuk mencoba lagi.`,
  },
  customer_not_found: {
    en: (d) => `There is no customer '${String(d.customerId)}' in dataset '${String(d.dataset)}'.${Array.isArray(d.suggestions) && d.suggestions.length ? ` Did you mean ${list(d.suggestions)}?` : ''}`,
    id: (d) => `Tidak ada pelanggan '${String(d.customerId)}' di dataset '${String(d.dataset)}'.${Array.isArray(d.suggestions) && d.suggestions.length ? ` Mungkin maksud Anda ${list(d.suggestions)}?` : ''}`,
  },
  run_not_found: {
    en: (d) => `Dataset '${String(d.dataset)}' has no run #${String(d.runId)}. Its newest runs: ${runIds(d.available)}; segment runs (Discord: /segment runs) lists them, and the dataset option picks another dataset.`,
    id: (d) => `Dataset '${String(d.dataset)}' tidak punya run #${String(d.runId)}. Run terbarunya: ${runIds(d.available)}; segment runs (Discord: /segment runs) menampilkannya, dan opsi dataset memilih dataset lain.`,
  },
  no_earlier_run: {
    en: (d) => `Dataset '${String(d.dataset)}' has no run before #${String(d.runId)} to compare with. Upload the next export (append) or run segment (Discord: /segment run), then compare.`,
    id: (d) => `Dataset '${String(d.dataset)}' tidak punya run sebelum #${String(d.runId)} untuk dibandingkan. Unggah ekspor berikutnya (append) atau jalankan segment (Discord: /segment run), lalu bandingkan.`,
  },
  segment_not_found: {
    en: (d) => `There is no segment '${String(d.segment)}'. Segments in the latest run: ${list(d.available)}.`,
    id: (d) => `Tidak ada segmen '${String(d.segment)}'. Segmen di hasil terbaru: ${list(d.available)}.`,
  },
  invalid_date: {
    en: (d) => `'${String(d.value)}' is not a date. Write it as YYYY-MM-DD (for example 2011-12-10) or 'today'.`,
    id: (d) => `'${String(d.value)}' bukan tanggal. Tulis sebagai YYYY-MM-DD (misalnya 2011-12-10) atau 'today'.`,
  },
  invalid_actions: {
    en: (d) =>
      d.problem === 'unknown_channel'
        ? `'${String(d.channel)}' is not a channel. Channels: ${list(d.channels)}. Example: "email: 15% win-back voucher @ within 7 days; whatsapp: remind them of past purchases".`
        : d.problem === 'too_long'
          ? 'One action is longer than 300 characters. Keep each action to a sentence or two.'
          : d.problem === 'too_many'
            ? 'Give at most 10 actions.'
            : 'Write at least one action. Example: "email: 15% win-back voucher @ within 7 days; whatsapp: remind them of past purchases".',
    id: (d) =>
      d.problem === 'unknown_channel'
        ? `'${String(d.channel)}' bukan kanal. Kanal: ${list(d.channels)}. Contoh: "email: voucher 15% @ dalam 7 hari; whatsapp: ingatkan pembelian sebelumnya".`
        : d.problem === 'too_long'
          ? 'Ada tindakan yang lebih dari 300 karakter. Cukup satu atau dua kalimat per tindakan.'
          : d.problem === 'too_many'
            ? 'Paling banyak 10 tindakan.'
            : 'Tulis minimal satu tindakan. Contoh: "email: voucher 15% @ dalam 7 hari; whatsapp: ingatkan pembelian sebelumnya".',
  },
  invalid_input: {
    en: (d) => `That does not look right: ${String(d.problems ?? '')}`,
    id: (d) => `Ada yang kurang tepat: ${String(d.problems ?? '')}`,
  },
};

/** `customerColumn` -> `customer_column:` in words both doors understand. */
function optionName(option: string, locale: Locale): string {
  if (!option) return locale === 'id' ? 'opsi kolom' : 'the column option';
  const snake = option.replace(/^--/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/-/g, '_');
  return `${snake}: (CLI --${snake.replace(/_/g, '-')})`;
}

export function failureMessage(code: FailureCode, details: Details, locale: Locale): string {
  const escaped = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? escapeMarkdown(value) : value]));
  return templates[code][locale](escaped);
}
