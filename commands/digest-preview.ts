import { z } from 'zod';
import { digestReply } from '../src/app/digest/build-digest.js';
import { defineCommand } from './command.js';
import { datasetName } from './schemas.js';
import { datasetOption } from './segment-options.js';

export default defineCommand({
  path: ['digest', 'preview'],
  // `segmenta digest` prints the digest and writes its charts under --out: the command line has no channel to post in.
  cliPath: ['digest'],
  description: {
    en: 'The weekly digest now: what moved between segments, who is slipping, revenue per week, what to do',
    id: 'Ringkasan mingguan sekarang: perpindahan segmen, pelanggan yang menjauh, pendapatan mingguan, aksi',
  },
  permission: 'manage',
  // A preview: only the asker sees it, as the scheduled post in the channel will look.
  answersPrivately: true,
  options: [datasetOption],
  schema: z.object({ dataset: datasetName }),
  async run(ctx, input) {
    return digestReply(ctx.app, {
      guildId: ctx.guildId,
      ...(input.dataset !== undefined ? { dataset: input.dataset } : {}),
      locale: ctx.locale,
      currency: ctx.currency ?? null,
      now: ctx.app.now(),
    });
  },
});
