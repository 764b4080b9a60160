#!/usr/bin/env node
// `npm start`: the Discord bot when DISCORD_TOKEN is set, the local console otherwise. Runs the sources through tsx.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { main } = await import('../src/transports/discord/main.ts');
await main();
