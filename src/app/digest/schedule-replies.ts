import type { DigestPost, DigestSchedule } from '../../store/digest-schedules.js';
import { escapeMarkdown } from '../format.js';
import type { Locale, Reply } from '../reply.js';
import type { DigestPermission } from './post-port.js';
import type { DigestStatus, SetScheduleOutcome } from './schedule-settings.js';
import { formatInZone } from './schedule-time.js';

/** Permission names as Discord's server settings show them in each language. */
const PERMISSION_NAMES: Record<DigestPermission, { en: string; id: string }> = {
  ViewChannel: { en: 'View Channel', id: 'Lihat Saluran' },
  SendMessages: { en: 'Send Messages', id: 'Kirim Pesan' },
  EmbedLinks: { en: 'Embed Links', id: 'Sematkan Tautan' },
  AttachFiles: { en: 'Attach Files', id: 'Lampirkan File' },
};

/** Weekday names for people, index = cron's weekday number (0 = Sunday). */
export const WEEKDAY_NAMES = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
} as const;

export const permissionList = (missing: readonly string[], locale: Locale): string =>
  missing.map((name) => `**${PERMISSION_NAMES[name as DigestPermission]?.[locale] ?? name}**`).join(', ');

/** A stored reason ('missing_permissions:EmbedLinks', 'downtime', …) in words. */
export function reasonText(reason: string | null, locale: Locale): string {
  const en = locale === 'en';
  if (reason?.startsWith('missing_permissions')) {
    const missing = permissionList(reason.split(':')[1]?.split(',').filter(Boolean) ?? [], locale);
    return en ? `I am missing permission in the channel: ${missing}` : `saya tidak punya izin di saluran: ${missing}`;
  }
  switch (reason) {
    case 'channel_not_found':
      return en ? 'the channel was deleted, or I can no longer see it' : 'salurannya dihapus, atau saya tidak bisa melihatnya lagi';
    case 'transient':
      return en ? 'Discord did not answer in time' : 'Discord tidak menjawab tepat waktu';
    case 'no_data':
      return en ? 'there was no segmented dataset to report on' : 'belum ada dataset yang disegmentasi untuk dilaporkan';
    case 'build_failed':
      return en ? 'the digest could not be built (a problem on our side)' : 'ringkasan gagal dibuat (masalah di pihak kami)';
    case 'interrupted':
      return en ? 'the bot stopped while posting; not sent again, so it cannot appear twice' : 'bot berhenti saat mengirim; tidak dikirim ulang agar tidak muncul dua kali';
    case 'downtime':
      return en ? 'the bot was offline for more than a day past the time' : 'bot mati lebih dari sehari setelah jadwalnya';
    default:
      return reason ?? '';
  }
}

const scheduleLine = (schedule: DigestSchedule, locale: Locale): string => {
  const day = WEEKDAY_NAMES[locale][schedule.weekday];
  const dataset = schedule.dataset ? escapeMarkdown(schedule.dataset) : locale === 'en' ? 'the latest dataset' : 'dataset terbaru';
  return locale === 'en'
    ? `Every **${day}** at **${schedule.time}** (${schedule.timezone}) in <#${schedule.channelId}>, for ${dataset}.`
    : `Setiap **${day}** pukul **${schedule.time}** (${schedule.timezone}) di <#${schedule.channelId}>, untuk ${dataset}.`;
};

/** Told privately to the next admin who runs any /digest command while the schedule is paused. */
export function pauseNotice(schedule: DigestSchedule | undefined | null, locale: Locale): string | null {
  if (!schedule?.pausedReason) return null;
  const why = reasonText(schedule.pausedReason, locale);
  return locale === 'en'
    ? `⚠️ The weekly digest is **paused**: I could not post in <#${schedule.channelId}> after ${schedule.failures} tries (${why}). Fix it, then run \`/digest set\` again to resume.`
    : `⚠️ Ringkasan mingguan **dijeda**: saya gagal mengirim ke <#${schedule.channelId}> setelah ${schedule.failures} kali (${why}). Perbaiki, lalu jalankan \`/digest set\` lagi untuk melanjutkan.`;
}

/** Puts the pause notice, when there is one, above a /digest command's answer. */
export function withPauseNotice(reply: Reply, schedule: DigestSchedule | undefined | null, locale: Locale): Reply {
  const notice = pauseNotice(schedule, locale);
  return notice ? { ...reply, text: `${notice}\n\n${reply.text}` } : reply;
}

