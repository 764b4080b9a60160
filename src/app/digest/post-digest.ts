import { createHash } from 'node:crypto';
import { digestRepository, type DigestPost } from '../../store/digest-schedules.js';
import type { AppContext } from '../context.js';
import type { Reply } from '../reply.js';
import { readSettings, replyLocale } from '../workspace/settings.js';
import type { DigestRequest } from './build-digest.js';
import { failureReason, type DigestChannels } from './post-port.js';
import { afterFailedAttempt } from './schedule-policy.js';

/** Builds a digest reply; the real one is build-digest.ts's digestReply, tests may pass a small one. */
export type DigestBuilder = (app: AppContext, request: DigestRequest) => Promise<Reply>;

/** One post to make: a scheduled week, or a /digest now. */
export interface PostRequest {
  guildId: string;
  period: string;
  kind: DigestPost['kind'];
  channelId: string;
  scheduledAt: Date;
  dataset: string | null;
}

export type PostResult =
  | { status: 'sent'; messageId: string }
  /** The period was already posted (or skipped) by an earlier attempt: nothing was sent. */
  | { status: 'already'; post: DigestPost }
  /** `next`: what the schedule does about it. `reply`: the digest's own refusal (no data), for an admin who asked. */
  | { status: 'failed'; reason: string; attempts: number; next: 'retry' | 'pause' | 'give_up'; reply?: Reply };

/**
 * Discord's nonce for a period's post, derived from (server, period) alone: every attempt at the same period sends
 * the same nonce, so with enforce_nonce Discord answers a repeated send with the message it already made. 25
 * characters, Discord's limit.
 */
export function digestNonce(guildId: string, period: string): string {
  return createHash('sha256').update(`digest\u0000${guildId}\u0000${period}`).digest('base64url').slice(0, 25);
}

/** The key of a /digest now post: one per server per minute, so two admins pressing at once post once. */
export const manualPeriod = (now: Date): string => `now:${now.toISOString().slice(0, 16)}`;

/**
 * Posts one period's digest exactly once. The period is recorded as 'sending' before anything goes out and as 'sent'
 * (with the message id) once Discord has it; a period already sent or skipped is left alone. A failed send is
 * recorded with its reason, and for a scheduled post counts towards pausing the schedule (see schedule-policy.ts).
 * Run it inside the server's work queue, so it never overlaps an upload of the same server.
 */
export async function postDigest(
  app: AppContext,
  channels: DigestChannels,
  request: PostRequest,
  options: { now: () => Date; build: DigestBuilder },
): Promise<PostResult> {
  const digests = digestRepository(app.db);
  const { guildId, period } = request;
  const begun = digests.beginPost(
    { guildId, period, kind: request.kind, channelId: request.channelId, scheduledAt: request.scheduledAt.toISOString() },
    options.now(),
  );
  if (!begun.begun) return { status: 'already', post: begun.post };
  const attempts = begun.post.attempts;
  const fail = (reason: string, reply?: Reply): PostResult => {
    const next = afterFailedAttempt(reason, attempts);
    digests.finishPost(guildId, period, { status: 'failed', reason, uncertain: reason === 'transient' }, options.now());
    if (request.kind === 'scheduled') {
      digests.setFailures(guildId, (digests.schedule(guildId)?.failures ?? 0) + 1);
      if (next === 'pause') digests.pause(guildId, reason);
    }
    return { status: 'failed', reason, attempts, next, ...(reply ? { reply } : {}) };
  };

  const settings = readSettings(app.db, guildId);
  const locale = replyLocale(settings, channels.serverLocale(guildId));
  let reply: Reply;
  try {
    reply = await options.build(app, {
      guildId,
      ...(request.dataset ? { dataset: request.dataset } : {}),
      locale,
      currency: settings.currency,
      now: options.now(),
      skippedPeriods: digests.skippedSinceLastPost(guildId),
    });
  } catch (error) {
    fail('build_failed');
    throw error;
  }
  if (!reply.ok) return fail('no_data', reply);

  const sent = await channels.send(guildId, request.channelId, { ...reply, ephemeral: false }, digestNonce(guildId, period));
  if (!sent.ok) return fail(sent.reason === 'transient' ? 'transient' : failureReason(sent));
  digests.finishPost(guildId, period, { status: 'sent', messageId: sent.messageId }, options.now());
  if (request.kind === 'scheduled') digests.setFailures(guildId, 0);
  return { status: 'sent', messageId: sent.messageId };
}
