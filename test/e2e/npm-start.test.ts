import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { projectFile } from '../helpers.js';
import { contentOf, finalResponse, MEMBER } from './bot-harness.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/index.js';

interface Child {
  process: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Runs one of our executables the way npm does, in a clean folder so no developer's .env is read. */
function run(bin: string, env: Record<string, string>, cwd: string): Child {
  const child = spawn(process.execPath, [projectFile(bin)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, DATABASE_PATH: join(cwd, 'segmenta.db'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Top-level slash command names, one per first path word, in COMMANDS order. */
const SLASH_NAMES = [...new Set(COMMANDS.map((command) => command.path[0]))];

describe('npm start and npm run deploy-commands', () => {
  let dir: string;
  let fake: FakeDiscord | undefined;
  let child: Child | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'segmenta-start-'));
  });
  afterEach(async () => {
    if (child && child.process.exitCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    await fake?.close();
    fake = undefined;
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN no DISCORD_TOKEN THEN npm start says so in one line and runs the same commands at a local prompt', async () => {
    child = run('bin/start.js', {}, dir);
    child.process.stdin!.end(`upload "${projectFile('data/sample_online_retail.csv')}" --dataset shop\ndatasets\nexit\n`);

    expect(await child.exited).toBe(0);
    const [first, ...rest] = child.stdout().split('\n');
    expect(first).toMatch(/^No DISCORD_TOKEN set, so Segmenta starts the local console/);
    expect(rest.join('\n')).toMatch(/Imported into dataset shop/);
    expect(rest.join('\n')).toMatch(/• shop: [\d,]+ rows/);
  });

  it('GIVEN a token and a server THEN deploy-commands registers the commands there and says so', async () => {
    fake = await startFakeDiscord();
    const guildId = fake.guilds[0]!.id;
    child = run('bin/deploy-commands.js', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: guildId }, dir);

    expect(await child.exited).toBe(0);
    expect(child.stdout()).toBe(`Registered ${SLASH_NAMES.length} commands (${SLASH_NAMES.map((name) => `/${name}`).join(', ')}) for server ${guildId}.\n`);
    expect(fake.registeredCommands(guildId).map((command) => command.name)).toEqual(SLASH_NAMES);
    expect(fake.registeredCommands()).toEqual([]);
  });

  it('GIVEN no token THEN deploy-commands explains what to set and fails', async () => {
    child = run('bin/deploy-commands.js', {}, dir);

    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(/^Set DISCORD_TOKEN/);
  });

  it('GIVEN a wrong token THEN npm start says it could not connect, exits 1, and prints no token', async () => {
    fake = await startFakeDiscord();
    const wrong = 'wrong-but-secret-token-123456';
    child = run('bin/start.js', { DISCORD_TOKEN: wrong, DISCORD_API_URL: fake.apiUrl }, dir);

    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(/ERROR could not connect to Discord; check DISCORD_TOKEN and DISCORD_API_URL/);
    expect(child.stderr() + child.stdout()).not.toContain(wrong);
  });

  it('GIVEN a token THEN npm start connects with the Guilds intent only, answers commands, and exits cleanly on SIGTERM', async () => {
    fake = await startFakeDiscord();
    const deploy = run('bin/deploy-commands.js', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }, dir);
    expect(await deploy.exited).toBe(0);
    child = run('bin/start.js', { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }, dir);
    await fake.waitForReady(20_000);
    await expect.poll(() => child!.stderr(), { timeout: 10_000 }).toMatch(/connected to Discord as Segmenta/);

    const sent = fake.sendCommand({ name: 'datasets', subcommand: 'list', user: MEMBER });
    const answer = await finalResponse(fake, sent.id, 10_000);
    child.process.kill('SIGTERM');

    expect(contentOf(answer)).toMatch(/No datasets yet/);
    expect(await child.exited).toBe(0);
    expect(fake.identifies.map((identify) => identify.intents)).toEqual([1]);
    expect(child.stderr()).toMatch(/SIGTERM received/);
    expect(child.stderr() + child.stdout()).not.toContain(fake.token);
  });
});
