import { createInterface } from 'node:readline/promises';
import { invokeCommand } from '../../../commands/invoke.js';
import { appContext } from '../../app/app-context.js';
import type { Config } from '../../config.js';
import { cliOptions, findCommand, usage } from './main.js';
import { terminalProgress } from './progress-bar.js';
import { renderReply } from './render-reply.js';

/** Splits a typed line into words like a shell: spaces separate, single or double quotes keep a phrase together. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  errors: NodeJS.WritableStream;
}

/**
 * `npm start` without a Discord token: the same commands typed at a prompt, parsed and printed the way the CLI
 * does, in the 'local' workspace, files written under out/. Ends on `exit` or end of input.
 */
export async function runLocalConsole(config: Config, io: ConsoleIo = { input: process.stdin, output: process.stdout, errors: process.stderr }): Promise<void> {
  const app = appContext(config);
  const { db } = app;
  const prompt = createInterface({ input: io.input, output: io.output, terminal: false });
  const logError = (message: string, error: unknown) => io.errors.write(`${message}: ${error instanceof Error ? error.message : String(error)}\n`);
  io.output.write(`Type a command (for example: upload data/sample_online_retail.csv, datasets), help, or exit.\n`);
  try {
    for await (const line of prompt) {
      const words = splitWords(line);
      if (words.length === 0) continue;
      if (words[0] === 'exit' || words[0] === 'quit') break;
      if (words[0] === 'help') {
        io.output.write(`${usage().replace(/segmenta /g, '')}\n`);
        continue;
      }
      const found = findCommand(words.slice(0, 2));
      if (!found) {
        io.errors.write(`Unknown command '${words.join(' ')}'. Type help for the list.\n`);
        continue;
      }
      let raw: Record<string, unknown>;
      try {
        raw = cliOptions(found.command, words, found.wordsUsed);
      } catch (error) {
        io.errors.write(`${error instanceof Error ? error.message : String(error)}\n`);
        continue;
      }
      const progress = terminalProgress();
      const reply = await invokeCommand(found.command, { app, guildId: 'local', userId: 'console', locale: 'en', progress: progress.listener }, raw, logError);
      progress.finish();
      renderReply(reply, { json: false, outDir: 'out', stdout: io.output });
    }
  } finally {
    prompt.close();
    await app.charts?.close?.();
    db.close();
  }
}
