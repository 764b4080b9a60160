import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIAttachment,
  type APIInteractionDataResolved,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIUser,
} from 'discord.js';
import { channelPayload, EVERYONE_PERMISSIONS, memberPayload, userPayload, type FakeChannel, type FakeGuild } from './guilds.js';
import type { FakeInteraction, FakeState } from './state.js';

export interface InvokingUser {
  id?: string;
  username?: string;
  /** The member's permissions in the channel, as Discord computed them; defaults to a plain member's. */
  permissions?: bigint | string;
  roles?: string[];
}

/** Where an interaction happens and who makes it; defaults to the first guild, its first channel, a plain member. */
export interface InteractionPlace {
  guildId?: string;
  channelId?: string;
  user?: InvokingUser;
  locale?: `${Locale}`;
}

export type OptionValue = string | number | boolean;

export interface CommandInvocation extends InteractionPlace {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  /** Attachment options by name, each an object from `fake.addAttachment`. */
  attachments?: Record<string, APIAttachment>;
}

export interface AutocompleteInvocation extends InteractionPlace {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** What the user has filled in so far; the focused option's value is the partial text. */
  options?: Record<string, OptionValue>;
  focused: string;
}

export interface ButtonPress extends InteractionPlace {
  customId: string;
  /** The message holding the button; defaults to the newest message that has one with this custom id. */
  messageId?: string;
}

type Base = Pick<
  APIChatInputApplicationCommandGuildInteraction,
  | 'id' | 'application_id' | 'token' | 'version' | 'guild_id' | 'guild' | 'channel_id' | 'channel' | 'member'
  | 'app_permissions' | 'locale' | 'guild_locale' | 'entitlements' | 'authorizing_integration_owners' | 'context'
  | 'attachment_size_limit'
>;

/** Builds interaction payloads field for field as Discord sends them to a guild-installed app. */
export class InteractionFactory {
  constructor(
    private readonly state: FakeState,
    private readonly defaultUser: APIUser,
  ) {}

  command(invocation: CommandInvocation): { record: FakeInteraction; payload: APIChatInputApplicationCommandGuildInteraction } {
    const { base, record } = this.#base(invocation, InteractionType.ApplicationCommand, invocation.name);
    const registered = this.state.command(base.guild_id, invocation.name);
    const definitions = leafDefinitions(registered?.options, invocation);
    const leaf = Object.entries(invocation.options ?? {}).map(([name, value]) => scalarOption(name, value, definitions));
    const attachments = Object.entries(invocation.attachments ?? {});
    for (const [name, attachment] of attachments) {
      leaf.push({ name, type: ApplicationCommandOptionType.Attachment, value: attachment.id });
    }
    const payload: APIChatInputApplicationCommandGuildInteraction = {
      ...base,
      type: InteractionType.ApplicationCommand,
      data: {
        id: registered?.id ?? this.state.nextId(),
        name: invocation.name,
        type: ApplicationCommandType.ChatInput,
        ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
        options: nest(leaf, invocation),
        ...resolvedOf(this.state, base.guild_id, leaf, attachments),
      },
    };
    return { record, payload };
  }

