import { z } from 'zod';
import { digestReply } from '../src/app/digest/build-digest.js';
import { postDigestNow } from '../src/app/digest/post-now.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['digest', 'now'],
  description: { en: "Post this week's digest in the digest channel now", id: 'Kirim ringkasan minggu ini ke saluran ringkasan sekarang' },
  permission: 'manage',
  answersPrivately: true,
  options: [],
  schema: z.object({}),
  async run(ctx) {
    return postDigestNow(ctx.app, ctx.guildId, ctx.locale, digestReply);
  },
});
