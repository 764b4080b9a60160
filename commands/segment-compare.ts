import { z } from 'zod';
import { comparisonOverview } from '../src/app/segments/compare-overview.js';
import { defineCommand } from './command.js';
import { datasetName } from './schemas.js';
import { datasetOption } from './segment-options.js';

const runId = z.number().int().min(1).optional();

export default defineCommand({
  path: ['segment', 'compare'],
  cliPath: ['compare'],
  description: { en: 'Who moved between segments from one run to another', id: 'Siapa yang berpindah segmen dari satu run ke run lain' },
  permission: 'read',
  options: [
    { name: 'from', type: 'integer', min: 1, description: { en: 'Earlier run id (default: the run before "to")', id: 'Id run sebelumnya (bawaan: run sebelum "to")' } },
    { name: 'to', type: 'integer', min: 1, description: { en: 'Later run id (default: the newest run)', id: 'Id run sesudahnya (bawaan: run terbaru)' } },
    datasetOption,
  ],
  schema: z.object({ from: runId, to: runId, dataset: datasetName }),
  async run(ctx, input) {
    return comparisonOverview(ctx.app, { guildId: ctx.guildId, dataset: input.dataset, from: input.from, to: input.to }, ctx.locale, ctx.currency);
  },
});
