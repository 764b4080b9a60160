import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../../../commands/index.js';
import { invokeCommand } from '../../../commands/invoke.js';
import type { AppContext } from '../../app/context.js';
import { createRenderer } from '../../charts/renderer.js';
import { openDatabase } from '../../store/open-database.js';
import { terminalProgress } from './progress-bar.js';
import { renderReply } from './render-reply.js';

export const SAMPLE_FILE = fileURLToPath(new URL('../../../data/sample_online_retail.csv', import.meta.url));

/**
 * The product on its embedded defaults: a fresh SQLite file under outDir, the bundled sample export,
 * and the very same command modules Discord runs.
 */
export async function runDemo(options: { json: boolean; outDir: string }): Promise<number> {
  const databasePath = join(options.outDir, 'segmenta.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
  const db = openDatabase(databasePath);
  const app: AppContext = { db, databasePath, limits: {}, now: () => new Date(), charts: createRenderer({ kind: 'local' }) };
  const command = (path: string) => COMMANDS.find((c) => c.path.join(' ') === path)!;
  const logError = (message: string, error: unknown) => process.stderr.write(`${message}: ${String(error)}\n`);
  const progress = terminalProgress();
  const ctx = { app, guildId: 'local', userId: 'demo', locale: 'en' as const, progress: progress.listener };
  try {
    if (!options.json) process.stdout.write(`Segmenta demo: importing ${SAMPLE_FILE} into ${databasePath}\n\n`);
    const upload = await invokeCommand(
      command('upload'),
      ctx,
      { file: { fileName: 'sample_online_retail.csv', bytes: new Uint8Array(readFileSync(SAMPLE_FILE)) }, dataset: 'sample' },
      logError,
    );
    progress.finish();
    renderReply(upload, { json: options.json, outDir: options.outDir });
    if (!upload.ok) return 1;
    if (!options.json) process.stdout.write('\n');
    renderReply(await invokeCommand(command('datasets list'), ctx, {}, logError), { json: options.json, outDir: options.outDir });
    // The most valuable customer of the top segment: a card worth showing.
    const top = (upload.data as { segmentation?: { segments?: { name: string }[] } }).segmentation?.segments?.[0];
    const members = top && (await invokeCommand(command('segment list'), ctx, { name: top.name, dataset: 'sample' }, logError));
    const firstMember = members?.files?.[0]?.data.toString('utf8').split('\r\n')[1]?.split(',')[0];
    if (firstMember) {
      if (!options.json) process.stdout.write(`\nCustomer card (npx segmenta customer ${firstMember} --db ${databasePath}):\n`);
      renderReply(await invokeCommand(command('segment customer'), ctx, { id: firstMember, dataset: 'sample' }, logError), { json: options.json, outDir: options.outDir });
    }
    // What the team's channel would get every week (`/digest set`); with one run there is nothing to compare yet.
    if (!options.json) process.stdout.write(`\nWeekly digest (npx segmenta digest --db ${databasePath}):\n`);
    renderReply(await invokeCommand(command('digest preview'), ctx, { dataset: 'sample' }, logError), { json: options.json, outDir: options.outDir });
    return 0;
  } finally {
    db.close();
  }
}
