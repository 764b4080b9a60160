import { z } from 'zod';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { runSegmentationInWorker } from '../src/app/run-segmentation.js';
import { segmentsOverview } from '../src/app/segments-overview.js';
import { defineCommand } from './command.js';
import { clusterCount, datasetName, lens } from './schemas.js';
import { datasetOption, kOption, lensOption } from './segment-options.js';

export default defineCommand({
  path: ['segments'],
  description: { en: 'Show the customer segments, their value and what to do with each', id: 'Tampilkan segmen pelanggan, nilainya, dan tindakan untuk masing-masing' },
  permission: 'read',
  options: [datasetOption, kOption, lensOption],
  schema: z.object({ dataset: datasetName, k: clusterCount, lens }),
  async run(ctx, input) {
    // Asking for another k means a new run: stored like any other, so the digest can compare it.
    if (input.k !== undefined) {
      const outcome = await runSegmentationInWorker(ctx.app.databasePath, {
        guildId: ctx.guildId, dataset: input.dataset, k: input.k, convention: 'net', now: ctx.app.now(),
      });
      if (!outcome.ok) return failureReply(outcome.code, outcome.details, ctx.locale);
    }
    return segmentsOverview(ctx.app, ctx.guildId, input.dataset, input.lens, ctx.locale, ctx.currency);
  },
});
