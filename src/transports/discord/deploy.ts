import { REST, Routes } from 'discord.js';
import type { Command } from '../../../commands/command.js';
import type { Config } from '../../config.js';
import { commandDefinitions } from './command-definitions.js';

export interface Deployment {
  scope: 'guild' | 'global';
  applicationId: string;
  names: string[];
}

/**
 * Registers the slash commands in one bulk overwrite: to DISCORD_GUILD_ID when set (instant, for development),
 * globally otherwise. A deliberate step (`npm run deploy-commands`), never done on start-up: Discord rate-limits
 * registration and a restart should not change what members see.
 */
export async function deployCommands(config: Config, commands: readonly Command[]): Promise<Deployment> {
  if (!config.DISCORD_TOKEN) throw new Error('deployCommands needs DISCORD_TOKEN');
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(config.DISCORD_TOKEN);
  const applicationId = config.DISCORD_CLIENT_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const body = commandDefinitions(commands);
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(applicationId, config.DISCORD_GUILD_ID) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body });
  return { scope: config.DISCORD_GUILD_ID ? 'guild' : 'global', applicationId, names: body.map((command) => command.name) };
}
