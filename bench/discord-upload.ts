/**
 * The bot's figures of issue 4, through the real discord.js client against the fake Discord on loopback:
 * the time from /upload of the full Online Retail export (gzipped, 8 MB, as a Discord user would send it) to the
 * deferred acknowledgement and to the final reply, and the latency of /segment customer while that upload runs.
 * Run: `node --import tsx bench/discord-upload.ts` (part of npm run bench).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ADMIN, contentOf, finalResponse, startBotAgainstFake } from '../test/e2e/bot-harness.js';
import { prepareWorkers } from '../src/app/workers/worker-bundles.js';

const file = fileURLToPath(new URL('../../shared/data/online_retail.csv', import.meta.url));
const sample = fileURLToPath(new URL('../data/sample_online_retail.csv', import.meta.url));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`);
// As the bot does before it serves (src/transports/discord/main.ts): the figures are those of a running bot.
await prepareWorkers();
const running = await startBotAgainstFake();
const { fake } = running;
try {
  // A dataset to look customers up in while the big upload runs.
  const first = fake.addAttachment('sample.csv', readFileSync(sample), 'text/csv');
  await finalResponse(fake, fake.sendCommand({ name: 'upload', attachments: { file: first }, options: { dataset: 'sample' }, user: ADMIN }).id);

  const gzipped = gzipSync(readFileSync(file));
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
  while (!finished) {
    const asked = performance.now();
    await finalResponse(fake, fake.sendCommand({ name: 'segment', subcommand: 'customer', options: { id: '13694', dataset: 'sample' } }).id);
    lookups.push(performance.now() - asked);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const finalMs = await final;
  console.log(`/upload online_retail.csv.gz (${(gzipped.length / 2 ** 20).toFixed(1)} MiB, 541,909 rows) through the bot`);
  console.log(`  deferred acknowledgement ${ackMs.toFixed(0)} ms, final reply (import, segments, charts) ${(finalMs / 1000).toFixed(2)} s`);
  console.log(`  progress edits: ${fake.interactionResponses(upload.id).filter((r) => r.method === 'PATCH').length - 1}`);
  console.log(`/segment customer during the upload: ${lookups.length} lookups, p50 ${percentile(lookups, 50).toFixed(0)} ms, p95 ${percentile(lookups, 95).toFixed(0)} ms, max ${Math.max(...lookups).toFixed(0)} ms`);
} finally {
  await running.close();
}
