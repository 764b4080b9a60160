import { formatDay as formatChartDay } from '../../charts/day-label.js';
import type { ActionReason } from '../../insights/actions-of-the-week.js';
import type { Noun } from '../format.js';
import type { Locale } from '../reply.js';

/** The weekly digest's words, in English and Indonesian. Values passed in are already escaped and formatted. */
export const DIGEST_WORDS = {
  en: {
    text: (dataset: string, asOf: string) => `**Weekly digest of ${dataset}** · data as of ${asOf}`,
    title: (dataset: string) => `Weekly digest · ${dataset}`,
    customer: { one: 'customer', other: 'customers' } as Noun,
    day: { one: 'day', other: 'days' } as Noun,
    lastUpload: (file: string, when: string, rows: string, mode: 'append' | 'replace') =>
      `**Last upload:** ${file} on ${when} (${mode === 'append' ? `appended ${rows}` : `replaced the dataset with ${rows}`})`,
    newRow: { one: 'new row', other: 'new rows' } as Noun,
    uploadRange: (first: string, last: string) => `with sales from ${first} to ${last}.`,
    uploadNothingNew: 'which added no new sales.',
    noUpload: '**Last upload:** none recorded.',
    stale: (days: string) =>
      `⚠️ Nothing was uploaded for ${days}, so these figures have not changed since. Upload the latest export (\`/upload\` with mode append) for a digest of this week.`,
    skipped: (periods: string) => `The digest of ${periods} was not posted: the bot was offline then and came back too late to catch up.`,
    comparedWith: (asOf: string) => `Compared with the run as of ${asOf}.`,
    firstRun: 'This is the first segmentation of this dataset, so there is nothing to compare yet: next time the digest shows who moved.',
    kChanged: (before: string, after: string, why: 'changed' | 'forced' | null) =>
      `The number of segments changed from ${before} to ${after}${why === 'forced' ? ' (the run asked for it)' : why === 'changed' ? ' (it fits the data clearly better)' : ''}: some customers moved because the segments were redrawn.`,
    segmentsField: 'Segments now (change since the previous run)',
    segmentsFieldAlone: 'Segments now',
    revenue: 'revenue',
    moveTitle: 'Who moved',
    movementsNone: "No customer went down from Champions, Loyal Customers, Big Spenders or Can't Lose Them, and none came up into Champions or Loyal Customers.",
    downgrade: (customers: string, from: string, to: string, revenue: string) => `▼ ${customers} went from ${from} down to ${to} (${revenue})`,
    upgrade: (customers: string, from: string, to: string, revenue: string) => `▲ ${customers} came up from ${from} to ${to} (${revenue})`,
    newField: 'New customers since the previous run',
    newNone: 'None.',
    newLine: (customers: string, revenue: string, where: string) => `${customers} (${revenue}): ${where}`,
    newIn: (customers: string, segment: string) => `${customers} in ${segment}`,
    gone: (customers: string) => `${customers} of the previous run are no longer in the data (erased, or the dataset was replaced).`,
    atRiskTitle: 'Valuable customers slipping away',
    atRiskIntro: (command: string) =>
      `Moved into At Risk, Can't Lose Them or Hibernating since the previous run, spending at least as much as the median customer; most spend first. Open one with ${command}.`,
    atRiskNone: 'None this week: no customer spending at least the median moved into At Risk, Can\'t Lose Them or Hibernating.',
    atRiskLine: (id: string, last: string, spend: string, from: string, to: string) => `${id} · last purchase ${last} · spent ${spend} · ${from} → ${to}`,
    weeklyTitle: 'Revenue per week',
    weeklyLine: (week: string, revenue: string, comparison: string) => `Last week of data (from ${week}): ${revenue}${comparison}.`,
    weeklyAverage: (arrow: string, change: string, average: string) => `, ${arrow} ${change} on the average week of the period (${average})`,
    weeklyScope: (convention: 'net' | 'gross') =>
      `Every sale counts, those without a customer id too; ${convention === 'net' ? 'returns are subtracted' : 'returns are left out'}. Weeks start on Monday; a week without sales shows as 0.`,
    weeklyNone: 'No sales dated before this run’s as-of date.',
    actionsTitle: 'Three things to do this week',
    actionsNone: 'No segment has actions in the playbook.',
    actionName: (rank: number, segment: string, customers: string) => `${rank}. ${segment} — ${customers}`,
    reason: {
      moved_down: (revenue: string, customers: string) => `${customers} (${revenue}) came down from more valuable segments since the previous run.`,
      at_stake: (revenue: string) => `${revenue} at stake: these customers are slipping.`,
      largest: (revenue: string) => `Among the largest segments by revenue (${revenue}): keep them buying.`,
    } satisfies Record<ActionReason, (revenue: string, customers: string) => string>,
    exportHint: (command: string) => `Export them: ${command}`,
  },
  id: {
    text: (dataset: string, asOf: string) => `**Ringkasan mingguan ${dataset}** · data per ${asOf}`,
    title: (dataset: string) => `Ringkasan mingguan · ${dataset}`,
    customer: { other: 'pelanggan' } as Noun,
    day: { other: 'hari' } as Noun,
    lastUpload: (file: string, when: string, rows: string, mode: 'append' | 'replace') =>
      `**Unggahan terakhir:** ${file} pada ${when} (${mode === 'append' ? `menambah ${rows}` : `mengganti dataset dengan ${rows}`})`,
    newRow: { other: 'baris baru' } as Noun,
    uploadRange: (first: string, last: string) => `berisi penjualan ${first} sampai ${last}.`,
    uploadNothingNew: 'yang tidak menambah penjualan baru.',
    noUpload: '**Unggahan terakhir:** tidak ada catatan.',
    stale: (days: string) =>
      `⚠️ Tidak ada unggahan selama ${days}, jadi angka-angka ini belum berubah sejak itu. Unggah ekspor terbaru (\`/upload\` dengan mode append) untuk ringkasan minggu ini.`,
    skipped: (periods: string) => `Ringkasan ${periods} tidak diposting: bot sedang offline dan kembali terlalu lambat untuk menyusul.`,
    comparedWith: (asOf: string) => `Dibandingkan dengan run per ${asOf}.`,
    firstRun: 'Ini segmentasi pertama dataset ini, jadi belum ada pembanding: ringkasan berikutnya akan menunjukkan siapa yang berpindah.',
    kChanged: (before: string, after: string, why: 'changed' | 'forced' | null) =>
      `Jumlah segmen berubah dari ${before} menjadi ${after}${why === 'forced' ? ' (diminta saat run)' : why === 'changed' ? ' (jelas lebih cocok dengan data)' : ''}: sebagian pelanggan berpindah karena segmen digambar ulang.`,
    segmentsField: 'Segmen sekarang (perubahan sejak run sebelumnya)',
    segmentsFieldAlone: 'Segmen sekarang',
    revenue: 'pendapatan',
    moveTitle: 'Siapa yang berpindah',
    movementsNone: "Tidak ada pelanggan yang turun dari Champions, Loyal Customers, Big Spenders atau Can't Lose Them, dan tidak ada yang naik ke Champions atau Loyal Customers.",
    downgrade: (customers: string, from: string, to: string, revenue: string) => `▼ ${customers} turun dari ${from} ke ${to} (${revenue})`,
    upgrade: (customers: string, from: string, to: string, revenue: string) => `▲ ${customers} naik dari ${from} ke ${to} (${revenue})`,
    newField: 'Pelanggan baru sejak run sebelumnya',
    newNone: 'Tidak ada.',
    newLine: (customers: string, revenue: string, where: string) => `${customers} (${revenue}): ${where}`,
    newIn: (customers: string, segment: string) => `${customers} di ${segment}`,
    gone: (customers: string) => `${customers} dari run sebelumnya tidak ada lagi di data (dihapus, atau dataset diganti).`,
    atRiskTitle: 'Pelanggan bernilai yang mulai menjauh',
    atRiskIntro: (command: string) =>
      `Pindah ke At Risk, Can't Lose Them atau Hibernating sejak run sebelumnya, dengan belanja minimal setara pelanggan median; belanja terbesar lebih dulu. Buka satu dengan ${command}.`,
    atRiskNone: "Tidak ada minggu ini: tidak ada pelanggan dengan belanja minimal median yang pindah ke At Risk, Can't Lose Them atau Hibernating.",
    atRiskLine: (id: string, last: string, spend: string, from: string, to: string) => `${id} · terakhir beli ${last} · belanja ${spend} · ${from} → ${to}`,
    weeklyTitle: 'Pendapatan per minggu',
    weeklyLine: (week: string, revenue: string, comparison: string) => `Minggu terakhir data (mulai ${week}): ${revenue}${comparison}.`,
    weeklyAverage: (arrow: string, change: string, average: string) => `, ${arrow} ${change} dibanding rata-rata mingguan periode ini (${average})`,
    weeklyScope: (convention: 'net' | 'gross') =>
      `Semua penjualan dihitung, termasuk yang tanpa ID pelanggan; ${convention === 'net' ? 'retur dikurangkan' : 'retur tidak dihitung'}. Minggu dimulai hari Senin; minggu tanpa penjualan tampil 0.`,
    weeklyNone: 'Tidak ada penjualan sebelum tanggal acuan run ini.',
    actionsTitle: 'Tiga hal untuk dikerjakan minggu ini',
    actionsNone: 'Tidak ada segmen dengan aksi di playbook.',
    actionName: (rank: number, segment: string, customers: string) => `${rank}. ${segment} — ${customers}`,
    reason: {
      moved_down: (revenue: string, customers: string) => `${customers} (${revenue}) turun dari segmen yang lebih bernilai sejak run sebelumnya.`,
      at_stake: (revenue: string) => `${revenue} dipertaruhkan: pelanggan ini mulai menjauh.`,
      largest: (revenue: string) => `Salah satu segmen dengan pendapatan terbesar (${revenue}): jaga agar tetap belanja.`,
    } satisfies Record<ActionReason, (revenue: string, customers: string) => string>,
    exportHint: (command: string) => `Ekspor pelanggannya: ${command}`,
  },
} as const;

