import type { APIApplicationCommand, APIMessage, APIUser, InteractionResponseType, InteractionType } from 'discord.js';
import type { FakeCdn } from './cdn.js';
import type { Clock } from './clock.js';
import type { FakeChannel, FakeGuild } from './guilds.js';

/** An interaction the fake dispatched, and what the bot has done with it so far. */
export interface FakeInteraction {
  id: string;
  token: string;
  type: InteractionType;
  guildId: string;
  channelId: string;
  user: APIUser;
  /** Command name for commands and autocomplete; null for components. */
  commandName: string | null;
  /** Fake-clock time of the dispatch: the 3-second and 15-minute windows start here. */
  createdAt: number;
  acknowledgement: { type: InteractionResponseType; at: number } | null;
  /** The message `@original` points at: the reply (callback 4 or 5) or the clicked message (6 or 7). */
  originalMessageId: string | null;
  /** For components: the message holding the clicked component. */
  sourceMessageId: string | null;
  followUpIds: string[];
}

/** Everything the fake Discord knows; routes and the gateway read and change it. */
export class FakeState {
  readonly guilds = new Map<string, FakeGuild>();
  readonly interactions = new Map<string, FakeInteraction>();
  readonly messages = new Map<string, APIMessage>();
  /** Registered commands by scope: `global` or a guild id. */
  readonly commands = new Map<string, APIApplicationCommand[]>();

  constructor(
    readonly application: { id: string; name: string },
    readonly bot: APIUser,
    readonly clock: Clock,
    readonly nextId: () => string,
    readonly cdn: FakeCdn,
    readonly uploadLimitBytes: number,
  ) {}

  channel(channelId: string): { guild: FakeGuild; channel: FakeChannel } | undefined {
    for (const guild of this.guilds.values()) {
      const channel = guild.channels.find((candidate) => candidate.id === channelId);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  interactionByToken(token: string): FakeInteraction | undefined {
    for (const interaction of this.interactions.values()) if (interaction.token === token) return interaction;
    return undefined;
  }

  /** The command a name refers to in a guild: the guild's own registration first, then the global one. */
  command(guildId: string, name: string): APIApplicationCommand | undefined {
    const scoped = this.commands.get(guildId)?.find((command) => command.name === name);
    return scoped ?? this.commands.get('global')?.find((command) => command.name === name);
  }

  isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
