import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
  type ApplicationCommandOptionBase,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type SharedSlashCommandOptions,
} from 'discord.js';
import type { Command, Localized, OptionSpec } from '../../../commands/command.js';
import { indonesianName } from './indonesian-names.js';

/** Discord's limit on every command, subcommand and option description, in every language. */
const DESCRIPTION_LIMIT = 100;

interface Named {
  setNameLocalization(locale: 'id', name: string | null): unknown;
  setDescriptionLocalization(locale: 'id', description: string | null): unknown;
}

function localize<T extends Named & { setName(name: string): T; setDescription(description: string): T }>(
  target: T,
  name: string,
  description: Localized,
): T {
  target.setName(name).setDescription(description.en);
  const translated = indonesianName(name);
  if (translated) target.setNameLocalization('id', translated);
  target.setDescriptionLocalization('id', description.id);
  return target;
}

function describeOption<T extends ApplicationCommandOptionBase>(option: T, spec: OptionSpec): T {
  localize(option, spec.name, spec.description);
  return option.setRequired(spec.required ?? false);
}

/** Adds one option, typed as Discord will send it back. */
function addOption<T extends SharedSlashCommandOptions<T>>(builder: SharedSlashCommandOptions<T>, spec: OptionSpec): void {
  const choices = (spec.choices ?? []).map((choice) => {
    const label = spec.choiceLabels?.[choice];
    return { name: label?.en ?? choice, value: choice, ...(label ? { name_localizations: { id: label.id } } : {}) };
  });
  switch (spec.type) {
    case 'string':
      builder.addStringOption((option) => {
        describeOption(option, spec);
        if (choices.length) option.addChoices(...choices);
        else if (spec.autocomplete) option.setAutocomplete(true);
        return option;
      });
      return;
    case 'integer':
      builder.addIntegerOption((option) => {
        describeOption(option, spec);
        if (choices.length) option.addChoices(...choices.map((choice) => ({ ...choice, value: Number(choice.value) })));
        else if (spec.autocomplete) option.setAutocomplete(true);
        if (spec.min !== undefined) option.setMinValue(spec.min);
        if (spec.max !== undefined) option.setMaxValue(spec.max);
        return option;
      });
      return;
    case 'number':
      builder.addNumberOption((option) => {
        describeOption(option, spec).setAutocomplete(Boolean(spec.autocomplete));
        if (spec.min !== undefined) option.setMinValue(spec.min);
        if (spec.max !== undefined) option.setMaxValue(spec.max);
        return option;
      });
      return;
    case 'boolean':
      builder.addBooleanOption((option) => describeOption(option, spec));
      return;
    case 'attachment':
      builder.addAttachmentOption((option) => describeOption(option, spec));
      return;
    case 'role':
      builder.addRoleOption((option) => describeOption(option, spec));
      return;
    case 'channel':
      // Only channels a message can be posted in are offered.
      builder.addChannelOption((option) => describeOption(option, spec).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement));
  }
}

/** Discord wants required options before optional ones; otherwise the command's own order is kept. */
function addOptions<T extends SharedSlashCommandOptions<T>>(builder: SharedSlashCommandOptions<T>, options: readonly OptionSpec[]): void {
  const ordered = [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
  for (const spec of ordered) addOption(builder, spec);
}

const clip = (text: string) => (text.length <= DESCRIPTION_LIMIT ? text : `${text.slice(0, DESCRIPTION_LIMIT - 1)}…`);

/** A group like `datasets` has no description of its own: it lists what its subcommands do. */
function groupDescription(name: string, members: readonly Command[]): Localized {
  const subcommands = members.map((command) => command.path[1]).join(', ');
  return { en: clip(`${name}: ${subcommands}`), id: clip(`${indonesianName(name) ?? name}: ${members.map((c) => indonesianName(c.path[1]!) ?? c.path[1]).join(', ')}`) };
}

/**
 * The slash-command registrations for a list of commands: one top-level command per first path word, with
 * subcommands for two-word paths. Server-only, and hidden from members without Manage Server when every command
 * under the name needs it (a mixed group like `datasets list|delete` stays visible and is checked on our side).
 */
export function commandDefinitions(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const groups = new Map<string, Command[]>();
  for (const command of commands) groups.set(command.path[0], [...(groups.get(command.path[0]) ?? []), command]);
  return withUniqueIndonesianNames([...groups].map(([name, members]) => {
    const builder = new SlashCommandBuilder()
      .setContexts(InteractionContextType.Guild)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
    if (members.every((command) => command.permission === 'manage')) builder.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild);
    const single = members.find((command) => command.path.length === 1);
    if (single && members.length > 1) throw new Error(`command ${name} is both a command and a group of subcommands`);
    if (single) {
      localize(builder, name, single.description);
      addOptions(builder, single.options);
      return builder.toJSON();
    }
    localize(builder, name, groupDescription(name, members));
    for (const command of members) {
      builder.addSubcommand((subcommand: SlashCommandSubcommandBuilder) => {
        addOptions(localize(subcommand, command.path[1]!, command.description), command.options);
        return subcommand;
      });
    }
    return builder.toJSON();
  }));
}

interface Localizable {
  name: string;
  name_localizations?: Record<string, string | null> | null;
  options?: Localizable[];
}

/**
 * Names must be unique at each level in every language too: an Indonesian name that is another item's English
 * name, or an earlier item's Indonesian name, at that level is dropped, so that item keeps its English name.
 */
function withUniqueIndonesianNames<T extends Localizable>(level: T[]): T[] {
  const english = new Set(level.map((item) => item.name));
  const taken = new Set<string>();
  for (const item of level) {
    const indonesian = item.name_localizations?.id;
    if (indonesian && item.name_localizations && (english.has(indonesian) || taken.has(indonesian))) delete item.name_localizations.id;
    taken.add(item.name_localizations?.id ?? item.name);
    if (item.options) withUniqueIndonesianNames(item.options);
  }
  return level;
}
