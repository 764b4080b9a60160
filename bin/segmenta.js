#!/usr/bin/env node
// Runs Segmenta's TypeScript sources, so a fresh clone needs no build step: from a bundle of the CLI built from the
// current sources when there is one (about 0.35 s to start), otherwise through tsx (about 1 s: its loader handles
// some 270 modules one by one), building the bundle once the command is done, for the next start.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './fresh-bundle.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const entry = new URL('../src/transports/cli/main.ts', import.meta.url);
const bundle = freshBundle(fileURLToPath(entry));
if (bundle !== undefined) {
  // As tsx does, so a crash report names the .ts file and line.
  process.setSourceMapsEnabled(true);
  const { main } = await import(pathToFileURL(bundle).href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
  const { prepareWorkerBundle } = await import(new URL('../src/app/workers/start-worker.ts', import.meta.url).href);
  await prepareWorkerBundle(entry);
}
