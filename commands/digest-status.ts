import { z } from 'zod';
import { statusReply } from '../src/app/digest/schedule-replies.js';
import { digestStatus } from '../src/app/digest/schedule-settings.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['digest', 'status'],
  description: { en: 'The weekly digest: schedule, next post, last post and how it went', id: 'Ringkasan mingguan: jadwal, kiriman berikutnya, kiriman terakhir dan hasilnya' },
  permission: 'manage',
  answersPrivately: true,
  options: [],
  schema: z.object({}),
  async run(ctx) {
    return statusReply(digestStatus(ctx.app, ctx.guildId), ctx.locale);
  },
});