export function scheduleSetReply(outcome: SetScheduleOutcome, channelId: string, locale: Locale): Reply {
  const en = locale === 'en';
  if (!outcome.ok) {
    const text =
      outcome.code === 'missing_permissions'
        ? en
          ? `I cannot post the digest in <#${channelId}>: missing ${permissionList(outcome.missing, locale)}. Give Segmenta's role ${outcome.missing.length > 1 ? 'these permissions' : 'this permission'} in the channel's settings (Edit Channel → Permissions), then run \`/digest set\` again. Nothing was saved.`
          : `Saya tidak bisa mengirim ringkasan ke <#${channelId}>: tidak ada izin ${permissionList(outcome.missing, locale)}. Beri role Segmenta izin itu di pengaturan saluran (Edit Saluran → Izin), lalu jalankan \`/digest set\` lagi. Tidak ada yang disimpan.`
        : outcome.code === 'channel_not_found'
          ? en
            ? `I cannot find <#${channelId}> in this server, or cannot see it. Choose a text channel I can view. Nothing was saved.`
            : `Saya tidak menemukan <#${channelId}> di server ini, atau tidak bisa melihatnya. Pilih saluran teks yang bisa saya lihat. Tidak ada yang disimpan.`
          : en
            ? `There is no dataset **${escapeMarkdown(outcome.name)}**${outcome.available.length ? ` (datasets: ${outcome.available.map(escapeMarkdown).join(', ')})` : ''}. Nothing was saved.`
            : `Tidak ada dataset **${escapeMarkdown(outcome.name)}**${outcome.available.length ? ` (dataset: ${outcome.available.map(escapeMarkdown).join(', ')})` : ''}. Tidak ada yang disimpan.`;
    return { ok: false, ephemeral: true, text, data: outcome };
  }
  const { schedule } = outcome;
  const next = formatInZone(outcome.nextAt, schedule.timezone, locale);
  const lines = [
    en ? 'Weekly digest saved.' : 'Ringkasan mingguan disimpan.',
    scheduleLine(schedule, locale),
    en ? `Next post: **${next}**.` : `Kiriman berikutnya: **${next}**.`,
    ...(outcome.resumedFrom ? [en ? `It was paused (${reasonText(outcome.resumedFrom, locale)}); it runs again.` : `Sebelumnya dijeda (${reasonText(outcome.resumedFrom, locale)}); sekarang berjalan lagi.`] : []),
    ...(outcome.unchecked ? [en ? 'The channel could not be checked from here; the bot checks its permissions when it posts.' : 'Saluran tidak bisa diperiksa dari sini; bot memeriksa izinnya saat mengirim.'] : []),
  ];
  return { ok: true, ephemeral: true, text: lines.join('\n'), data: { ...schedule, nextAt: outcome.nextAt.toISOString() } };
}

function postLine(post: DigestPost, locale: Locale): string {
  const en = locale === 'en';
  const when = post.sentAt ?? post.lastAttemptAt ?? post.updatedAt;
  const at = `<t:${Math.floor(Date.parse(when) / 1000)}:f>`;
  const what = post.kind === 'manual' ? (en ? '/digest now' : '/digest now') : post.period;
  switch (post.status) {
    case 'sent':
      return en ? `Last post: ${what}, posted ${at}.` : `Kiriman terakhir: ${what}, terkirim ${at}.`;
    case 'sending':
      return en ? `Last post: ${what}, being sent now.` : `Kiriman terakhir: ${what}, sedang dikirim.`;
    case 'skipped':
      return en ? `Last post: ${what} was skipped: ${reasonText(post.reason, locale)}.` : `Kiriman terakhir: ${what} dilewati: ${reasonText(post.reason, locale)}.`;
    case 'failed':
      return en
        ? `Last post: ${what} failed after ${post.attempts} ${post.attempts === 1 ? 'try' : 'tries'} (${at}): ${reasonText(post.reason, locale)}.`
        : `Kiriman terakhir: ${what} gagal setelah ${post.attempts} kali (${at}): ${reasonText(post.reason, locale)}.`;
  }
}

export function statusReply(status: DigestStatus, locale: Locale): Reply {
  const en = locale === 'en';
  const data = { ...status, nextAt: status.nextAt?.toISOString() ?? null };
  if (!status.schedule) {
    const text = en ? 'No weekly digest is set for this server. Set one with `/digest set`.' : 'Belum ada ringkasan mingguan di server ini. Atur dengan `/digest set`.';
    return { ok: true, ephemeral: true, text: status.lastPost ? `${text}\n${postLine(status.lastPost, locale)}` : text, data };
  }
  const { schedule } = status;
  const alert = schedule.alertMetric
    ? en
      ? `Alert: when **${schedule.alertMetric}** crosses ${schedule.alertThreshold} after an upload.`
      : `Peringatan: saat **${schedule.alertMetric}** melewati ${schedule.alertThreshold} setelah unggahan.`
    : null;
  const lines = [
    scheduleLine(schedule, locale),
    status.nextAt
      ? en ? `Next post: **${formatInZone(status.nextAt, schedule.timezone, locale)}**.` : `Kiriman berikutnya: **${formatInZone(status.nextAt, schedule.timezone, locale)}**.`
      : en ? 'Next post: none while paused.' : 'Kiriman berikutnya: tidak ada selama dijeda.',
    status.lastPost ? postLine(status.lastPost, locale) : en ? 'Nothing posted yet.' : 'Belum ada yang dikirim.',
    ...(alert ? [alert] : []),
  ];
  return withPauseNotice({ ok: true, ephemeral: true, text: lines.join('\n'), data }, schedule, locale);
}

export function digestOffReply(removed: boolean, locale: Locale): Reply {
  const en = locale === 'en';
  const text = removed
    ? en ? 'Weekly digest turned off (its alert too). Set it again with `/digest set`.' : 'Ringkasan mingguan dimatikan (beserta peringatannya). Atur lagi dengan `/digest set`.'
    : en ? 'There was no weekly digest to turn off.' : 'Tidak ada ringkasan mingguan untuk dimatikan.';
  return { ok: true, ephemeral: true, text, data: { removed } };
}
