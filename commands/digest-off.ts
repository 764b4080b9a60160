import { z } from 'zod';
import { digestOffReply, withPauseNotice } from '../src/app/digest/schedule-replies.js';
import { digestStatus, turnDigestOff } from '../src/app/digest/schedule-settings.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['digest', 'off'],
  description: { en: 'Stop posting the weekly digest (and its alert)', id: 'Hentikan ringkasan mingguan (beserta peringatannya)' },
  permission: 'manage',
  answersPrivately: true,
  options: [],
  schema: z.object({}),
  async run(ctx) {
    const { schedule } = digestStatus(ctx.app, ctx.guildId);
    return withPauseNotice(digestOffReply(turnDigestOff(ctx.app, ctx.guildId), ctx.locale), schedule, ctx.locale);
  },
});
