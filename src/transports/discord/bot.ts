import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, MessageFlags, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { Command } from '../../../commands/command.js';
import { COMMANDS } from '../../../commands/index.js';
import { appContext } from '../../app/app-context.js';
import { departedWorkspaces } from '../../app/workspace/departed-workspaces.js';
import { purgeWorkspaceOffThread } from '../../app/workspace/run-erasure.js';
import type { Config } from '../../config.js';
import { allowedAttachmentOrigins } from './attachment-download.js';
import { GuildQueue } from './guild-queue.js';
import { PendingConfirmations } from './confirmations.js';
import { handleAutocomplete } from './handle-autocomplete.js';
import { handleButton } from './handle-button.js';
import { handleCommand, type DiscordDoor } from './handle-command.js';
import { createLogger, type Logger } from './logger.js';
import { startDigestScheduler, type DigestSchedulerOptions } from './digest-scheduler.js';
import { NO_MENTIONS } from './reply-payload.js';
import { RunningWork } from './running-work.js';
import { localeOf, WORDS } from './words.js';
import { startWorkersInBackground } from '../../app/workers/background-thread.js';

/** How long a shutdown waits for running commands (the full Online Retail file takes about 15 s to import and segment). */
const SHUTDOWN_GRACE_MS = 60_000;
const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface Bot {
  client: Client;
  /** Stops taking commands, waits for running ones (telling users whose command did not finish), disconnects, closes the database. */
  stop(): Promise<void>;
}

export interface BotOptions {
  log?: Logger;
  shutdownGraceMs?: number;
  /** The commands to serve; every door serves COMMANDS, tests may add a probe. */
  commands?: readonly Command[];
  /** The clock interaction ages are measured with; tests pass the fake Discord's. */
  now?: () => number;
  /** The weekly digests' clock (then also the app's) and builder; tests pass a clock they advance. */
  digest?: DigestSchedulerOptions;
}

/** Tells the user, in the reply they are watching, that their command will not finish; its late answer is dropped. */
async function tellInterrupted(interaction: ChatInputCommandInteraction, door: DiscordDoor): Promise<void> {
  door.abandoned.add(interaction.id);
  const content = WORDS[localeOf(interaction.locale)].interrupted;
  if (interaction.deferred || interaction.replied) await interaction.editReply({ content, embeds: [], files: [], allowedMentions: NO_MENTIONS });
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** After an unexpected failure (usually Discord refusing a call), a polite line instead of an endless "thinking…". */
async function tellFailed(interaction: ChatInputCommandInteraction, door: DiscordDoor): Promise<void> {
  if (door.abandoned.has(interaction.id)) return;
  const content = WORDS[localeOf(interaction.locale)].failed;
  if (interaction.deferred || interaction.replied) await interaction.editReply({ content, embeds: [], files: [], allowedMentions: NO_MENTIONS });
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

function onInteraction(interaction: Interaction, door: DiscordDoor, work: RunningWork): void {
  const { log } = door;
  if (interaction.isAutocomplete()) {
    handleAutocomplete(interaction, door).catch(async (error: unknown) => {
      log.warn(`autocomplete for /${interaction.commandName} failed`, error);
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    });
    return;
  }
  if (interaction.isButton()) {
    if (!work.start(() => handleButton(interaction, door).catch((error: unknown) => log.error('button press failed', error)), async () => {})) {
      interaction.reply({ content: WORDS[localeOf(interaction.locale)].shuttingDown, flags: MessageFlags.Ephemeral }).catch(() => undefined);
    }
    return;
  }
  if (!interaction.isChatInputCommand()) return;
  const name = [interaction.commandName, interaction.options.getSubcommand(false)].filter(Boolean).join(' ');
  const startedAt = Date.now();
  const started = work.start(
    () =>
      handleCommand(interaction, door).then(
        () => log.info(`/${name} in guild ${interaction.guildId ?? '-'} answered in ${Date.now() - startedAt} ms`),
        async (error: unknown) => {
          log.error(`/${name} in guild ${interaction.guildId ?? '-'} failed`, error);
          await tellFailed(interaction, door).catch(() => undefined);
        },
      ),
    () => tellInterrupted(interaction, door),
  );
  if (!started) {
    const content = WORDS[localeOf(interaction.locale)].shuttingDown;
    interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS }).catch((error: unknown) => log.warn('shutdown notice failed', error));
  }
}

