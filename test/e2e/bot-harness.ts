import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import type { Command } from '../../commands/command.js';
import { COMMANDS } from '../../commands/index.js';
import { listDatasets } from '../../src/app/workspace/datasets.js';
import { parseConfig, type Config } from '../../src/config.js';
import { openDatabase } from '../../src/store/open-database.js';
import { startBot, type Bot, type BotOptions } from '../../src/transports/discord/bot.js';
import { deployCommands } from '../../src/transports/discord/deploy.js';
import { createLogger } from '../../src/transports/discord/logger.js';
import { EVERYONE_PERMISSIONS } from './fake-discord/guilds.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from './fake-discord/index.js';

/** A member who may manage the server, and one who may not. */
export const ADMIN = { id: '700000000000000001', username: 'shop-admin', permissions: EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageGuild };
export const MEMBER = { id: '700000000000000002', username: 'intern', permissions: EVERYONE_PERMISSIONS };

export interface RunningBot {
  fake: FakeDiscord;
  bot: Bot;
  config: Config;
  /** Every line the bot logged. */
  logs: string[];
  close(): Promise<void>;
}

/**
 * A fake Discord, the slash commands registered through the deploy script, and the real bot (`startBot`, what
 * `npm start` runs) connected to it with DISCORD_API_URL pointing at the fake and a fresh SQLite file.
 */
export async function startBotAgainstFake(
  options: { fake?: FakeDiscordOptions; env?: Record<string, string>; shutdownGraceMs?: number; commands?: readonly Command[]; now?: () => number; digest?: BotOptions['digest'] } = {},
): Promise<RunningBot> {
  const fake = await startFakeDiscord(options.fake);
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-e2e-'));
  const parsed = parseConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_PATH: join(dir, 'segmenta.db'),
    LOG_LEVEL: 'info',
    ...options.env,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config = parsed.config;
  const logs: string[] = [];
  const log = createLogger('debug', [fake.token], { write: (line: string) => logs.push(line) });
  const commands = options.commands ?? COMMANDS;
  await deployCommands(config, commands);
  const bot = await startBot(config, {
    log,
    commands,
    ...(options.shutdownGraceMs !== undefined ? { shutdownGraceMs: options.shutdownGraceMs } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.digest ? { digest: options.digest } : {}),
  });
  return {
    fake,
    bot,
    config,
    logs,
    async close() {
      await bot.stop();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const isProgress = (request: RecordedRequest) => typeof (request.body as { content?: unknown })?.content === 'string' && (request.body as { content: string }).content.startsWith('⏳');

/** The request that carried the command's answer: an immediate reply, the final edit, or an ephemeral follow-up. */
export function finalResponse(fake: FakeDiscord, interactionId: string, timeoutMs = 60_000): Promise<RecordedRequest> {
  return fake.waitFor(
    (request) =>
      request.interactionId === interactionId &&
      request.status < 300 &&
      ((request.method === 'POST' && request.route === 'POST /interactions/:id/:token/callback' && (request.body as { type?: number }).type === 4) ||
        (request.method === 'PATCH' && !isProgress(request)) ||
        (request.method === 'POST' && request.route === 'POST /webhooks/:app/:token')),
    timeoutMs,
  );
}

export function progressEdits(fake: FakeDiscord, interactionId: string): RecordedRequest[] {
  return fake.interactionResponses(interactionId).filter((request) => request.method === 'PATCH' && isProgress(request));
}

/** A tiny export with two customers, for tests about servers rather than about files. */
export const TWO_ORDERS_CSV = Buffer.from(
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n' +
    '1001,A1,MUG,2,2024-01-05 10:00:00,5.00,12346,United Kingdom\n' +
    '1002,A2,PLATE,1,2024-02-05 10:00:00,7.00,12347,United Kingdom\n',
);

/** The names of a server's datasets, read from the bot's database file as it is on disk. */
export function datasetNames(config: Config, guildId: string): string[] {
  const db = openDatabase(config.DATABASE_PATH, { readonly: true });
  try {
    return listDatasets({ db, databasePath: config.DATABASE_PATH, limits: {}, now: () => new Date() }, guildId).map((dataset) => dataset.name);
  } finally {
    db.close();
  }
}

export const contentOf = (request: RecordedRequest | undefined): string => String((request?.body as { content?: unknown } | undefined)?.content ?? '');

/** A loopback server that must never be reached: it records every request that does reach it. */
export async function startForbiddenServer(): Promise<{ url: string; hits: IncomingMessage['url'][]; close(): Promise<void> }> {
  const hits: IncomingMessage['url'][] = [];
  const server = createServer((request, response) => {
    hits.push(request.url);
    response.writeHead(200, { 'content-type': 'text/csv' }).end('CustomerID,Amount\n1,1\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
