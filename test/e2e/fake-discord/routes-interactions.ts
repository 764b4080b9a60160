import { InteractionResponseType, InteractionType, MessageFlags, type APIMessage } from 'discord.js';
import { DiscordErrors } from './errors.js';
import { createMessage, editMessage, storeUnlessEmpty } from './messages.js';
import { autocompleteProblems, messageProblems, modalProblems, type MessageBody } from './message-limits.js';
import { FormProblems } from './form-problems.js';
import type { Route, RouteReply, RouteRequest } from './router.js';
import type { FakeInteraction, FakeState } from './state.js';

/** Discord drops an interaction nobody acknowledged within 3 seconds. */
const ACKNOWLEDGE_DEADLINE_MS = 3_000;
/** Interaction tokens work for webhook edits and follow-ups for 15 minutes. */
const TOKEN_LIFETIME_MS = 15 * 60 * 1_000;

/** Callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
};

interface CallbackBody {
  type: InteractionResponseType;
  data?: MessageBody & { choices?: { name?: string; value?: unknown }[]; title?: string; custom_id?: string };
}

export function interactionRoutes(state: FakeState): Route[] {
  return [
    { method: 'POST', path: '/interactions/:id/:token/callback', auth: false, handle: (request) => callback(state, request) },
    { method: 'GET', path: '/webhooks/:app/:token/messages/:message', auth: false, handle: (request) => fetchMessage(state, request) },
    { method: 'PATCH', path: '/webhooks/:app/:token/messages/:message', auth: false, handle: (request) => patchMessage(state, request) },
    { method: 'DELETE', path: '/webhooks/:app/:token/messages/:message', auth: false, handle: (request) => deleteMessage(state, request) },
    { method: 'POST', path: '/webhooks/:app/:token', auth: false, handle: (request) => followUp(state, request) },
  ];
}

function callback(state: FakeState, { params, query, body, files }: RouteRequest): RouteReply {
  const interaction = state.interactions.get(params.id ?? '');
  if (!interaction || interaction.token !== params.token) return DiscordErrors.unknownInteraction();
  const tagged = { interactionId: interaction.id };
  if (interaction.acknowledgement) return { ...DiscordErrors.alreadyAcknowledged(), ...tagged };
  if (state.clock.now() - interaction.createdAt > ACKNOWLEDGE_DEADLINE_MS) {
    return { ...DiscordErrors.unknownInteraction(), ...tagged, late: true };
  }
  const response = body as CallbackBody;
  const problems = callbackProblems(interaction, response, files.length);
  if (problems) return { ...DiscordErrors.invalidFormBody(problems.toErrors(['data'])), ...tagged };
  const message = respond(state, interaction, response, files);
  if (message && !storeUnlessEmpty(state, message)) return { ...DiscordErrors.cannotSendEmptyMessage(), ...tagged };
  interaction.acknowledgement = { type: response.type, at: state.clock.now() };
  if (message) interaction.originalMessageId = message.id;
  if (query.get('with_response') !== 'true') return { status: 204, ...tagged };
  return { status: 200, body: callbackResponse(interaction, response.type, message), ...tagged };
}

function callbackProblems(interaction: FakeInteraction, response: CallbackBody, fileCount: number): FormProblems | undefined {
  if (!ALLOWED_CALLBACKS[interaction.type]?.includes(response.type)) {
    return problemAt('type', 'INTERACTION_RESPONSE_TYPE_INVALID', 'Interaction response type is invalid for this interaction');
  }
  const data = response.data ?? {};
  const problems =
    response.type === InteractionResponseType.ApplicationCommandAutocompleteResult
      ? autocompleteProblems(data.choices)
      : response.type === InteractionResponseType.Modal
        ? modalProblems(data)
        : messageProblems(data, fileCount);
  return problems.empty ? undefined : problems;
}

function problemAt(field: string, code: string, message: string): FormProblems {
  const problems = new FormProblems();
  problems.add([field], code, message);
  return problems;
}

/** Applies an accepted callback; returns the message `@original` now points at, if any. */
function respond(state: FakeState, interaction: FakeInteraction, response: CallbackBody, files: RouteRequest['files']) {
  const data = response.data ?? {};
  const origin = { author: state.bot, channelId: interaction.channelId, interaction };
  const source = interaction.sourceMessageId ? state.messages.get(interaction.sourceMessageId) : undefined;
  switch (response.type) {
    case InteractionResponseType.ChannelMessageWithSource:
      return createMessage(state, origin, data, files);
    case InteractionResponseType.DeferredChannelMessageWithSource:
      // The "Bot is thinking..." placeholder; its ephemerality is fixed now.
      return createMessage(state, { ...origin, flags: MessageFlags.Loading | ((data.flags ?? 0) & MessageFlags.Ephemeral) }, {}, []);
    case InteractionResponseType.DeferredMessageUpdate:
      return source;
    case InteractionResponseType.UpdateMessage:
      return source && editMessage(state, source, data, files);
    default:
      return undefined;
  }
}

