import { DiscordAPIError, Locale as DiscordLocale, PermissionFlagsBits, RESTJSONErrorCodes, type Client, type GuildBasedChannel } from 'discord.js';
import { DIGEST_PERMISSIONS, type ChannelCheck, type DigestChannels, type DigestPermission, type SendOutcome } from '../../app/digest/post-port.js';
import type { Locale, Reply } from '../../app/reply.js';
import { replyPayload } from './reply-payload.js';

/** What a server without boosts lets a bot upload in one message; a digest's charts are far below it. */
const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/** The channel as the bot's cache knows it (the Guilds intent keeps every channel and its overwrites), or null. */
function channelOf(client: Client, guildId: string, channelId: string): GuildBasedChannel | null {
  return client.guilds.cache.get(guildId)?.channels.cache.get(channelId) ?? null;
}

/** The digest permissions the bot lacks in a channel, computed from its roles and the channel's overwrites. */
function missingPermissions(channel: GuildBasedChannel): DigestPermission[] {
  const me = channel.guild.members.me;
  const granted = me ? channel.permissionsFor(me) : null;
  return DIGEST_PERMISSIONS.filter((permission) => !granted?.has(PermissionFlagsBits[permission]));
}

/** A refused send in the digest's terms: what a person must fix, or a failure worth another quick try. */
function sendFailure(error: unknown, channel: GuildBasedChannel): Exclude<SendOutcome, { ok: true }> {
  if (error instanceof DiscordAPIError) {
    if (error.code === RESTJSONErrorCodes.UnknownChannel) return { ok: false, reason: 'channel_not_found' };
    if (error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess) {
      const missing = missingPermissions(channel);
      // The cache can lag behind a change just made in the server settings; Discord's refusal is what counts.
      const fallback: DigestPermission[] = error.code === RESTJSONErrorCodes.MissingAccess ? ['ViewChannel'] : ['SendMessages'];
      return { ok: false, reason: 'missing_permissions', missing: missing.length ? missing : fallback };
    }
  }
  return { ok: false, reason: 'transient', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * The Discord side of the digest port: permission checks from the bot's cache, and posts as plain channel messages
 * sent with the period's nonce and enforce_nonce, so Discord itself turns a repeated send into the first message.
 */
export function discordDigestChannels(client: Client, onScheduleChanged: (guildId: string) => void): DigestChannels {
  return {
    async check(guildId, channelId): Promise<ChannelCheck> {
      const channel = channelOf(client, guildId, channelId);
      if (!channel?.isTextBased()) return { ok: false, reason: 'channel_not_found' };
      const missing = missingPermissions(channel);
      return missing.length ? { ok: false, reason: 'missing_permissions', missing } : { ok: true };
    },
    async send(guildId, channelId, reply: Reply, nonce): Promise<SendOutcome> {
      const channel = channelOf(client, guildId, channelId);
      if (!channel?.isSendable()) return { ok: false, reason: 'channel_not_found' };
      const locale = this.serverLocale(guildId);
      try {
        const message = await channel.send({ ...replyPayload(reply, { uploadLimitBytes: UPLOAD_LIMIT_BYTES, locale }), nonce, enforceNonce: true });
        return { ok: true, messageId: message.id };
      } catch (error) {
        return sendFailure(error, channel);
      }
    },
    serverLocale(guildId): Locale {
      return client.guilds.cache.get(guildId)?.preferredLocale === DiscordLocale.Indonesian ? 'id' : 'en';
    },
    scheduleChanged: onScheduleChanged,
  };
}
