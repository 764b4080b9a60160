/**
 * Indonesian names for the words our commands and options are made of. A `Command` carries its description in
 * both languages but its name only once, so the names Discord shows to Indonesian users live here; a word missing
 * from the list keeps its English name. Discord still sends the English name in every interaction.
 */
const INDONESIAN_NAMES: Readonly<Record<string, string>> = {
  upload: 'unggah',
  inspect: 'periksa',
  dry_run: 'uji_coba',
  datasets: 'dataset',
  list: 'daftar',
  delete: 'hapus',
  file: 'berkas',
  name: 'nama',
  customer_column: 'kolom_pelanggan',
  date_column: 'kolom_tanggal',
  amount_column: 'kolom_total',
  quantity_column: 'kolom_jumlah',
  price_column: 'kolom_harga',
  invoice_column: 'kolom_invoice',
  product_column: 'kolom_produk',
  country_column: 'kolom_negara',
  date_order: 'urutan_tanggal',
  header: 'baris_judul',
  columns: 'kolom',
  decimal: 'desimal',
  segment: 'segmen',
  segments: 'ringkasan_segmen',
  customer: 'pelanggan',
  export: 'ekspor',
  lens: 'lensa',
  actions: 'aksi',
  help: 'bantuan',
  settings: 'pengaturan',
  forget: 'lupakan',
  purge: 'hapus_semua',
  role: 'peran',
  language: 'bahasa',
  currency: 'mata_uang',
  run: 'jalankan',
  convention: 'konvensi',
  as_of: 'per_tanggal',
  set: 'atur',
  reset: 'setel_ulang',
  confirm: 'konfirmasi',
  compare: 'bandingkan',
  runs: 'daftar_run',
  from: 'dari',
  to: 'ke',
  digest: 'ringkasan_mingguan',
  preview: 'pratinjau',
  now: 'sekarang',
  off: 'matikan',
  alert: 'peringatan',
  channel: 'saluran',
  day: 'hari',
  time: 'jam',
  timezone: 'zona_waktu',
  metric: 'metrik',
  threshold: 'ambang',
};

/** The Indonesian name for a command, subcommand or option, when it has one that differs from the English. */
export function indonesianName(name: string): string | undefined {
  const translated = INDONESIAN_NAMES[name];
  return translated && translated !== name ? translated : undefined;
}