/**
 * The bot was removed from a server (kicked, or the server deleted; an outage is GuildUnavailable instead): the
 * server's data goes too. Queued behind the server's running change, so an import cannot bring rows back.
 */
function onRemovedFromGuild(guildId: string, door: DiscordDoor, work: RunningWork): void {
  const purge = () =>
    door.changes.run(guildId, () => purgeWorkspaceOffThread(door.app.databasePath, guildId), async () => {}).then(({ rows }) => {
      door.log.info(`removed from guild ${guildId}; its data was purged (${rows} rows)`);
    });
  if (!work.start(purge, async () => {})) door.log.warn(`removed from guild ${guildId} while shutting down; its data was not purged`);
}

/**
 * READY lists every server the bot is in. One that holds data but is not listed removed the bot while it was
 * offline, when no GUILD_DELETE could arrive: its data goes the same way. Judged only for data of this very
 * application (see departedWorkspaces), so a token of another application never empties a database.
 */
function forgetServersLeftWhileOffline(client: Client, door: DiscordDoor, work: RunningWork): void {
  const applicationId = client.application?.id ?? client.user?.id;
  if (!applicationId) return;
  const check = departedWorkspaces(door.app.db, applicationId, new Set(client.guilds.cache.keys()));
  if (!check.checked) {
    if (check.reason === 'other_application') {
      door.log.warn(`this database belongs to Discord application ${check.storedApplicationId}, not ${applicationId}: servers are not checked for departures`);
    }
    return;
  }
  for (const guildId of check.departed) onRemovedFromGuild(guildId, door, work);
}

/**
 * The Segmenta bot: the Guilds intent only, REST (and through it the gateway URL) from DISCORD_API_URL, every
 * command from COMMANDS. Resolves once connected and ready to take commands. `npm start` runs this.
 */
export async function startBot(config: Config, options: BotOptions = {}): Promise<Bot> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('startBot needs DISCORD_TOKEN');
  const log = options.log ?? createLogger(config.LOG_LEVEL, [token]);
  // Members' lookups come first: imports, k-means and charts yield the cores to this thread.
  startWorkersInBackground();
  const maxBytes = config.MAX_UPLOAD_MB * 1024 * 1024;
  const app = appContext(config);
  const digestClock = options.digest?.clock;
  if (digestClock) app.now = () => digestClock.now();
  const { db } = app;
  const door: DiscordDoor = {
    app,
    commands: options.commands ?? COMMANDS,
    download: { allowedOrigins: allowedAttachmentOrigins(config.DISCORD_API_URL), maxBytes, timeoutMs: DOWNLOAD_TIMEOUT_MS },
    log,
    now: options.now ?? Date.now,
    changes: new GuildQueue(),
    abandoned: new Set(),
    confirmations: new PendingConfirmations(options.now ?? Date.now),
  };
  const work = new RunningWork((error) => log.error('command failed', error));
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_URL }, allowedMentions: NO_MENTIONS });
  client.on(Events.InteractionCreate, (interaction) => onInteraction(interaction, door, work));
  client.on(Events.GuildDelete, (guild) => onRemovedFromGuild(guild.id, door, work));
  client.on(Events.Error, (error) => log.error('discord client error', error));
  client.on(Events.ShardError, (error, shard) => log.error(`gateway shard ${shard} error`, error));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.Debug, (message) => log.debug(message));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(token);
    await ready;
  } catch (error) {
    await client.destroy();
    db.close();
    throw error;
  }
  log.info(`connected to Discord as ${client.user?.tag ?? '?'} in ${client.guilds.cache.size} server(s)`);
  forgetServersLeftWhileOffline(client, door, work);
  const digests = startDigestScheduler(app, client, door.changes, log, options.digest);

  let stopping: Promise<void> | undefined;
  return {
    client,
    stop() {
      stopping ??= (async () => {
        log.info(`shutting down; waiting for ${work.size} running command(s)`);
        await digests.stop();
        const interrupted = await work.drain(options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
        if (interrupted) log.warn(`${interrupted} command(s) did not finish before shutdown`);
        await client.destroy();
        await app.charts?.close?.();
        db.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
