import { InteractionType, MessageFlags, MessageType, type APIAttachment, type APIEmbed, type APIMessage, type APIUser } from 'discord.js';
import type { MessageBody } from './message-limits.js';
import type { RecordedFile } from './recorder.js';
import type { FakeInteraction, FakeState } from './state.js';

export interface MessageOrigin {
  author: APIUser;
  channelId: string;
  /** Present when an interaction made the message; Discord then marks it as a webhook message. */
  interaction?: FakeInteraction;
  flags?: number;
}

/** A new message from a create body and its uploads; the caller stores it once Discord would accept it. */
export function createMessage(state: FakeState, origin: MessageOrigin, body: MessageBody, files: RecordedFile[]): APIMessage {
  const uploads = uploadAttachments(state, origin.channelId, body, files);
  const attachments = body.attachments ? uploads.filter((upload) => upload.listed) : uploads;
  const message: APIMessage = {
    id: state.nextId(),
    channel_id: origin.channelId,
    author: origin.author,
    content: body.content ?? '',
    timestamp: state.isoNow(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: attachments.map((upload) => upload.attachment),
    embeds: resolveEmbeds(body.embeds ?? [], uploads),
    components: (body.components ?? []) as APIMessage['components'],
    pinned: false,
    type: origin.interaction?.commandName ? MessageType.ChatInputCommand : MessageType.Default,
    flags: ((origin.flags ?? 0) | (body.flags ?? 0)) as MessageFlags,
    ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
    ...(origin.interaction ? interactionFields(state, origin.interaction) : {}),
  };
  return message;
}

/** How long Discord remembers a nonce for enforce_nonce: "the past few minutes" in its docs. */
export const NONCE_WINDOW_MS = 5 * 60_000;

/** The message an author already made with this nonce within the window, which enforce_nonce returns instead of a new one. */
export function messageWithNonce(state: FakeState, authorId: string, nonce: string | number): APIMessage | undefined {
  const since = state.clock.now() - NONCE_WINDOW_MS;
  return [...state.messages.values()].find(
    (message) => message.author.id === authorId && message.nonce !== undefined && String(message.nonce) === String(nonce) && Date.parse(message.timestamp) >= since,
  );
}

/**
 * PATCH semantics: fields present replace, absent ones stay. `attachments` lists what to keep
 * (existing ids) and which uploads to add (by index); without it uploads are appended.
 */
export function editMessage(state: FakeState, message: APIMessage, body: MessageBody, files: RecordedFile[]): APIMessage {
  const uploads = uploadAttachments(state, message.channel_id, body, files);
  const listedIds = new Set(body.attachments?.map((attachment) => String(attachment.id)));
  const kept = body.attachments ? message.attachments.filter((attachment) => listedIds.has(attachment.id)) : message.attachments;
  const added = body.attachments ? uploads.filter((upload) => upload.listed) : uploads;
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  const edited: APIMessage = {
    ...message,
    ...(body.content !== undefined ? { content: body.content } : {}),
    ...(body.embeds !== undefined ? { embeds: resolveEmbeds(body.embeds, uploads) } : {}),
    ...(body.components !== undefined ? { components: body.components as APIMessage['components'] } : {}),
    attachments: [...kept, ...added.map((upload) => upload.attachment)],
    // Ephemerality is fixed at creation; finishing a deferred reply only drops the loading flag.
    flags: ((message.flags ?? 0) & ~MessageFlags.Loading) as MessageFlags,
    edited_timestamp: wasLoading ? null : state.isoNow(),
  };
  return edited;
}

/** Stores a message unless it has nothing to show, which Discord refuses with code 50006. */
export function storeUnlessEmpty(state: FakeState, message: APIMessage): boolean {
  const loading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  const empty = !message.content && !message.embeds.length && !message.attachments.length && !message.components?.length;
  if (empty && !loading) return false;
  state.messages.set(message.id, message);
  return true;
}

interface Upload {
  attachment: APIAttachment;
  /** Whether the body's `attachments` array mentions this upload's index. */
  listed: boolean;
}

function uploadAttachments(state: FakeState, channelId: string, body: MessageBody, files: RecordedFile[]): Upload[] {
  return files.map((file) => {
    const index = /^files\[(\d+)\]$/.exec(file.field)?.[1] ?? file.field;
    const descriptor = body.attachments?.find((attachment) => String(attachment.id) === index);
    const filename = descriptor?.filename ?? file.name;
    const overrides = descriptor?.description ? { description: descriptor.description } : {};
    const attachment = state.cdn.store(`attachments/${channelId}`, filename, file.bytes, file.contentType, overrides);
    return { attachment, listed: descriptor !== undefined };
  });
}

/** Discord swaps `attachment://name` in embeds for the uploaded file's CDN address. */
function resolveEmbeds(embeds: APIEmbed[], uploads: Upload[]): APIEmbed[] {
  const resolve = <T extends { url: string }>(media: T | undefined): T | undefined => {
    if (!media?.url.startsWith('attachment://')) return media;
    const upload = uploads.find((candidate) => candidate.attachment.filename === media.url.slice('attachment://'.length));
    return upload ? { ...media, url: upload.attachment.url, proxy_url: upload.attachment.proxy_url } : media;
  };
  return embeds.map((embed) => {
    const image = resolve(embed.image);
    const thumbnail = resolve(embed.thumbnail);
    return { type: 'rich' as APIEmbed['type'], ...embed, ...(image ? { image } : {}), ...(thumbnail ? { thumbnail } : {}) };
  });
}

function interactionFields(state: FakeState, interaction: FakeInteraction): Partial<APIMessage> {
  const owners = { '0': interaction.guildId };
  return {
    webhook_id: state.application.id,
    application_id: state.application.id,
    interaction_metadata:
      interaction.type === InteractionType.MessageComponent
        ? {
            id: interaction.id,
            type: InteractionType.MessageComponent,
            user: interaction.user,
            authorizing_integration_owners: owners,
            interacted_message_id: interaction.sourceMessageId ?? '',
          }
        : { id: interaction.id, type: InteractionType.ApplicationCommand, user: interaction.user, authorizing_integration_owners: owners },
    ...(interaction.commandName
      ? { interaction: { id: interaction.id, type: interaction.type, name: interaction.commandName, user: interaction.user } }
      : {}),
  };
}
