#!/usr/bin/env node
// Runs Segmenta's TypeScript sources directly through tsx, so a fresh clone needs no build step.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

if (existsSync('.env')) process.loadEnvFile('.env');
register();
const { main } = await import('../src/transports/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
