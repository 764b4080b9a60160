import { COMMANDS } from '../../../commands/index.js';
import { prepareWorkerBundle } from '../../app/workers/start-worker.js';
import { prepareWorkers } from '../../app/workers/worker-bundles.js';
import { loadConfig } from '../../config.js';
import { startBot } from './bot.js';
import { deployCommands } from './deploy.js';
import { downloadWorkerUrl } from './download-in-worker.js';
import { runLocalConsole } from '../cli/console.js';
import { createLogger } from './logger.js';

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise one line saying so and the local console,
 * so a newcomer always gets something that works.
 */
export async function main(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadConfig(env);
  await Promise.all([prepareWorkers(), prepareWorkerBundle(downloadWorkerUrl)]);
  if (!config.DISCORD_TOKEN) {
    process.stdout.write('No DISCORD_TOKEN set, so Segmenta starts the local console instead of connecting to Discord (see .env.example).\n');
    await runLocalConsole(config);
    return;
  }
  const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  // One handler for everything nobody caught: logged, and the bot keeps serving other members.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot(config, { log });
  } catch (error) {
    log.error('could not connect to Discord; check DISCORD_TOKEN and DISCORD_API_URL', error);
    process.exitCode = 1;
    return;
  }
  const shutdown = (signal: string) => {
    log.info(`${signal} received`);
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/** `npm run deploy-commands`. */
export async function deployMain(env: Record<string, string | undefined> = process.env): Promise<number> {
  const config = loadConfig(env);
  if (!config.DISCORD_TOKEN) {
    process.stderr.write('Set DISCORD_TOKEN (and DISCORD_CLIENT_ID) to register the slash commands; see .env.example.\n');
    return 1;
  }
  const log = createLogger(config.LOG_LEVEL, [config.DISCORD_TOKEN]);
  try {
    const deployment = await deployCommands(config, COMMANDS);
    const where = deployment.scope === 'guild' ? `server ${config.DISCORD_GUILD_ID}` : 'every server (global; may take up to an hour to appear)';
    process.stdout.write(`Registered ${deployment.names.length} commands (${deployment.names.map((n) => `/${n}`).join(', ')}) for ${where}.\n`);
    return 0;
  } catch (error) {
    log.error('registering commands failed', error);
    return 1;
  }
}
