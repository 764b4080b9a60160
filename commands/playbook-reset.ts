import { z } from 'zod';
import { resetPlaybook } from '../src/app/segments/playbook-override.js';
import { formatCounted } from '../src/app/format.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { namesMatching } from '../src/app/segments/segment-names.js';
import { SEGMENT_NAMES } from '../src/segment/playbook.js';
import { defineCommand } from './command.js';
import { optionalText } from './schemas.js';

export default defineCommand({
  path: ['playbook', 'reset'],
  description: { en: "Go back to Segmenta's playbook (one segment, or all)", id: 'Kembali ke playbook bawaan Segmenta (satu segmen, atau semua)' },
  permission: 'manage',
  options: [{ name: 'segment', type: 'string', positional: true, autocomplete: true, description: { en: 'Segment (default: all)', id: 'Segmen (bawaan: semua)' } }],
  schema: z.object({ segment: optionalText }),
  async run(ctx, input) {
    const outcome = resetPlaybook(ctx.app.db, ctx.guildId, input.segment);
    if (!outcome.ok) return failureReply(outcome.code, outcome.details, ctx.locale);
    if (!('reset' in outcome)) throw new Error('resetPlaybook returned a change');
    const what = outcome.segment ?? (ctx.locale === 'id' ? 'semua segmen' : 'every segment');
    const text =
      ctx.locale === 'id'
        ? `Playbook bawaan dipakai lagi untuk ${what} (${outcome.reset} perubahan dihapus).`
        : `Back to Segmenta's playbook for ${what} (${formatCounted(outcome.reset, { one: 'override', other: 'overrides' }, 'en')} removed).`;
    return { ok: true, text, data: outcome };
  },
  autocomplete: (_ctx, _option, typed) => namesMatching(typed, SEGMENT_NAMES),
});
