import { z } from 'zod';
import { listDatasets } from '../src/app/workspace/datasets.js';
import { datasetsReply } from '../src/app/replies/datasets-reply.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['datasets', 'list'],
  description: { en: 'List the datasets uploaded to this server', id: 'Daftar dataset yang diunggah ke server ini' },
  permission: 'read',
  options: [],
  schema: z.object({}),
  async run(ctx) {
    return datasetsReply(listDatasets(ctx.app, ctx.guildId), ctx.locale);
  },
});