function callbackResponse(interaction: FakeInteraction, type: InteractionResponseType, message: APIMessage | undefined) {
  const flags = message?.flags ?? 0;
  return {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (flags & MessageFlags.Loading) !== 0,
            response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  };
}

/** The interaction behind a webhook token, or the error Discord gives for that token. */
function interactionOf(state: FakeState, params: Record<string, string>): FakeInteraction | RouteReply {
  const interaction = state.interactionByToken(params.token ?? '');
  if (!interaction || params.app !== state.application.id) return DiscordErrors.unknownWebhook();
  if (state.clock.now() - interaction.createdAt > TOKEN_LIFETIME_MS) {
    return { ...DiscordErrors.invalidWebhookToken(), interactionId: interaction.id };
  }
  if (!interaction.acknowledgement) return { ...DiscordErrors.unknownWebhook(), interactionId: interaction.id };
  return interaction;
}

function messageOf(state: FakeState, interaction: FakeInteraction, reference: string | undefined): APIMessage | undefined {
  const id = reference === '@original' ? interaction.originalMessageId : reference;
  const owned = id !== null && (id === interaction.originalMessageId || interaction.followUpIds.includes(id ?? ''));
  return owned ? state.messages.get(id ?? '') : undefined;
}

function withMessage(
  state: FakeState,
  params: Record<string, string>,
  act: (interaction: FakeInteraction, message: APIMessage) => RouteReply,
): RouteReply {
  const interaction = interactionOf(state, params);
  if (!('token' in interaction)) return interaction;
  const message = messageOf(state, interaction, params.message);
  if (!message) return { ...DiscordErrors.unknownMessage(), interactionId: interaction.id };
  return { ...act(interaction, message), interactionId: interaction.id };
}

function fetchMessage(state: FakeState, { params }: RouteRequest): RouteReply {
  return withMessage(state, params, (_, message) => ({ status: 200, body: message }));
}

function patchMessage(state: FakeState, { params, body, files }: RouteRequest): RouteReply {
  return withMessage(state, params, (_, message) => {
    const edit = (body ?? {}) as MessageBody;
    const problems = messageProblems(edit, files.length);
    if (!problems.empty) return DiscordErrors.invalidFormBody(problems.toErrors());
    const edited = editMessage(state, message, edit, files);
    return storeUnlessEmpty(state, edited) ? { status: 200, body: edited } : DiscordErrors.cannotSendEmptyMessage();
  });
}

function deleteMessage(state: FakeState, { params }: RouteRequest): RouteReply {
  return withMessage(state, params, (_, message) => {
    state.messages.delete(message.id);
    return { status: 204 };
  });
}

function followUp(state: FakeState, { params, body, files }: RouteRequest): RouteReply {
  const interaction = interactionOf(state, params);
  if (!('token' in interaction)) return interaction;
  const tagged = { interactionId: interaction.id };
  const payload = (body ?? {}) as MessageBody;
  const problems = messageProblems(payload, files.length);
  if (!problems.empty) return { ...DiscordErrors.invalidFormBody(problems.toErrors()), ...tagged };
  const original = interaction.originalMessageId ? state.messages.get(interaction.originalMessageId) : undefined;
  // Discord turns the first follow-up after a deferred reply into that reply instead of a new message.
  const replacesDeferred = original !== undefined && ((original.flags ?? 0) & MessageFlags.Loading) !== 0;
  const message = replacesDeferred
    ? editMessage(state, original, payload, files)
    : createMessage(state, { author: state.bot, channelId: interaction.channelId, interaction }, payload, files);
  if (!storeUnlessEmpty(state, message)) return { ...DiscordErrors.cannotSendEmptyMessage(), ...tagged };
  if (!replacesDeferred) interaction.followUpIds.push(message.id);
  return { status: 200, body: message, ...tagged };
}
