import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type Attachment, type ChatInputCommandInteraction } from 'discord.js';
import type { Command, OptionSpec } from '../../../commands/command.js';
import { invokeCommand } from '../../../commands/invoke.js';
import { mayRun } from '../../app/workspace/access.js';
import type { AppContext } from '../../app/context.js';
import { failureMessage } from '../../app/messages.js';
import type { Locale, ProgressListener, Reply } from '../../app/reply.js';
import { readSettings, replyLocale } from '../../app/workspace/settings.js';
import type { PendingConfirmations } from './confirmations.js';
import { judgeDigestAlert } from './digest-alerts.js';
import { checkAttachment, type DownloadPolicy, type DownloadRefusal } from './attachment-download.js';
import { downloadInWorker } from './download-in-worker.js';
import type { GuildQueue } from './guild-queue.js';
import type { Logger } from './logger.js';
import { memberOf } from './permissions.js';
import { progressMessage } from './progress-message.js';
import { NO_MENTIONS, replyPayload } from './reply-payload.js';
import { localeOf, WORDS } from './words.js';

/** What every command invocation on Discord shares. */
export interface DiscordDoor {
  app: AppContext;
  commands: readonly Command[];
  download: DownloadPolicy;
  log: Logger;
  /** Milliseconds since the epoch; interaction ages are measured with it. */
  now: () => number;
  /** Commands that change a server's data run one at a time per server. */
  changes: GuildQueue;
  /** Interactions whose members were told at shutdown that their command did not finish: nothing more is sent. */
  abandoned: Set<string>;
  /** Questions of commands that ask before they run, waiting for their member's button press. */
  confirmations: PendingConfirmations;
}

/** Interaction tokens work for 15 minutes; past 14 an answer goes to the channel as a message instead. */
export const TOKEN_SAFE_AGE_MS = 14 * 60 * 1_000;

/** The command a slash command and optional subcommand name. */
export function commandFor(commands: readonly Command[], name: string, subcommand: string | null): Command | undefined {
  return commands.find((command) => command.path[0] === name && (command.path[1] ?? null) === subcommand);
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** Words for a refused attachment; an oversized file gets the same advice (zip or gzip it) as everywhere else. */
export function refusalText(refusal: DownloadRefusal, locale: Locale): string {
  const words = WORDS[locale];
  switch (refusal.code) {
    case 'host_not_allowed':
      return words.attachmentHost;
    case 'redirected':
      return words.attachmentRedirect;
    case 'too_large':
      return failureMessage('file_too_large', { sizeMb: megabytes(refusal.sizeBytes), limitMb: megabytes(refusal.limitBytes) }, locale);
    case 'download_failed':
      return words.attachmentFailed;
  }
}

function attachmentsOf(command: Command, interaction: ChatInputCommandInteraction): { spec: OptionSpec; attachment: Attachment }[] {
  return command.options.flatMap((spec) => {
    const attachment = spec.type === 'attachment' ? interaction.options.getAttachment(spec.name) : null;
    return attachment ? [{ spec, attachment }] : [];
  });
}

/** The option getters chat-input and autocomplete interactions share. */
interface ScalarOptionReader {
  get(name: string): { value?: unknown } | null;
  getString(name: string): string | null;
  getInteger(name: string): number | null;
  getNumber(name: string): number | null;
  getBoolean(name: string): boolean | null;
}

/** Scalar options as the command's schema expects them: Discord already typed them; absent ones are left out. */
export function scalarOptions(command: Command, options: ScalarOptionReader): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const spec of command.options) {
    const value =
      spec.type === 'string' ? options.getString(spec.name)
      : spec.type === 'integer' ? options.getInteger(spec.name)
      : spec.type === 'number' ? options.getNumber(spec.name)
      : spec.type === 'boolean' ? options.getBoolean(spec.name)
      // A role or channel arrives as its id; the id is all a command keeps, and it needs no cache.
      : spec.type === 'role' || spec.type === 'channel' ? ((options.get(spec.name)?.value as string | undefined) ?? null)
      : null;
    if (value !== null) raw[spec.name] = value;
  }
  return raw;
}

/** The options with every attachment downloaded into a FileInput, or the first refusal. */
async function collectOptions(
  command: Command,
  interaction: ChatInputCommandInteraction,
  policy: DownloadPolicy,
  onProgress: ProgressListener,
  log: Logger,
): Promise<{ ok: true; raw: Record<string, unknown> } | { ok: false; refusal: DownloadRefusal }> {
  const raw = scalarOptions(command, interaction.options);
  for (const { spec, attachment } of attachmentsOf(command, interaction)) {
    const downloaded = await downloadInWorker({ url: attachment.url, name: attachment.name, size: attachment.size }, policy, onProgress, (reason) =>
      log.error(`/${interaction.commandName} in guild ${interaction.guildId ?? '-'}: ${reason}`),
    );
    if (!downloaded.ok) return { ok: false, refusal: downloaded };
    raw[spec.name] = downloaded.file;
  }
  return { ok: true, raw };
}

