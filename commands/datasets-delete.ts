import { z } from 'zod';
import { datasetNames } from '../src/app/workspace/datasets.js';
import { deleteDatasetOffThread } from '../src/app/workspace/run-erasure.js';
import { datasetDeletedReply } from '../src/app/replies/datasets-reply.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { namesMatching } from '../src/app/segments/segment-names.js';
import { escapeMarkdown } from '../src/app/format.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['datasets', 'delete'],
  description: { en: 'Delete a dataset and all its rows', id: 'Hapus dataset beserta semua barisnya' },
  permission: 'manage',
  options: [
    { name: 'name', type: 'string', required: true, positional: true, autocomplete: true, description: { en: 'Dataset to delete', id: 'Dataset yang dihapus' } },
  ],
  schema: z.object({ name: z.string().trim().min(1).max(64) }),
  confirmFirst: (options) => ({
    en: `Delete dataset **${escapeMarkdown(String(options.name))}** with all its uploads, rows and segmentations? This cannot be undone.`,
    id: `Hapus dataset **${escapeMarkdown(String(options.name))}** beserta semua unggahan, baris, dan hasil segmentasinya? Ini tidak bisa dibatalkan.`,
  }),
  autocomplete: (ctx, _option, typed) =>
    namesMatching(typed, datasetNames(ctx.app, ctx.guildId)),
  async run(ctx, input) {
    const outcome = await deleteDatasetOffThread(ctx.app.databasePath, ctx.guildId, input.name);
    return outcome.ok ? datasetDeletedReply(outcome.name, ctx.locale) : failureReply(outcome.code, outcome.details, ctx.locale);
  },
});