  autocomplete(invocation: AutocompleteInvocation): { record: FakeInteraction; payload: APIApplicationCommandAutocompleteGuildInteraction } {
    const { base, record } = this.#base(invocation, InteractionType.ApplicationCommandAutocomplete, invocation.name);
    const registered = this.state.command(base.guild_id, invocation.name);
    const definitions = leafDefinitions(registered?.options, invocation);
    const typed = { ...invocation.options };
    typed[invocation.focused] ??= '';
    const leaf = Object.entries(typed).map(([name, value]) => {
      const option = scalarOption(name, value, definitions);
      return name === invocation.focused ? { ...option, focused: true } : option;
    });
    const payload: APIApplicationCommandAutocompleteGuildInteraction = {
      ...base,
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: registered?.id ?? this.state.nextId(),
        name: invocation.name,
        type: ApplicationCommandType.ChatInput,
        ...(registered?.guild_id ? { guild_id: registered.guild_id } : {}),
        options: nest(leaf, invocation),
      },
    };
    return { record, payload };
  }

  button(press: ButtonPress): { record: FakeInteraction; payload: APIMessageComponentButtonInteraction } {
    const message = this.#messageWithButton(press);
    const { base, record } = this.#base({ ...press, channelId: message.channel_id }, InteractionType.MessageComponent, null);
    record.sourceMessageId = message.id;
    const payload = {
      ...base,
      type: InteractionType.MessageComponent,
      message,
      data: { custom_id: press.customId, component_type: ComponentType.Button },
    } satisfies APIMessageComponentButtonInteraction;
    return { record, payload };
  }

  #base(place: InteractionPlace, type: InteractionType, commandName: string | null): { base: Base; record: FakeInteraction } {
    const { guild, channel } = this.#place(place);
    const invoker = place.user?.id ? userPayload(place.user.id, place.user.username ?? `member-${place.user.id.slice(-4)}`) : this.defaultUser;
    const permissions = BigInt(place.user?.permissions ?? EVERYONE_PERMISSIONS).toString();
    const id = this.state.nextId();
    const token = Buffer.from(`interaction:${id}:${this.state.nextId()}`).toString('base64url');
    const record: FakeInteraction = {
      id,
      token,
      type,
      guildId: guild.id,
      channelId: channel.id,
      user: invoker,
      commandName,
      createdAt: this.state.clock.now(),
      acknowledgement: null,
      originalMessageId: null,
      sourceMessageId: null,
      followUpIds: [],
    };
    this.state.interactions.set(id, record);
    const base: Base = {
      id,
      application_id: this.state.application.id,
      token,
      version: 1,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
      channel_id: channel.id,
      channel: channelPayload(channel, guild),
      member: { ...memberPayload(invoker, place.user?.roles ?? [], guild.joinedAt), permissions },
      app_permissions: channel.botPermissions.toString(),
      locale: (place.locale ?? Locale.EnglishUS) as Locale,
      guild_locale: guild.preferredLocale,
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: InteractionContextType.Guild,
      attachment_size_limit: this.state.uploadLimitBytes,
    };
    return { base, record };
  }

  #place(place: InteractionPlace): { guild: FakeGuild; channel: FakeChannel } {
    const guild = place.guildId ? this.state.guilds.get(place.guildId) : this.state.guilds.values().next().value;
    if (!guild?.present) throw new Error(`fake discord: the bot is not in guild ${place.guildId ?? '(none configured)'}`);
    const channel = place.channelId ? guild.channels.find((candidate) => candidate.id === place.channelId) : guild.channels[0];
    if (!channel) throw new Error(`fake discord: guild ${guild.id} has no channel ${place.channelId ?? '(none configured)'}`);
    return { guild, channel };
  }

  /** Discord only sends a click for a button that exists on a message, so the fake looks for it. */
  #messageWithButton(press: ButtonPress): APIMessage {
    const candidates = press.messageId
      ? [this.state.messages.get(press.messageId)]
      : [...this.state.messages.values()].reverse();
    const message = candidates.find((candidate) => candidate && hasCustomId(candidate.components ?? [], press.customId));
    if (!message) throw new Error(`fake discord: no message ${press.messageId ?? ''} has a component with custom_id ${press.customId}`);
    return message;
  }
}

function hasCustomId(components: readonly unknown[], customId: string): boolean {
  return components.some((component) => {
    const node = component as { custom_id?: string; components?: unknown[]; accessory?: unknown };
    return node.custom_id === customId || hasCustomId([...(node.components ?? []), ...(node.accessory ? [node.accessory] : [])], customId);
  });
}

/** The option definitions under the invoked (group, sub)command, when the command was registered with the fake. */
function leafDefinitions(
  options: APIApplicationCommandOption[] | undefined,
  invocation: { subcommandGroup?: string; subcommand?: string },
): APIApplicationCommandOption[] {
  let level = options ?? [];
  for (const name of [invocation.subcommandGroup, invocation.subcommand]) {
    if (!name) continue;
    const next = level.find((option) => option.name === name);
    level = next && 'options' in next ? ((next.options ?? []) as APIApplicationCommandOption[]) : [];
  }
  return level;
}

/** The declared type when registered, otherwise the type a JavaScript value implies. */
function scalarOption(name: string, value: OptionValue, definitions: APIApplicationCommandOption[]): APIApplicationCommandInteractionDataOption {
  const declared = definitions.find((definition) => definition.name === name)?.type;
  const inferred =
    typeof value === 'boolean'
      ? ApplicationCommandOptionType.Boolean
      : typeof value === 'number'
        ? Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number
        : ApplicationCommandOptionType.String;
  return { name, type: declared ?? inferred, value } as APIApplicationCommandInteractionDataOption;
}

function nest(
  leaf: APIApplicationCommandInteractionDataOption[],
  invocation: { subcommandGroup?: string; subcommand?: string },
): APIApplicationCommandInteractionDataOption[] {
  if (!invocation.subcommand) return leaf;
  const subcommand = { name: invocation.subcommand, type: ApplicationCommandOptionType.Subcommand, options: leaf };
  if (!invocation.subcommandGroup) return [subcommand] as APIApplicationCommandInteractionDataOption[];
  return [{ name: invocation.subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [subcommand] }] as APIApplicationCommandInteractionDataOption[];
}

/** Discord sends the objects behind attachment and channel options in `resolved` (a channel with the member's permissions there). */
function resolvedOf(
  state: FakeState,
  guildId: string,
  leaf: APIApplicationCommandInteractionDataOption[],
  attachments: [string, APIAttachment][],
): { resolved?: APIInteractionDataResolved } {
  const channels = leaf.flatMap((option) => {
    if (option.type !== ApplicationCommandOptionType.Channel) return [];
    const found = state.channel(String(option.value));
    return found && found.guild.id === guildId ? [[found.channel.id, { ...channelPayload(found.channel, found.guild), permissions: EVERYONE_PERMISSIONS.toString() }] as const] : [];
  });
  const resolved = {
    ...(attachments.length ? { attachments: Object.fromEntries(attachments.map(([, a]) => [a.id, a])) } : {}),
    ...(channels.length ? { channels: Object.fromEntries(channels) } : {}),
  };
  return Object.keys(resolved).length ? { resolved: resolved as APIInteractionDataResolved } : {};
}