/** British English writes compact amounts "5.3m", which reads as metres: the American "5.3M" is the usual one in business English. */
const compactLocale: Record<Locale, string> = { en: 'en-US', id: 'id-ID' };

/** "9 Dec 2011" / "9 Des 2011": a stored timestamp's day (wall clock read as UTC), written as the charts write days ("Sep", not "Sept"). */
export function formatDay(epochMs: number, locale: Locale): string {
  return formatChartDay(new Date(epochMs).toISOString().slice(0, 10), locale, true);
}

/**
 * Money in few characters: "£5.3M", "Rp 5,3 jt", "5.3M" without a currency; `signed` for a change ("+£116.6K"). The
 * digest lists every segment in one embed field of 1,024 characters, where "5,320,197.62" twice a line would not fit.
 */
export function formatCompactAmount(value: number, locale: Locale, currency?: string | null, signed = false): string {
  return new Intl.NumberFormat(compactLocale[locale], {
    notation: 'compact',
    maximumFractionDigits: 1,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    ...(currency ? { style: 'currency', currency } : {}),
  }).format(value);
}

/** "▲", "▼" or "=": which way a figure went. */
export const arrowOf = (change: number): string => (change > 0 ? '▲' : change < 0 ? '▼' : '=');

/** "▲ +18", "▼ -£3.1K", or "=" when nothing changed: which way a figure went and by how much. */
export const changeOf = (change: number, formatted: string): string => (change === 0 ? '=' : `${arrowOf(change)} ${formatted}`);
