import { digestRepository } from '../../store/digest-schedules.js';
import type { AppContext } from '../context.js';
import type { Locale, Reply } from '../reply.js';
import { manualPeriod, postDigest, type DigestBuilder } from './post-digest.js';
import { reasonText, withPauseNotice } from './schedule-replies.js';

/**
 * /digest now: the digest posted in the schedule's channel at once, recorded like a scheduled post but under its own
 * key (one per minute), so it never takes the place of this week's scheduled digest. The caller runs it in the
 * server's work queue (a Manage Server command already does).
 */
export async function postDigestNow(app: AppContext, guildId: string, locale: Locale, build: DigestBuilder): Promise<Reply> {
  const en = locale === 'en';
  const schedule = digestRepository(app.db).schedule(guildId);
  if (!schedule) {
    return { ok: false, ephemeral: true, text: en ? 'Set the digest\'s channel first with `/digest set`.' : 'Atur dulu salurannya dengan `/digest set`.' };
  }
  const channels = app.digestChannels;
  if (!channels) {
    const text = en ? 'Posting in a channel needs the Discord bot. Here, `segmenta digest` prints the digest instead.' : 'Mengirim ke saluran butuh bot Discord. Di sini, `segmenta digest` mencetak ringkasannya.';
    return withPauseNotice({ ok: false, ephemeral: true, text }, schedule, locale);
  }
  const now = app.now();
  const result = await postDigest(app, channels, {
    guildId, period: manualPeriod(now), kind: 'manual', channelId: schedule.channelId, scheduledAt: now, dataset: schedule.dataset,
  }, { now: () => app.now(), build });
  const text =
    result.status === 'sent'
      ? en ? `Digest posted in <#${schedule.channelId}>.` : `Ringkasan dikirim ke <#${schedule.channelId}>.`
      : result.status === 'already'
        ? en ? `The digest was already posted in <#${schedule.channelId}> a moment ago.` : `Ringkasan sudah dikirim ke <#${schedule.channelId}> barusan.`
        : result.reply
          ? result.reply.text
          : en
            ? `The digest could not be posted in <#${schedule.channelId}>: ${reasonText(result.reason, locale)}.`
            : `Ringkasan gagal dikirim ke <#${schedule.channelId}>: ${reasonText(result.reason, locale)}.`;
  const data = {
    channelId: schedule.channelId, status: result.status,
    ...(result.status === 'sent' ? { messageId: result.messageId } : {}), ...(result.status === 'failed' ? { reason: result.reason } : {}),
  };
  return withPauseNotice({ ok: result.status !== 'failed', ephemeral: true, text, data }, digestRepository(app.db).schedule(guildId), locale);
}
