import { z } from 'zod';
import { customerCard } from '../src/app/lookup/customer-card.js';
import { customerReply } from '../src/app/replies/customer-reply.js';
import { failureReply } from '../src/app/replies/failure-reply.js';
import { defineCommand } from './command.js';
import { datasetName } from './schemas.js';
import { customerChoices, datasetOption } from './segment-options.js';

export default defineCommand({
  path: ['segment', 'customer'],
  cliPath: ['customer'],
  description: { en: "One customer's RFM, segment and recommended actions", id: 'RFM, segmen, dan tindakan yang disarankan untuk satu pelanggan' },
  permission: 'read',
  answersPrivately: true,
  options: [
    { name: 'id', type: 'string', required: true, positional: true, autocomplete: true, description: { en: 'Customer id', id: 'ID pelanggan' } },
    datasetOption,
  ],
  schema: z.object({ id: z.string().trim().min(1).max(100), dataset: datasetName }),
  async run(ctx, input) {
    const outcome = customerCard(ctx.app.db, ctx.guildId, input.dataset, input.id);
    return outcome.ok ? customerReply(outcome.card, ctx.locale, outcome.card.currency ?? ctx.currency) : failureReply(outcome.code, outcome.details, ctx.locale);
  },
  autocomplete: (ctx, _option, typed, options) => customerChoices(ctx, typed, options),
});
