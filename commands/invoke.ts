import type { CommandContext } from '../src/app/context.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import type { Reply } from '../src/app/reply.js';
import type { Command } from './command.js';
import { readSettings, replyLocale } from '../src/app/workspace/settings.js';

export type ErrorLogger = (message: string, error: unknown) => void;

/**
 * Runs a command the same way for every door: options parsed by its schema, user mistakes answered in words,
 * and anything unexpected logged for us and answered politely, never with a stack trace.
 */
export async function invokeCommand(command: Command, asked: CommandContext, rawOptions: Record<string, unknown>, logError: ErrorLogger): Promise<Reply> {
  const ctx = withWorkspaceSettings(asked);
  const parsed = command.schema.safeParse(rawOptions);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ');
    return failureReply('invalid_input', { problems }, ctx.locale);
  }
  try {
    return await command.run(ctx, parsed.data);
  } catch (error) {
    logError(`command ${command.path.join(' ')} failed`, error);
    return {
      ok: false,
      ephemeral: true,
      text:
        ctx.locale === 'id'
          ? 'Maaf, terjadi kesalahan di pihak kami. Data Anda tidak berubah. Coba lagi sebentar lagi.'
          : 'Sorry, something went wrong on our side. Your data is unchanged. Please try again in a moment.',
      data: { error: 'internal' },
    };
  }
}

/** A server's /settings language wins over the member's Discord language; its currency is shown with amounts. */
function withWorkspaceSettings(ctx: CommandContext): CommandContext {
  const settings = readSettings(ctx.app.db, ctx.guildId);
  return { ...ctx, locale: replyLocale(settings, ctx.locale), currency: settings.currency };
}
