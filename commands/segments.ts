import { z } from 'zod';
import { segmentsOverview } from '../src/app/segments/segments-overview.js';
import { defineCommand } from './command.js';
import { datasetName, lens } from './schemas.js';
import { datasetOption, lensOption } from './segment-options.js';

export default defineCommand({
  path: ['segments'],
  description: { en: 'Show the customer segments, their value and what to do with each', id: 'Tampilkan segmen pelanggan, nilainya, dan tindakan untuk masing-masing' },
  // Reading only: a new run with another k is `segment run`, which needs Manage Server and waits its turn.
  permission: 'read',
  options: [datasetOption, lensOption],
  schema: z.object({ dataset: datasetName, lens }),
  async run(ctx, input) {
    return segmentsOverview(ctx.app, ctx.guildId, input.dataset, input.lens, ctx.locale, ctx.currency);
  },
});
