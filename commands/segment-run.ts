import { z } from 'zod';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { runSegmentationInWorker } from '../src/app/segments/run-segmentation.js';
import { segmentsOverview } from '../src/app/segments/segments-overview.js';
import { defineCommand } from './command.js';
import { asOfDate, clusterCount, convention, datasetName } from './schemas.js';
import { asOfOption, conventionOption, datasetOption, kOption } from './segment-options.js';

export default defineCommand({
  path: ['segment', 'run'],
  cliPath: ['segment'],
  description: { en: 'Segment the customers of a dataset again (RFM + k-means)', id: 'Segmentasikan ulang pelanggan sebuah dataset (RFM + k-means)' },
  permission: 'manage',
  options: [datasetOption, kOption, conventionOption, asOfOption],
  schema: z.object({ dataset: datasetName, k: clusterCount, convention, as_of: asOfDate }),
  async run(ctx, input) {
    ctx.progress({ stage: 'segmenting', done: 0, unit: 'steps' });
    const outcome = await runSegmentationInWorker(ctx.app.databasePath, {
      guildId: ctx.guildId, dataset: input.dataset, k: input.k, convention: input.convention, asOf: input.as_of, now: ctx.app.now(),
      requestedBy: ctx.userId,
    });
    if (!outcome.ok) return failureReply(outcome.code, outcome.details, ctx.locale);
    return segmentsOverview(ctx.app, ctx.guildId, outcome.run.dataset, 'clusters', ctx.locale, ctx.currency);
  },
});