/**
 * The final answer in place of the "thinking…" placeholder. A command that answers privately was deferred
 * privately, so it simply edits; otherwise the placeholder is public, and an ephemeral reply (an error) deletes
 * it and comes as an ephemeral follow-up instead. Work that outlived the
 * interaction token is posted in the channel, unless it was meant for the asker's eyes only.
 */
async function sendReply(interaction: ChatInputCommandInteraction, reply: Reply, door: DiscordDoor, locale: Locale): Promise<void> {
  const payload = replyPayload(reply, { uploadLimitBytes: interaction.attachmentSizeLimit, locale });
  if (door.now() - interaction.createdTimestamp > TOKEN_SAFE_AGE_MS) {
    const channel = interaction.channel;
    if (reply.ephemeral || !channel?.isSendable()) {
      door.log.warn(`/${interaction.commandName} in guild ${interaction.guildId ?? '-'} finished after its token expired; the answer could not be delivered`);
      return;
    }
    await channel.send(payload);
    return;
  }
  if (reply.ephemeral && interaction.ephemeral) {
    await interaction.editReply(payload);
  } else if (reply.ephemeral) {
    await interaction.deleteReply();
    await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  } else {
    await interaction.editReply(payload);
  }
}

const refusal = (text: string): Reply => ({ ok: false, text, ephemeral: true });

/**
 * One slash command, start to finish: refusals that need no work are answered at once (ephemeral), everything
 * else is deferred immediately (Discord allows 3 s), attachments are downloaded, the command runs with progress
 * edits, and its Reply replaces the placeholder. Every command runs in the workspace of the server it came from.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, door: DiscordDoor): Promise<void> {
  const refuse = (text: string) => interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  if (!interaction.inGuild()) return void (await refuse(WORDS[localeOf(interaction.locale)].serversOnly));
  const settings = readSettings(door.app.db, interaction.guildId);
  // Our own words follow the server's /settings language too; the command applies it to its reply itself.
  const locale = replyLocale(settings, localeOf(interaction.locale));
  const words = WORDS[locale];
  const command = commandFor(door.commands, interaction.commandName, interaction.options.getSubcommand(false));
  if (!command) return void (await refuse(words.unknownCommand));
  if (!mayRun(command.permission, memberOf(interaction.memberPermissions, interaction.member), settings)) {
    return void (await refuse(command.permission === 'manage' ? words.needsManageServer : words.needsReadRole));
  }
  for (const { attachment } of attachmentsOf(command, interaction)) {
    const refused = checkAttachment({ url: attachment.url, name: attachment.name, size: attachment.size }, door.download);
    if (refused) return void (await refuse(refusalText(refused, locale)));
  }

  if (command.confirmFirst) {
    const options = scalarOptions(command, interaction.options);
    // A question about options the command would refuse anyway asks for nothing: answer with the refusal.
    if (!command.schema.safeParse(options).success) {
      const refusalReply = await invokeCommand(command, { app: door.app, guildId: interaction.guildId, userId: interaction.user.id, locale, progress: () => {} }, options, (message, error) => door.log.error(message, error));
      return void (await refuse(refusalReply.text));
    }
    const { confirmId, cancelId } = door.confirmations.ask({ command, options, guildId: interaction.guildId, userId: interaction.user.id, locale });
    const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId(confirmId).setLabel(words.confirm).setStyle(ButtonStyle.Danger),
      new ButtonBuilder().setCustomId(cancelId).setLabel(words.cancel).setStyle(ButtonStyle.Secondary),
    );
    await interaction.reply({ content: command.confirmFirst(options)[locale], components: [buttons], flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    return;
  }

  await interaction.deferReply(command.answersPrivately ? { flags: MessageFlags.Ephemeral } : {});
  const abandoned = () => door.abandoned.has(interaction.id);
  const progress = progressMessage(async (content) => abandoned() || interaction.editReply({ content, allowedMentions: NO_MENTIONS }), locale, {
    onError: (error) => door.log.warn(`progress edit for /${command.path.join(' ')} failed`, error),
  });
  const collected = await collectOptions(command, interaction, door.download, progress.download, door.log);
  const { guildId } = interaction;
  const invoke = (raw: Record<string, unknown>) =>
    invokeCommand(command, { app: door.app, guildId, userId: interaction.user.id, locale, progress: progress.listener }, raw, (message, error) =>
      door.log.error(`${message} (guild ${guildId})`, error),
    );
  const reply = !collected.ok
    ? refusal(refusalText(collected.refusal, locale))
    : command.permission === 'manage'
      ? await door.changes.run(guildId, () => invoke(collected.raw), (ahead) =>
          interaction.editReply({ content: words.queued(ahead), allowedMentions: NO_MENTIONS }).catch((error: unknown) => door.log.warn('queue notice failed', error)),
        )
      : await invoke(collected.raw);
  await progress.settle();
  if (!abandoned()) await sendReply(interaction, reply, door, locale);
  // A change may have made a new run: the digest's alert (if the server set one) judges it.
  if (reply.ok && command.permission === 'manage') await judgeDigestAlert(door, guildId);
}
