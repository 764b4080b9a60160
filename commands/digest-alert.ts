import { z } from 'zod';
import { setDigestAlert } from '../src/app/digest/alert-post.js';
import { digestStatus } from '../src/app/digest/schedule-settings.js';
import { withPauseNotice } from '../src/app/digest/schedule-replies.js';
import type { Locale, Reply } from '../src/app/reply.js';
import { defineCommand } from './command.js';

const METRICS = ['at_risk_revenue_share', 'champions_change', 'customers_lost', 'off'] as const;

const METRIC_WORDS = {
  at_risk_revenue_share: { en: "when At Risk + Can't Lose Them rise to {t}% of revenue or more", id: "saat At Risk + Can't Lose Them naik ke {t}% pendapatan atau lebih" },
  champions_change: { en: 'when the number of Champions changes by {t}% or more', id: 'saat jumlah Champions berubah {t}% atau lebih' },
  customers_lost: { en: "when {t} or more customers slip into At Risk, Can't Lose Them or Hibernating", id: "saat {t} pelanggan atau lebih tergelincir ke At Risk, Can't Lose Them atau Hibernating" },
} as const;

function alertReply(saved: boolean, input: { metric: (typeof METRICS)[number]; threshold?: number | undefined }, locale: Locale): Reply {
  const en = locale === 'en';
  if (!saved) return { ok: false, ephemeral: true, text: en ? 'Set the weekly digest first with `/digest set`: alerts are posted in its channel.' : 'Atur dulu ringkasan mingguan dengan `/digest set`: peringatan dikirim ke salurannya.' };
  if (input.metric === 'off') return { ok: true, ephemeral: true, text: en ? 'Alerts turned off.' : 'Peringatan dimatikan.', data: { metric: null } };
  const when = METRIC_WORDS[input.metric][locale].replace('{t}', String(input.threshold));
  return {
    ok: true, ephemeral: true, data: { metric: input.metric, threshold: input.threshold },
    text: en ? `Alert saved: after each upload I post in the digest channel ${when}.` : `Peringatan disimpan: setelah setiap unggahan saya kirim ke saluran ringkasan ${when}.`,
  };
}

export default defineCommand({
  path: ['digest', 'alert'],
  description: { en: 'Post a short alert in the digest channel when a new run crosses a threshold', id: 'Kirim peringatan singkat ke saluran ringkasan saat run baru melewati ambang' },
  permission: 'manage',
  answersPrivately: true,
  options: [
    {
      name: 'metric', type: 'string', required: true, choices: METRICS,
      choiceLabels: {
        at_risk_revenue_share: { en: "Revenue share of At Risk + Can't Lose Them (%)", id: "Porsi pendapatan At Risk + Can't Lose Them (%)" },
        champions_change: { en: 'Change in the number of Champions (%)', id: 'Perubahan jumlah Champions (%)' },
        customers_lost: { en: 'Customers lost (count)', id: 'Pelanggan yang hilang (jumlah)' },
        off: { en: 'Off', id: 'Matikan' },
      },
      description: { en: 'What to watch (off: no alerts)', id: 'Yang dipantau (off: tanpa peringatan)' },
    },
    { name: 'threshold', type: 'number', min: 0, description: { en: 'Threshold: a percentage, or a number of customers', id: 'Ambang: persen, atau jumlah pelanggan' } },
  ],
  schema: z
    .object({ metric: z.enum(METRICS), threshold: z.number().min(0).max(1_000_000).optional() })
    .refine((input) => input.metric === 'off' || input.threshold !== undefined, { message: 'give a threshold, e.g. threshold:20 / isi ambang, mis. threshold:20', path: ['threshold'] }),
  async run(ctx, input) {
    const saved = setDigestAlert(ctx.app, ctx.guildId, input.metric === 'off' ? null : { metric: input.metric, threshold: input.threshold! });
    return withPauseNotice(alertReply(saved, input, ctx.locale), digestStatus(ctx.app, ctx.guildId).schedule, ctx.locale);
  },
});
