import {
  ApplicationCommandType,
  ApplicationFlags,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommand,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { commandProblems } from './command-limits.js';
import { DiscordErrors } from './errors.js';
import type { Route, RouteReply, RouteRequest } from './router.js';
import type { FakeState } from './state.js';

/** Gateway discovery, the bot's own identity, and command registration. */
export function applicationRoutes(state: FakeState, gatewayUrl: string): Route[] {
  return [
    { method: 'GET', path: '/gateway/bot', auth: true, handle: () => ({ status: 200, body: gatewayBot(gatewayUrl) }) },
    { method: 'GET', path: '/users/@me', auth: true, handle: () => ({ status: 200, body: state.bot }) },
    { method: 'GET', path: '/applications/@me', auth: true, handle: () => ({ status: 200, body: application(state) }) },
    { method: 'GET', path: '/applications/:app/commands', auth: true, handle: (request) => listCommands(state, request) },
    { method: 'PUT', path: '/applications/:app/commands', auth: true, handle: (request) => putCommands(state, request) },
    { method: 'GET', path: '/applications/:app/guilds/:guild/commands', auth: true, handle: (request) => listCommands(state, request) },
    { method: 'PUT', path: '/applications/:app/guilds/:guild/commands', auth: true, handle: (request) => putCommands(state, request) },
  ];
}

function gatewayBot(url: string) {
  return { url, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } };
}

function application(state: FakeState) {
  const flags = 0 as ApplicationFlags;
  return {
    id: state.application.id,
    name: state.application.name,
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    team: null,
    flags,
    flags_new: String(flags),
    owner: { ...state.bot, bot: false, username: 'segmenta-owner' },
    bot: state.bot,
  };
}

/** The scope a command route addresses (`global` or a guild), or the error Discord gives for it. */
function scopeOf(state: FakeState, params: Record<string, string>): string | RouteReply {
  if (params.app !== state.application.id) return DiscordErrors.missingAccess();
  if (params.guild === undefined) return 'global';
  // Registering in a server the bot is not in fails with Missing Access, as on Discord.
  if (!state.guilds.get(params.guild)?.present) return DiscordErrors.missingAccess();
  return params.guild;
}

function listCommands(state: FakeState, { params }: RouteRequest): RouteReply {
  const scope = scopeOf(state, params);
  if (typeof scope !== 'string') return scope;
  return { status: 200, body: state.commands.get(scope) ?? [] };
}

/** Bulk overwrite: commands keep their id when a command of the same name and type existed. */
function putCommands(state: FakeState, { params, body }: RouteRequest): RouteReply {
  const scope = scopeOf(state, params);
  if (typeof scope !== 'string') return scope;
  const definitions = (Array.isArray(body) ? body : []) as RESTPutAPIApplicationCommandsJSONBody;
  const problems = commandProblems(definitions);
  if (!problems.empty) return DiscordErrors.invalidFormBody(problems.toErrors());
  const previous = state.commands.get(scope) ?? [];
  const registered = definitions.map((definition): APIApplicationCommand => {
    const type = definition.type ?? ApplicationCommandType.ChatInput;
    const existing = previous.find((command) => command.name === definition.name && command.type === type);
    return {
      id: existing?.id ?? state.nextId(),
      application_id: state.application.id,
      version: state.nextId(),
      default_member_permissions: null,
      nsfw: false,
      integration_types: [ApplicationIntegrationType.GuildInstall],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
      ...(definition as Omit<APIApplicationCommand, 'id' | 'application_id' | 'version' | 'type' | 'default_member_permissions'>),
      type,
      description: 'description' in definition ? (definition.description ?? '') : '',
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
  });
  state.commands.set(scope, registered);
  return { status: 200, body: registered };
}
