import { z } from 'zod';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { runsReply } from '../src/app/replies/runs-reply.js';
import { listRuns } from '../src/app/segments/list-runs.js';
import { defineCommand } from './command.js';
import { datasetName } from './schemas.js';
import { datasetOption } from './segment-options.js';

export default defineCommand({
  path: ['segment', 'runs'],
  cliPath: ['runs'],
  description: { en: "A dataset's segmentation runs: when, by whom, as of which date, how many segments", id: 'Run segmentasi sebuah dataset: kapan, oleh siapa, per tanggal berapa, berapa segmen' },
  permission: 'read',
  options: [datasetOption],
  schema: z.object({ dataset: datasetName }),
  async run(ctx, input) {
    const outcome = listRuns(ctx.app.db, ctx.guildId, input.dataset);
    return outcome.ok ? runsReply(outcome.dataset, outcome.runs, ctx.locale) : failureReply(outcome.code, outcome.details, ctx.locale);
  },
});
