import { z } from 'zod';
import { escapeMarkdown } from '../src/app/format.js';
import { actionLines } from '../src/app/replies/action-lines.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { segmentActions } from '../src/app/segments/segment-actions.js';
import { namesMatching, shownSegmentName } from '../src/app/segments/segment-names.js';
import { SEGMENT_NAMES } from '../src/segment/playbook.js';
import { defineCommand } from './command.js';
import { segmentChoices } from './segment-options.js';

export default defineCommand({
  path: ['actions'],
  description: { en: 'The promo playbook for a segment: what to do, on which channel, when', id: 'Playbook promo untuk sebuah segmen: apa yang dilakukan, lewat kanal apa, kapan' },
  permission: 'read',
  options: [{ name: 'segment', type: 'string', required: true, positional: true, autocomplete: true, description: { en: 'Segment name', id: 'Nama segmen' } }],
  schema: z.object({ segment: z.string().trim().min(1).max(100) }),
  async run(ctx, input) {
    const outcome = segmentActions(ctx.app.db, ctx.guildId, input.segment);
    if (!outcome.ok) return failureReply(outcome.code, outcome.details, ctx.locale);
    const segment = escapeMarkdown(shownSegmentName(outcome.segment, ctx.locale));
    const title = ctx.locale === 'id' ? `Playbook untuk **${segment}**` : `Playbook for **${segment}**`;
    const lines = actionLines(outcome.actions, ctx.locale).map((line, i) => `${i + 1}. ${line}`);
    return { ok: true, text: [title, ...lines].join('\n'), data: { segment: outcome.segment, segmentName: outcome.segmentName, actions: outcome.actions } };
  },
  autocomplete(ctx, _option, typed, options) {
    return namesMatching(typed, [...segmentChoices(ctx, typed, options), ...SEGMENT_NAMES]);
  },
});
