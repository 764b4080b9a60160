import { AttachmentBuilder, type APIEmbed, type MessageMentionOptions } from 'discord.js';
import type { Reply, ReplyEmbed } from '../../app/reply.js';

/** Discord's message and embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  files: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
} as const;

/** User data in a reply (a customer called @everyone, a dataset named after a role) never pings anyone. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

export interface DiscordPayload {
  content: string;
  embeds: APIEmbed[];
  files: AttachmentBuilder[];
  allowedMentions: MessageMentionOptions;
}

/** Cuts text to `limit` characters, at a line break when there is one near the end, marking the cut with "…". */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const room = text.slice(0, limit - 1);
  const lineBreak = room.lastIndexOf('\n');
  return `${lineBreak > limit * 0.8 ? room.slice(0, lineBreak) : room}…`;
}

function embedSize(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + fields;
}

function toEmbed(embed: ReplyEmbed, fileNames: ReadonlySet<string>): APIEmbed {
  const fields = (embed.fields ?? [])
    .slice(0, LIMITS.fields)
    .map((field) => ({ name: clipText(field.name, LIMITS.fieldName) || '\u200b', value: clipText(field.value, LIMITS.fieldValue) || '\u200b', inline: field.inline ?? false }));
  return {
    ...(embed.title ? { title: clipText(embed.title, LIMITS.title) } : {}),
    ...(embed.description ? { description: clipText(embed.description, LIMITS.description) } : {}),
    ...(fields.length ? { fields } : {}),
    ...(embed.image && fileNames.has(embed.image) ? { image: { url: `attachment://${embed.image}` } } : {}),
    ...(embed.footer ? { footer: { text: clipText(embed.footer, LIMITS.footer) } } : {}),
    ...(embed.color !== undefined ? { color: embed.color } : {}),
  };
}

/** Drops trailing fields, then shortens the description, until the embed fits `budget` characters. */
function shrinkEmbed(embed: APIEmbed, budget: number): APIEmbed | undefined {
  const shrunk: APIEmbed = { ...embed, fields: [...(embed.fields ?? [])] };
  while (embedSize(shrunk) > budget && shrunk.fields?.length) shrunk.fields.pop();
  if (!shrunk.fields?.length) delete shrunk.fields;
  const over = embedSize(shrunk) - budget;
  if (over > 0 && shrunk.description && shrunk.description.length > over) shrunk.description = clipText(shrunk.description, shrunk.description.length - over);
  return embedSize(shrunk) <= budget ? shrunk : undefined;
}

/**
 * Keeps embeds, in order, while the message stays within Discord's 10 embeds and 6,000 characters; the first one
 * is shortened rather than dropped, so a reply never loses its only embed.
 */
function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const kept: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds.slice(0, LIMITS.embeds)) {
    const size = embedSize(embed);
    if (total + size <= LIMITS.embedTotal) {
      kept.push(embed);
      total += size;
      continue;
    }
    const shrunk = kept.length === 0 ? shrinkEmbed(embed, LIMITS.embedTotal) : undefined;
    if (shrunk) kept.push(shrunk);
    break;
  }
  return kept;
}

/**
 * A command's plain Reply as an `editReply`/`followUp` payload: text within 2,000 characters (the full text rides
 * along as `reply.txt` when it had to be cut), embeds within Discord's limits with `image` pointing at the
 * attachment of that name, files as attachments, and no mentions.
 */
export function replyPayload(reply: Reply): DiscordPayload {
  const files = (reply.files ?? []).slice(0, LIMITS.files).map((file) => new AttachmentBuilder(file.data, { name: file.name, ...(file.description ? { description: file.description } : {}) }));
  const fileNames = new Set(files.map((file) => file.name ?? ''));
  const embeds = fitEmbeds((reply.embeds ?? []).map((embed) => toEmbed(embed, fileNames)));
  let content = reply.text;
  if (content.length > LIMITS.content) {
    content = clipText(content, LIMITS.content);
    if (files.length < LIMITS.files) files.push(new AttachmentBuilder(Buffer.from(reply.text, 'utf8'), { name: 'reply.txt' }));
  }
  // Discord refuses a message with nothing in it.
  if (!content && embeds.length === 0 && files.length === 0) content = '\u200b';
  return { content, embeds, files, allowedMentions: NO_MENTIONS };
}
