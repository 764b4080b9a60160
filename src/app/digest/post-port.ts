import type { Locale, Reply } from '../reply.js';

/** The permissions a digest needs in its channel, by the names Discord's server settings show. */
export const DIGEST_PERMISSIONS = ['ViewChannel', 'SendMessages', 'EmbedLinks', 'AttachFiles'] as const;
export type DigestPermission = (typeof DIGEST_PERMISSIONS)[number];

/** Whether the bot may post a digest in a channel, and if not, why. */
export type ChannelCheck =
  | { ok: true }
  | { ok: false; reason: 'channel_not_found' }
  | { ok: false; reason: 'missing_permissions'; missing: DigestPermission[] };

/** How a send ended. `transient`: Discord or the network failed (5xx, timeout); worth another attempt as it is. */
export type SendOutcome =
  | { ok: true; messageId: string }
  | { ok: false; reason: 'channel_not_found' }
  | { ok: false; reason: 'missing_permissions'; missing: DigestPermission[] }
  | { ok: false; reason: 'transient'; detail: string };

/**
 * What a door that can reach a server's channels lends the digest: the Discord bot does (src/transports/discord/
 * digest-channels.ts), the CLI and the console do not. The digest's use-cases and commands speak to this port only,
 * so they stay free of discord.js, and a test can stand in for Discord with a few lines.
 */
export interface DigestChannels {
  /** Whether the channel exists in the server and the bot holds every permission of DIGEST_PERMISSIONS there. */
  check(guildId: string, channelId: string): Promise<ChannelCheck>;
  /**
   * Posts a reply as one channel message. `nonce` (at most 25 characters) is sent with enforce_nonce, so a send
   * repeated within Discord's few minutes returns the first message instead of making a second.
   */
  send(guildId: string, channelId: string, reply: Reply, nonce: string): Promise<SendOutcome>;
  /** The server's own language (its community locale), for posts when /settings language is auto. */
  serverLocale(guildId: string): Locale;
  /** A schedule was set, changed, paused or turned off: the door's scheduler looks at the server again. */
  scheduleChanged(guildId: string): void;
}

/** A failed check or send as the reason stored with the post and shown to admins ('missing_permissions:EmbedLinks,AttachFiles'). */
export function failureReason(outcome: Exclude<ChannelCheck | SendOutcome, { ok: true }>): string {
  return outcome.reason === 'missing_permissions' ? `missing_permissions:${outcome.missing.join(',')}` : outcome.reason;
}
