import type { AutocompleteInteraction } from 'discord.js';
import { mayRun } from '../../app/workspace/access.js';
import { readSettings, replyLocale } from '../../app/workspace/settings.js';
import { commandFor, scalarOptions, type DiscordDoor } from './handle-command.js';
import { memberOf } from './permissions.js';
import { clipText } from './reply-payload.js';
import { localeOf } from './words.js';

/** Discord shows at most 25 choices; names and string values are 1 to 100 characters. */
const MAX_CHOICES = 25;
const CHOICE_LENGTH = 100;

/**
 * Suggestions while a member types: the command's own `autocomplete` over this server's data, answered at once
 * (Discord waits 3 s). Members who may not run the command, and commands without suggestions, get none.
 */
export async function handleAutocomplete(interaction: AutocompleteInteraction, door: DiscordDoor): Promise<void> {
  const command = commandFor(door.commands, interaction.commandName, interaction.options.getSubcommand(false));
  if (!command?.autocomplete || !interaction.inGuild()) {
    await interaction.respond([]);
    return;
  }
  const settings = readSettings(door.app.db, interaction.guildId);
  if (!mayRun(command.permission, memberOf(interaction.memberPermissions, interaction.member), settings)) {
    await interaction.respond([]);
    return;
  }
  const focused = interaction.options.getFocused(true);
  const locale = replyLocale(settings, localeOf(interaction.locale));
  const ctx = { app: door.app, guildId: interaction.guildId, userId: interaction.user.id, locale, progress: () => {} };
  const others = scalarOptions({ ...command, options: command.options.filter((option) => option.name !== focused.name) }, interaction.options);
  const choices = command
    .autocomplete(ctx, focused.name, String(focused.value), others)
    .filter((value) => value.length >= 1 && value.length <= CHOICE_LENGTH)
    .slice(0, MAX_CHOICES)
    .map((value) => ({ name: clipText(value, CHOICE_LENGTH), value }));
  await interaction.respond(choices);
}
