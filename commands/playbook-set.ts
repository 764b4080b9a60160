import { z } from 'zod';
import { escapeMarkdown } from '../src/app/format.js';
import { setPlaybookActions } from '../src/app/segments/playbook-override.js';
import { actionLines } from '../src/app/replies/action-lines.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { namesMatching } from '../src/app/segments/segment-names.js';
import { SEGMENT_NAMES } from '../src/segment/playbook.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['playbook', 'set'],
  description: { en: "Replace a segment's promo actions for this server", id: 'Ganti tindakan promo sebuah segmen untuk server ini' },
  permission: 'manage',
  options: [
    { name: 'segment', type: 'string', required: true, positional: true, autocomplete: true, description: { en: 'Segment name', id: 'Nama segmen' } },
    {
      name: 'actions', type: 'string', required: true,
      description: { en: 'Actions separated by ";", e.g. "email: 15% voucher @ within 7 days"', id: 'Tindakan dipisah ";", mis. "email: voucher 15% @ dalam 7 hari"' },
    },
  ],
  schema: z.object({ segment: z.string().trim().min(1).max(100), actions: z.string().max(4000) }),
  async run(ctx, input) {
    const outcome = setPlaybookActions(ctx.app.db, ctx.guildId, ctx.userId, input.segment, input.actions, ctx.app.now());
    if (!outcome.ok) return failureReply(outcome.code, outcome.details, ctx.locale);
    if (!('actions' in outcome)) throw new Error('setPlaybookActions returned a reset');
    const title = ctx.locale === 'id' ? `Playbook **${escapeMarkdown(outcome.segment)}** untuk server ini:` : `This server's playbook for **${escapeMarkdown(outcome.segment)}**:`;
    const lines = actionLines(outcome.actions, ctx.locale).map((line, i) => `${i + 1}. ${line}`);
    return { ok: true, text: [title, ...lines].join('\n'), data: outcome };
  },
  autocomplete: (_ctx, _option, typed) => namesMatching(typed, SEGMENT_NAMES),
});
