import { AttachmentBuilder, type APIEmbed, type MessageMentionOptions } from 'discord.js';
import type { Locale, Reply, ReplyEmbed, ReplyFile } from '../../app/reply.js';
import { WORDS } from './words.js';

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

/** The files, in order, that fit Discord's count and the server's upload size; the rest are left out. */
type Upload = Pick<ReplyFile, 'name' | 'data' | 'description'>;

function fitFiles(files: readonly Upload[], uploadLimitBytes: number): { kept: Upload[]; leftOut: number } {
  const kept: Upload[] = [];
  let total = 0;
  for (const file of files) {
    if (kept.length === LIMITS.files || total + file.data.length > uploadLimitBytes) continue;
    kept.push(file);
    total += file.data.length;
  }
  return { kept, leftOut: files.length - kept.length };
}

export interface PayloadOptions {
  /** What the server lets the bot upload in one message (the interaction's `attachment_size_limit`). */
  uploadLimitBytes?: number;
  locale?: Locale;
}

/**
 * A command's plain Reply as an `editReply`/`followUp` payload: text within 2,000 characters (the full text rides
 * along as `reply.txt` when it had to be cut), embeds within Discord's limits with `image` pointing at the
 * attachment of that name, files as attachments within the server's upload limit, and no mentions.
 */
export function replyPayload(reply: Reply, options: PayloadOptions = {}): DiscordPayload {
  const uploadLimitBytes = options.uploadLimitBytes ?? Number.POSITIVE_INFINITY;
  const wanted: Upload[] = [...(reply.files ?? [])];
  if (reply.text.length > LIMITS.content) wanted.push({ name: 'reply.txt', data: Buffer.from(reply.text, 'utf8') });
  const { kept, leftOut } = fitFiles(wanted, uploadLimitBytes);
  const files = kept.map((file) => new AttachmentBuilder(file.data, { name: file.name, ...(file.description ? { description: file.description } : {}) }));
  const fileNames = new Set(kept.map((file) => file.name));
  const embeds = fitEmbeds((reply.embeds ?? []).map((embed) => toEmbed(embed, fileNames)));
  const note = leftOut ? WORDS[options.locale ?? 'en'].filesLeftOut(leftOut) : '';
  let content = note ? `${clipText(reply.text, LIMITS.content - note.length - 1)}\n${note}` : clipText(reply.text, LIMITS.content);
  // Discord refuses a message with nothing in it.
  if (!content && embeds.length === 0 && files.length === 0) content = '\u200b';
  return { content, embeds, files, allowedMentions: NO_MENTIONS };
}
