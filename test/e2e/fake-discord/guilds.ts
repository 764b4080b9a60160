import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildMemberFlags,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  OverwriteType,
  PermissionFlagsBits,
  RoleFlags,
  type APIGuildMember,
  type APIGuildTextChannel,
  type APIRole,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord.js';

/** What a member without special roles may do in a fresh server. */
export const EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

/** What the bot's managed role grants when it is invited with the usual scopes. */
export const BOT_PERMISSIONS = EVERYONE_PERMISSIONS | PermissionFlagsBits.SendMessagesInThreads;

export interface ChannelInit {
  id?: string;
  name: string;
  /** What the bot may do in this channel; less than BOT_PERMISSIONS becomes a deny overwrite on its role. */
  botPermissions?: bigint;
}

export interface GuildInit {
  id?: string;
  name?: string;
  preferredLocale?: `${Locale}`;
  channels?: ChannelInit[];
  /** Roles besides @everyone and the bot's, granting nothing by themselves; give a member one with `user.roles`. */
  roles?: { id?: string; name: string }[];
}

export interface FakeChannel {
  id: string;
  guildId: string;
  name: string;
  position: number;
  botPermissions: bigint;
}

export interface FakeGuild {
  id: string;
  name: string;
  preferredLocale: Locale;
  owner: APIUser;
  botRoleId: string;
  joinedAt: string;
  channels: FakeChannel[];
  roles: { id: string; name: string }[];
  /** False once the bot was removed (GUILD_DELETE); Discord then refuses the bot everything there. */
  present: boolean;
}

export function userPayload(id: string, username: string, bot = false): APIUser {
  return { id, username, discriminator: '0', global_name: bot ? null : username, avatar: null, bot };
}

export function createGuild(init: GuildInit, nextId: () => string, joinedAt: string): FakeGuild {
  const id = init.id ?? nextId();
  const channels = init.channels ?? [{ name: 'general' }, { name: 'marketing' }];
  return {
    id,
    name: init.name ?? 'Toko Segmenta',
    preferredLocale: (init.preferredLocale ?? Locale.EnglishUS) as Locale,
    owner: userPayload(nextId(), 'store-owner'),
    botRoleId: nextId(),
    joinedAt,
    present: true,
    roles: (init.roles ?? []).map((extra) => ({ id: extra.id ?? nextId(), name: extra.name })),
    channels: channels.map((channel, position) => ({
      id: channel.id ?? nextId(),
      guildId: id,
      name: channel.name,
      position,
      botPermissions: channel.botPermissions ?? BOT_PERMISSIONS,
    })),
  };
}

function role(id: string, name: string, position: number, permissions: bigint, botId?: string): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed: botId !== undefined,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(botId ? { tags: { bot_id: botId } } : {}),
  };
}

export function channelPayload(channel: FakeChannel, guild: FakeGuild): APIGuildTextChannel<ChannelType.GuildText> {
  const denied = BOT_PERMISSIONS & ~channel.botPermissions;
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    permission_overwrites: denied
      ? [{ id: guild.botRoleId, type: OverwriteType.Role, allow: '0', deny: denied.toString() }]
      : [],
  };
}

export function memberPayload(member: APIUser, roles: string[], joinedAt: string): APIGuildMember & { user: APIUser } {
  return {
    user: member,
    roles,
    nick: null,
    avatar: null,
    banner: null,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** GUILD_CREATE as Discord sends it to a bot with only the Guilds intent: itself and the owner as members. */
export function guildCreatePayload(guild: FakeGuild, bot: APIUser): GatewayGuildCreateDispatchData {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.owner.id,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [
      role(guild.id, '@everyone', 0, EVERYONE_PERMISSIONS),
      role(guild.botRoleId, bot.username, 1, BOT_PERMISSIONS, bot.id),
      ...guild.roles.map((extra, index) => role(extra.id, extra.name, index + 2, 0n)),
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
    hub_type: null,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [
      memberPayload(bot, [guild.botRoleId], guild.joinedAt),
      memberPayload(guild.owner, [], guild.joinedAt),
    ],
    channels: guild.channels.map((channel) => channelPayload(channel, guild)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
