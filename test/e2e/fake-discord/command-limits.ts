import { ApplicationCommandOptionType, ApplicationCommandType, Locale } from 'discord.js';
import { checkCount, checkLength, FormProblems } from './form-problems.js';

/** The fields of a command or option definition the fake checks. */
interface Definition {
  type?: number;
  name?: string;
  description?: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  required?: boolean;
  options?: Definition[];
  choices?: { name?: string; name_localizations?: Record<string, string> | null; value?: unknown }[];
}

type Path = (string | number)[];

/** Discord's rule for command and option names (chat-input names must also be lower case). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const LOCALES = new Set<string>(Object.values(Locale));

/**
 * Bulk-overwrite bodies are refused whole when any command breaks a limit, so a bad
 * description in one language fails registration in every server, as on Discord.
 */
export function commandProblems(body: readonly unknown[]): FormProblems {
  const commands = body as Definition[];
  const problems = new FormProblems();
  const chatInput = commands.filter((command) => (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput);
  checkCount(problems, [], chatInput, 100);
  checkUniqueNames(problems, [], commands, (command) => `${command.type ?? ApplicationCommandType.ChatInput}:${command.name}`);
  for (const [index, command] of commands.entries()) {
    const isChatInput = (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    checkNamed(problems, [index], command, isChatInput);
    checkOptions(problems, [index], command.options ?? [], 0);
  }
  return problems;
}

function checkOptions(problems: FormProblems, path: Path, options: Definition[], depth: number): void {
  checkCount(problems, [...path, 'options'], options, 25);
  checkUniqueNames(problems, [...path, 'options'], options, (option) => option.name ?? '');
  let sawOptional = false;
  for (const [index, option] of options.entries()) {
    const at = [...path, 'options', index];
    checkNamed(problems, at, option, true);
    if (option.required && sawOptional) {
      problems.add(at, 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options');
    }
    sawOptional ||= !option.required;
    checkChoices(problems, at, option.choices);
    const nests = option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;
    if (nests && depth >= 2) problems.add(at, 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', 'Sub-command options cannot nest this deep');
    if (nests) checkOptions(problems, at, option.options ?? [], depth + 1);
  }
}

function checkNamed(problems: FormProblems, path: Path, definition: Definition, chatInput: boolean): void {
  checkName(problems, [...path, 'name'], definition.name, chatInput);
  for (const [locale, name] of Object.entries(definition.name_localizations ?? {})) {
    checkLocale(problems, [...path, 'name_localizations'], locale);
    checkName(problems, [...path, 'name_localizations', locale], name, chatInput);
  }
  const descriptionRange: [number, number] = chatInput ? [100, 1] : [0, 0];
  checkLength(problems, [...path, 'description'], definition.description ?? '', ...descriptionRange);
  for (const [locale, description] of Object.entries(definition.description_localizations ?? {})) {
    checkLocale(problems, [...path, 'description_localizations'], locale);
    checkLength(problems, [...path, 'description_localizations', locale], description, ...descriptionRange);
  }
}

function checkName(problems: FormProblems, path: Path, name: string | undefined, chatInput: boolean): void {
  // Context-menu names are free text; chat-input and option names follow the pattern.
  const valid = chatInput ? name !== undefined && NAME.test(name) && name === name.toLowerCase() : !!name && name.length <= 32;
  if (!valid) problems.add(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
}

function checkLocale(problems: FormProblems, path: Path, locale: string): void {
  if (!LOCALES.has(locale)) problems.add(path, 'ENUM_TYPE_COERCE', `Value "${locale}" is not a valid enum value.`);
}

function checkChoices(problems: FormProblems, path: Path, choices: Definition['choices']): void {
  checkCount(problems, [...path, 'choices'], choices, 25);
  for (const [index, choice] of (choices ?? []).entries()) {
    checkLength(problems, [...path, 'choices', index, 'name'], choice.name ?? '', 100, 1);
    checkLength(problems, [...path, 'choices', index, 'value'], choice.value, 100);
    for (const [locale, name] of Object.entries(choice.name_localizations ?? {})) {
      checkLocale(problems, [...path, 'choices', index, 'name_localizations'], locale);
      checkLength(problems, [...path, 'choices', index, 'name_localizations', locale], name, 100, 1);
    }
  }
}

function checkUniqueNames(problems: FormProblems, path: Path, definitions: Definition[], keyOf: (definition: Definition) => string): void {
  const seen = new Set<string>();
  for (const definition of definitions) {
    const key = keyOf(definition);
    if (seen.has(key)) problems.add(path, 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique: ${definition.name}`);
    seen.add(key);
  }
}
