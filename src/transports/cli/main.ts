import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command, FileInput } from '../../../commands/command.js';
import { COMMANDS } from '../../../commands/index.js';
import { invokeCommand } from '../../../commands/invoke.js';
import { appContext } from '../../app/app-context.js';
import type { Locale, ProgressListener } from '../../app/reply.js';
import type { ChartRenderer } from '../../charts/renderer.js';
import { markPhase, markProcessStart } from '../../app/workers/phase-trace.js';
import { discardPrestartedImportWorker, handOverBytes, prestartImportWorker } from '../../app/import/run-import.js';
import { loadConfig } from '../../config.js';
import { runDemo } from './demo.js';
import { terminalProgress } from './progress-bar.js';
import { renderReply } from './render-reply.js';

const GLOBAL_FLAGS = {
  db: { type: 'string' },
  guild: { type: 'string', default: 'local' },
  json: { type: 'boolean', default: false },
  out: { type: 'string', default: 'out' },
  locale: { type: 'string', default: 'en' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** `upload`, `datasets` (-> datasets list), `datasets delete`: the longest command path the arguments start with. */
export function findCommand(words: readonly string[]): { command: Command; wordsUsed: number } | undefined {
  const [first, second] = words;
  // A full two-word path wins over a one-word alias: `digest set` is not `digest` (the preview) with a stray word.
  const exact = second !== undefined && COMMANDS.find((c) => c.path[0] === first && c.path[1] === second);
  if (exact) return { command: exact, wordsUsed: 2 };
  const aliased = COMMANDS.find((c) => c.cliPath !== undefined && c.cliPath.every((word, i) => words[i] === word));
  if (aliased) return { command: aliased, wordsUsed: aliased.cliPath!.length };
  const single = COMMANDS.find((c) => c.path[0] === first && c.path.length === 1);
  if (single) return { command: single, wordsUsed: 1 };
  const fallback = COMMANDS.find((c) => c.path[0] === first && c.path[1] === 'list');
  return fallback && { command: fallback, wordsUsed: 1 };
}

const flagName = (option: string) => option.replace(/_/g, '-');

export function usage(): string {
  const lines = COMMANDS.map((c) => {
    const args = c.options.map((o) => (o.positional ? `<${o.name}>` : `[--${flagName(o.name)}${o.type === 'boolean' ? '' : ` ${o.choices ? o.choices.join('|') : o.name.toUpperCase()}`}]`));
    return `  segmenta ${(c.cliPath ?? c.path).join(' ')} ${args.join(' ')}\n      ${c.description.en}`;
  });
  return [
    'Usage: segmenta <command> [options]',
    '',
    ...lines,
    '  segmenta demo',
    '      Import the bundled sample into a fresh database under out/demo/ and show the results',
    '',
    'Global options: --db PATH (default $DATABASE_PATH or data/segmenta.db)  --guild ID (workspace, default local)',
    '                --json (structured output)  --out DIR (where files go, default out)  --locale en|id',
  ].join('\n');
}

function readFileOption(path: string): FileInput {
  statSync(path);
  const read = readFileSync(path);
  // A plain Uint8Array over the bytes read, not a copy, and nothing else reads them: an upload moves them to its worker.
  return { fileName: basename(path), bytes: handOverBytes(new Uint8Array(read.buffer, read.byteOffset, read.byteLength)) };
}

/** Collects a command's options from CLI words: positionals in order, flags in --kebab-case. */
export function cliOptions(command: Command, argv: string[], wordsUsed: number): Record<string, unknown> {
  const flags = Object.fromEntries(command.options.filter((o) => !o.positional).map((o) => [flagName(o.name), { type: o.type === 'boolean' ? 'boolean' : 'string' } as const]));
  const parsedArgs = parseArgs({ args: argv, options: { ...GLOBAL_FLAGS, ...flags }, allowPositionals: true, strict: true });
  const values = parsedArgs.values;
  const positionals = parsedArgs.positionals.slice(wordsUsed);
  const raw: Record<string, unknown> = {};
  const positionalOptions = command.options.filter((o) => o.positional);
  if (positionals.length > positionalOptions.length) throw new Error(`unexpected argument '${positionals[positionalOptions.length]}'`);
  positionalOptions.forEach((option, i) => {
    if (positionals[i] !== undefined) raw[option.name] = positionals[i];
  });
  for (const option of command.options) {
    const value = (values as Record<string, unknown>)[flagName(option.name)];
    if (value !== undefined) raw[option.name] = value;
  }
  for (const option of command.options) {
    const value = raw[option.name];
    if (option.type === 'attachment' && typeof value === 'string') raw[option.name] = readFileOption(value);
    if ((option.type === 'integer' || option.type === 'number') && typeof value === 'string') raw[option.name] = Number(value);
  }
  return raw;
}

export async function main(argv: string[]): Promise<number> {
  markProcessStart();
  markPhase('cli ready');
  const { values: globals, positionals } = parseArgs({ args: argv, options: GLOBAL_FLAGS, allowPositionals: true, strict: false });
  if (globals.help || positionals.length === 0) {
    process.stdout.write(`${usage()}\n`);
    return positionals.length === 0 && !globals.help ? 2 : 0;
  }
  const config = loadConfig();
  if (positionals[0] === 'demo') return runDemo({ json: Boolean(globals.json), outDir: String(globals.out) === 'out' ? 'out/demo' : String(globals.out) });

  const found = findCommand(positionals.slice(0, 2));
  if (!found) {
    process.stderr.write(`Unknown command '${positionals.join(' ')}'.\n\n${usage()}\n`);
    return 2;
  }
  // An upload's worker loads its code while the file is read (0.1-0.3 s of the wait).
  if (found.command.path[0] === 'upload' && !argv.includes('--dry-run')) prestartImportWorker();
  let raw: Record<string, unknown>;
  try {
    raw = cliOptions(found.command, argv, found.wordsUsed);
    markPhase('options read');
  } catch (error) {
    await discardPrestartedImportWorker();
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${usage()}\n`);
    return 2;
  }
  const databasePath = typeof globals.db === 'string' ? globals.db : config.DATABASE_PATH;
  const app = appContext(config, databasePath);
  const { db } = app;
  const progress = terminalProgress();
  try {
    const locale: Locale = globals.locale === 'id' ? 'id' : 'en';
    const reply = await invokeCommand(
      found.command,
      { app, guildId: String(globals.guild), userId: process.env.USER ?? 'cli', locale, progress: preparingCharts(progress.listener, app.charts) },
      raw,
      (message, error) => process.stderr.write(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
    );
    progress.finish();
    markPhase('reply ready');
    renderReply(reply, { json: Boolean(globals.json), outDir: String(globals.out), stdout: reply.ok ? process.stdout : process.stderr });
    markPhase('output written');
    return reply.ok ? 0 : 1;
  } finally {
    // Only left when the upload never started, e.g. its options were refused.
    await discardPrestartedImportWorker();
    await app.charts?.close?.();
    db.close();
  }
}

/**
 * The progress listener, which also starts the chart renderer once the upload is stored: a one-shot process would
 * otherwise start the chart worker only at the first chart, after the segmentation, and wait for it to load. Not
 * sooner: while the rows are stored, the writer's and the k-means thread's memory are in use, and the chart
 * worker's (~40 MB) beside them took an upload of Online Retail over 500 MB resident.
 */
function preparingCharts(listener: ProgressListener, charts: ChartRenderer | undefined): ProgressListener {
  return (event) => {
    if (event.stage === 'done') charts?.prepare?.();
    listener(event);
  };
}
