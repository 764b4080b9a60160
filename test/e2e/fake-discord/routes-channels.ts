import { PermissionFlagsBits } from 'discord.js';
import { DiscordErrors } from './errors.js';
import { channelPayload } from './guilds.js';
import { messageProblems, type MessageBody } from './message-limits.js';
import { createMessage, messageWithNonce, storeUnlessEmpty } from './messages.js';
import type { Route, RouteReply, RouteRequest } from './router.js';
import type { FakeState } from './state.js';

/** Channel lookups and plain channel messages (what a scheduled digest posts). */
export function channelRoutes(state: FakeState): Route[] {
  return [
    { method: 'GET', path: '/channels/:channel', auth: true, handle: (request) => fetchChannel(state, request) },
    { method: 'POST', path: '/channels/:channel/messages', auth: true, handle: (request) => postMessage(state, request) },
  ];
}

/** A channel the bot can see, or Discord's answer when it cannot: unknown, or in a server it left. */
function visibleChannel(state: FakeState, channelId: string) {
  const found = state.channel(channelId);
  if (!found) return DiscordErrors.unknownChannel();
  if (!found.guild.present || !(found.channel.botPermissions & PermissionFlagsBits.ViewChannel)) return DiscordErrors.missingAccess();
  return found;
}

function fetchChannel(state: FakeState, { params }: RouteRequest): RouteReply {
  const found = visibleChannel(state, params.channel ?? '');
  if ('status' in found) return found;
  return { status: 200, body: channelPayload(found.channel, found.guild) };
}

function postMessage(state: FakeState, { params, body, files }: RouteRequest): RouteReply {
  const found = visibleChannel(state, params.channel ?? '');
  if ('status' in found) return found;
  const needed = PermissionFlagsBits.SendMessages | (files.length ? PermissionFlagsBits.AttachFiles : 0n);
  if ((found.channel.botPermissions & needed) !== needed) return DiscordErrors.missingPermissions();
  const payload = (body ?? {}) as MessageBody;
  const problems = messageProblems(payload, files.length);
  if (!problems.empty) return DiscordErrors.invalidFormBody(problems.toErrors());
  const earlier = payload.enforce_nonce && payload.nonce !== undefined ? messageWithNonce(state, state.bot.id, payload.nonce) : undefined;
  if (earlier) return { status: 200, body: earlier };
  const message = createMessage(state, { author: state.bot, channelId: found.channel.id }, payload, files);
  if (!storeUnlessEmpty(state, message)) return DiscordErrors.cannotSendEmptyMessage();
  return { status: 200, body: message };
}
