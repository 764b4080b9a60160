import { formatCounted, nounFor } from '../../app/format.js';
import type { Locale } from '../../app/reply.js';

/**
 * What only the Discord door has to say: refusals that happen before a command runs (permissions, attachments,
 * shutting down) and the progress line. Everything a command says comes from the command itself.
 */
export const WORDS = {
  en: {
    needsManageServer: 'Only members with the **Manage Server** permission can use this command. Ask a server admin.',
    needsReadRole: 'Only members with **Manage Server** or the role chosen with `/settings role` can read results here. Ask a server admin.',
    serversOnly: 'Segmenta works in servers only. Use this command in a channel of your server.',
    unknownCommand: 'This command is not available any more. The bot may have been updated; try again in a minute.',
    shuttingDown: 'Segmenta is restarting and not taking new commands. Try again in a minute.',
    interrupted: 'Segmenta had to restart while this command was running, so it did not finish. Your data is unchanged; run it again.',
    attachmentHost: 'That file does not come from Discord, so it was not downloaded. Attach the file to the command directly.',
    attachmentRedirect: 'Discord sent that file from an unexpected place, so it was not downloaded. Attach the file again.',
    attachmentFailed: 'The file could not be downloaded from Discord. Attach it again in a moment.',
    failed: 'Sorry, something went wrong on our side. Please try again in a moment.',
    queued: (ahead: number) =>
      `⏳ Waiting for ${formatCounted(ahead, { one: 'earlier upload or change', other: 'earlier uploads or changes' }, 'en')} in this server to finish; yours starts right after.`,
    filesLeftOut: (n: number) => `(${formatCounted(n, { one: 'file', other: 'files' }, 'en')} ${nounFor(n, { one: 'was', other: 'were' }, 'en')} left out: over what this server lets the bot upload in one message.)`,
    confirm: 'Yes, go ahead',
    cancel: 'Cancel',
    cancelled: 'Cancelled. Nothing was changed.',
    confirmationExpired: 'This question has expired (or Segmenta restarted). Nothing was changed; run the command again.',
    notYourQuestion: 'Only the member who ran the command can answer this question.',
    downloading: 'Downloading',
    stages: { reading: 'Reading', parsing: 'Checking rows', writing: 'Saving', segmenting: 'Segmenting', done: 'Done' },
    units: { bytes: 'bytes', rows: 'rows', steps: 'steps' },
  },
  id: {
    needsManageServer: 'Hanya anggota dengan izin **Kelola Server** yang dapat memakai perintah ini. Minta bantuan admin server.',
    needsReadRole: 'Hanya anggota dengan izin **Kelola Server** atau role yang dipilih dengan `/settings role` yang dapat membaca hasil di sini. Minta bantuan admin server.',
    serversOnly: 'Segmenta hanya bekerja di server. Pakai perintah ini di salah satu kanal server Anda.',
    unknownCommand: 'Perintah ini sudah tidak tersedia. Bot mungkin baru diperbarui; coba lagi sebentar lagi.',
    shuttingDown: 'Segmenta sedang dimulai ulang dan tidak menerima perintah baru. Coba lagi sebentar lagi.',
    interrupted: 'Segmenta harus dimulai ulang saat perintah ini berjalan, jadi perintahnya tidak selesai. Data Anda tidak berubah; jalankan lagi.',
    attachmentHost: 'File itu tidak berasal dari Discord, jadi tidak diunduh. Lampirkan file langsung ke perintahnya.',
    attachmentRedirect: 'Discord mengirim file itu dari tempat yang tidak terduga, jadi tidak diunduh. Lampirkan file itu lagi.',
    attachmentFailed: 'File tidak dapat diunduh dari Discord. Lampirkan lagi sebentar lagi.',
    failed: 'Maaf, terjadi kesalahan di pihak kami. Coba lagi sebentar lagi.',
    queued: (ahead: number) => `⏳ Menunggu ${ahead} unggahan atau perubahan sebelumnya di server ini selesai; punya Anda mulai sesudahnya.`,
    filesLeftOut: (n: number) => `(${n} file tidak disertakan: melebihi batas unggah bot di server ini untuk satu pesan.)`,
    confirm: 'Ya, lanjutkan',
    cancel: 'Batal',
    cancelled: 'Dibatalkan. Tidak ada yang diubah.',
    confirmationExpired: 'Pertanyaan ini sudah kedaluwarsa (atau Segmenta dimulai ulang). Tidak ada yang diubah; jalankan perintahnya lagi.',
    notYourQuestion: 'Hanya anggota yang menjalankan perintah ini yang bisa menjawab pertanyaannya.',
    downloading: 'Mengunduh',
    stages: { reading: 'Membaca', parsing: 'Memeriksa baris', writing: 'Menyimpan', segmenting: 'Segmentasi', done: 'Selesai' },
    units: { bytes: 'byte', rows: 'baris', steps: 'langkah' },
  },
} as const satisfies Record<Locale, unknown>;

/** Discord locales are like `en-US` or `id`; everything that is not Indonesian gets English. */
export function localeOf(discordLocale: string | null | undefined): Locale {
  return discordLocale?.startsWith('id') ? 'id' : 'en';
}
