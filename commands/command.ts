import type { z } from 'zod';
import type { CommandContext } from '../src/app/context.js';
import type { Reply } from '../src/app/reply.js';

export interface Localized {
  en: string;
  id: string;
}

/** An uploaded file as every door hands it to a command. */
export interface FileInput {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * One option, described once for every door: Discord builds its slash-command option from it, the CLI a
 * `--kebab-case` flag (or a positional argument). Names are Discord-style snake_case.
 */
export interface OptionSpec {
  name: string;
  /** 'role' and 'channel' arrive as the role's or channel's id (in the CLI, typed as the id). */
  type: 'string' | 'integer' | 'number' | 'boolean' | 'attachment' | 'role' | 'channel';
  description: Localized;
  required?: boolean;
  choices?: readonly string[];
  /** How a door may show a choice to people, when the value itself is not words (`net` -> "Net spend…"). */
  choiceLabels?: Readonly<Record<string, Localized>>;
  /** Bounds of an integer or number option, so a door can refuse `k: 40` before the command runs. */
  min?: number;
  max?: number;
  autocomplete?: boolean;
  /** In the CLI, taken from the next bare argument instead of a flag. */
  positional?: boolean;
}

export interface Command<Schema extends z.ZodType = z.ZodType> {
  /** ['upload'] or ['datasets', 'delete']: a slash command and optional subcommand. */
  path: readonly [string] | readonly [string, string];
  description: Localized;
  options: readonly OptionSpec[];
  /** Parses the raw option values (strings, numbers, FileInput) a door collected. */
  schema: Schema;
  /** The words that call it from the CLI when they differ from `path` (`segmenta customer 12346`). */
  cliPath?: readonly string[];
  /** 'manage': Manage Server only. 'read': anyone allowed to read results. 'everyone': any member (help). */
  permission: 'manage' | 'read' | 'everyone';
  /** Its answer is for the asker only (a customer card, settings): a door can keep even "thinking…" private. */
  answersPrivately?: boolean;
  /**
   * Cannot be undone: a door that can ask first (Discord, with a button) shows this question and runs the
   * command only once the same member confirms. On the command line, typing the command is the confirmation.
   */
  confirmFirst?(options: Record<string, unknown>): Localized;
  run(ctx: CommandContext, input: z.infer<Schema>): Promise<Reply>;
  /** Choices for an option marked `autocomplete`, from what was typed so far (Discord shows at most 25). */
  autocomplete?(ctx: CommandContext, option: string, typed: string, options: Record<string, unknown>): string[];
}

/** Identity helper that keeps the schema's type flowing into run(). */
export function defineCommand<Schema extends z.ZodType>(command: Command<Schema>): Command<Schema> {
  return command;
}
