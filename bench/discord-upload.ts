/**
 * The bot's figures of issue 4, through the real discord.js client against the fake Discord on loopback:
 * the time from /upload of the full Online Retail export (gzipped, 8 MB, as a Discord user would send it) to the
 * deferred acknowledgement and to the final reply, and the latency of /segment customer while that upload runs.
 *
 * The bot runs in its own process, started as `npm start` starts it (bin/start.js, with prepareWorkers), pointed at
 * the fake by DISCORD_API_URL; the fake Discord and this driver run here. In one process the fake's request
 * handling shared the bot's main thread, so each lookup's loopback round trips queued behind the very work being
 * measured, which real Discord never does.
 *
 * Run: `node --import tsx bench/discord-upload.ts [runs]` (part of npm run bench with one run). With
 * BENCH_CPU_PROF=<dir> the bot writes a --cpu-prof profile of its threads there when it stops; with BENCH_TIMELINE=1
 * each run also prints when each lookup was sent (s after the upload) and how long it took, and when progress came.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ADMIN, contentOf, finalResponse } from '../test/e2e/bot-harness.js';
import { startFakeDiscord, type FakeDiscord } from '../test/e2e/fake-discord/index.js';

const file = fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url));
const sample = fileURLToPath(new URL('../data/sample_online_retail.csv', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../bin/${name}`, import.meta.url));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const runs = Number(process.argv[2] ?? 1);
const cpuProfileDir = process.env.BENCH_CPU_PROF;
const timeline = process.env.BENCH_TIMELINE === '1';

interface Run {
  idleP50: number;
  lookups: number[];
  ackMs: number;
  finalMs: number;
  progressEdits: number;
  load: number;
}

/** Runs one of our executables as npm does, in a clean folder so no developer's .env is read; resolves on exit. */
function runBin(name: string, env: Record<string, string>, cwd: string, nodeArgs: string[] = []) {
  const child = spawn(process.execPath, [...nodeArgs, bin(name)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, DATABASE_PATH: join(cwd, 'segmenta.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exited };
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Milliseconds from sending /segment customer to its answer. */
async function lookup(fake: FakeDiscord): Promise<number> {
  const asked = performance.now();
  await finalResponse(fake, fake.sendCommand({ name: 'segment', subcommand: 'customer', options: { id: '13694', dataset: 'sample' } }).id);
  return performance.now() - asked;
}

async function uploadWithLookups(fake: FakeDiscord, gzipped: Buffer): Promise<Omit<Run, 'load'>> {
  // A dataset to look customers up in while the big upload runs.
  const first = fake.addAttachment('sample.csv', readFileSync(sample), 'text/csv');
  await finalResponse(fake, fake.sendCommand({ name: 'upload', attachments: { file: first }, options: { dataset: 'sample' }, user: ADMIN }).id);
  // The same lookup with nothing else running, for comparison.
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) idle.push(await lookup(fake));

  const attachment = fake.addAttachment('online_retail.csv.gz', gzipped, 'application/gzip');
  const sentAt = performance.now();
  const upload = fake.sendCommand({ name: 'upload', attachments: { file: attachment }, options: { dataset: 'online_retail' }, user: ADMIN });
  const acknowledged = fake.waitFor((request) => request.interactionId === upload.id && request.route === 'POST /interactions/:id/:token/callback', 60_000);
  let ackMs = Number.NaN;
  void acknowledged.then(() => (ackMs = performance.now() - sentAt));
  let finished = false;
  const final = finalResponse(fake, upload.id, 120_000).then((reply) => {
    finished = true;
    if (!/Imported into dataset/.test(contentOf(reply))) throw new Error(`the upload did not succeed: ${contentOf(reply).slice(0, 300)}`);
    return performance.now() - sentAt;
  });

  const lookups: number[] = [];
  const sentAtLookup: number[] = [];
  while (!finished) {
    sentAtLookup.push(performance.now() - sentAt);
    lookups.push(await lookup(fake));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const finalMs = await final;
  if (timeline) {
    const wallSent = Date.now() - (performance.now() - sentAt);
    console.log(lookups.map((ms, i) => `${(sentAtLookup[i]! / 1000).toFixed(2)}s:${ms.toFixed(0)}`).join(' '));
    for (const edit of fake.interactionResponses(upload.id)) console.log(`  ${((edit.at - wallSent) / 1000).toFixed(2)}s ${String((edit.body as { content?: unknown } | undefined)?.content ?? '').split('\n')[0]!.slice(0, 70)}`);
  }
  const progressEdits = fake.interactionResponses(upload.id).filter((r) => r.method === 'PATCH').length - 1;
  return { idleP50: percentile(idle, 50), lookups, ackMs, finalMs, progressEdits };
}

/** A fresh fake Discord, the commands deployed and the bot started by bin/start.js in a child process. */
async function benchOnce(gzipped: Buffer, index: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-bench-'));
  const fake = await startFakeDiscord();
  const env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'info' };
  let bot: ReturnType<typeof runBin> | undefined;
  try {
    const deploy = runBin('deploy-commands.js', env, dir);
    if ((await deploy.exited) !== 0) throw new Error(`deploy-commands failed:\n${deploy.output()}`);
    const profile = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(cpuProfileDir, `run-${index}`)}`] : [];
    bot = runBin('start.js', env, dir, profile);
    await fake.waitForReady(30_000);
    await waitUntil(() => /connected to Discord as/.test(bot!.output()), 30_000, `the bot to connect:\n${bot.output()}`);
    const load = loadavg()[0]!;
    return { ...(await uploadWithLookups(fake, gzipped)), load };
  } finally {
    if (bot && bot.child.exitCode === null) {
      bot.child.kill('SIGTERM');
      if ((await bot.exited) !== 0) console.error(bot.output());
    }
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
const gzipped = gzipSync(readFileSync(file));
console.log(`/upload online_retail.csv.gz (${(gzipped.length / 2 ** 20).toFixed(1)} MiB, 541,909 rows) to the bot in its own process; /segment customer every 100 ms meanwhile`);
console.log('run  load1  idle p50  ack ms  final s  edits  lookups  p50 ms  p95 ms  max ms');
const all: number[] = [];
for (let index = 1; index <= runs; index++) {
  const run = await benchOnce(gzipped, index);
  all.push(...run.lookups);
  const ms = (value: number) => value.toFixed(0).padStart(6);
  console.log(
    `${String(index).padStart(3)}  ${run.load.toFixed(2).padStart(5)}  ${run.idleP50.toFixed(1).padStart(8)}  ${ms(run.ackMs)}  ${(run.finalMs / 1000).toFixed(2).padStart(7)}  ${String(run.progressEdits).padStart(5)}  ${String(run.lookups.length).padStart(7)}  ${ms(percentile(run.lookups, 50))}  ${ms(percentile(run.lookups, 95))}  ${ms(Math.max(...run.lookups))}`,
  );
}
if (runs > 1) console.log(`all runs: ${all.length} lookups, p50 ${percentile(all, 50).toFixed(0)} ms, p95 ${percentile(all, 95).toFixed(0)} ms, max ${Math.max(...all).toFixed(0)} ms`);
