import { z } from 'zod';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { segmentExportReply } from '../src/app/replies/segment-export-reply.js';
import { exportSegment } from '../src/app/segments/segment-export.js';
import { defineCommand } from './command.js';
import { datasetName } from './schemas.js';
import { datasetOption, segmentChoices } from './segment-options.js';

export default defineCommand({
  path: ['segment', 'list'],
  cliPath: ['export'],
  description: { en: "A segment's customers as a CSV for your email tool", id: 'Pelanggan sebuah segmen sebagai CSV untuk alat email Anda' },
  permission: 'read',
  // A list of many customers is more sensitive than one card: only the asker gets the file.
  answersPrivately: true,
  options: [
    { name: 'name', type: 'string', required: true, positional: true, autocomplete: true, description: { en: 'Segment name', id: 'Nama segmen' } },
    datasetOption,
    { name: 'format', type: 'string', choices: ['csv'], description: { en: 'File format (csv)', id: 'Format file (csv)' } },
  ],
  schema: z.object({ name: z.string().trim().min(1).max(100), dataset: datasetName, format: z.enum(['csv']).default('csv') }),
  async run(ctx, input) {
    const outcome = exportSegment(ctx.app.db, ctx.guildId, input.dataset, input.name);
    return outcome.ok ? segmentExportReply(outcome.export, ctx.locale) : failureReply(outcome.code, outcome.details, ctx.locale);
  },
  autocomplete: (ctx, _option, typed, options) => segmentChoices(ctx, typed, options),
});
