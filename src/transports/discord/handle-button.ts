import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { invokeCommand } from '../../../commands/invoke.js';
import { mayRun } from '../../app/workspace/access.js';
import { readSettings } from '../../app/workspace/settings.js';
import { PendingConfirmations } from './confirmations.js';
import type { DiscordDoor } from './handle-command.js';
import { memberOf } from './permissions.js';
import { NO_MENTIONS, replyPayload } from './reply-payload.js';
import { localeOf, WORDS } from './words.js';

/**
 * A press on a confirmation button: "Yes" runs the command that asked, with the options it was given, for the
 * member who asked only; "Cancel" or a stale question changes nothing. Permissions are checked again, since the
 * member may have lost them while the question was on screen.
 */
export async function handleButton(interaction: ButtonInteraction, door: DiscordDoor): Promise<void> {
  const answer = PendingConfirmations.answerOf(interaction.customId);
  if (!answer) return;
  const pending = door.confirmations.peek(answer.nonce);
  const locale = pending?.locale ?? localeOf(interaction.locale);
  const words = WORDS[locale];
  const say = (content: string) => interaction.update({ content, components: [], embeds: [], allowedMentions: NO_MENTIONS });
  if (!pending) return void (await say(words.confirmationExpired));
  if (pending.userId !== interaction.user.id || pending.guildId !== interaction.guildId) {
    return void (await interaction.reply({ content: words.notYourQuestion, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }));
  }
  door.confirmations.settle(answer.nonce);
  if (!answer.confirmed) return void (await say(words.cancelled));
  const { command, guildId, options } = pending;
  if (!mayRun(command.permission, memberOf(interaction.memberPermissions, interaction.member), readSettings(door.app.db, guildId))) {
    return void (await say(words.needsManageServer));
  }
  await say('⏳');
  try {
    const reply = await door.changes.run(
      guildId,
      () =>
        invokeCommand(command, { app: door.app, guildId, userId: interaction.user.id, locale, progress: () => {} }, options, (message, error) =>
          door.log.error(`${message} (guild ${guildId})`, error),
        ),
      async () => {},
    );
    await interaction.editReply({ ...replyPayload(reply, { uploadLimitBytes: interaction.attachmentSizeLimit, locale }), components: [] });
  } catch (error) {
    // Never leave the member looking at "⏳": say it failed, then let the caller log it.
    await interaction.editReply({ content: words.failed, components: [], embeds: [], files: [], allowedMentions: NO_MENTIONS }).catch(() => undefined);
    throw error;
  }
}
