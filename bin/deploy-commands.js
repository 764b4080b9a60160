#!/usr/bin/env node
// `npm run deploy-commands`: registers the slash commands (to DISCORD_GUILD_ID when set, globally otherwise).
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { deployMain } = await import('../src/transports/discord/main.ts');
process.exitCode = await deployMain();
