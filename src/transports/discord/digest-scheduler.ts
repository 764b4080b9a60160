import type { Client } from 'discord.js';
import { digestReply } from '../../app/digest/build-digest.js';
import type { DigestBuilder } from '../../app/digest/post-digest.js';
import { systemScheduleClock, type ScheduleClock } from '../../app/digest/schedule-clock.js';
import { DigestScheduler } from '../../app/digest/schedule-runner.js';
import type { AppContext } from '../../app/context.js';
import { discordDigestChannels } from './digest-channels.js';
import type { GuildQueue } from './guild-queue.js';
import type { Logger } from './logger.js';

export interface DigestSchedulerOptions {
  /** Default: the system clock. Tests pass one they advance by hand. */
  clock?: ScheduleClock;
  /** Default: the real digest (build-digest.ts). */
  build?: DigestBuilder;
}

/**
 * Starts the weekly digests once the bot is connected: lends the app the Discord channel port (so /digest commands
 * can check and post), restores every stored schedule, and runs each server's posts in that server's work queue,
 * behind any upload of the same server.
 */
export function startDigestScheduler(app: AppContext, client: Client, queue: GuildQueue, log: Logger, options: DigestSchedulerOptions = {}): DigestScheduler {
  let scheduler: DigestScheduler | undefined;
  const channels = discordDigestChannels(client, (guildId) => scheduler?.review(guildId));
  scheduler = new DigestScheduler({
    app,
    channels,
    clock: options.clock ?? systemScheduleClock,
    build: options.build ?? digestReply,
    inQueue: (guildId, work) => queue.run(guildId, work, async () => {}),
    log,
  });
  app.digestChannels = channels;
  scheduler.start();
  return scheduler;
}
