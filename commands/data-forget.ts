import { z } from 'zod';
import { forgetCustomerOffThread } from '../src/app/workspace/run-erasure.js';
import { escapeMarkdown, formatCounted } from '../src/app/format.js';
import { defineCommand } from './command.js';
import { customerChoices } from './segment-options.js';

export default defineCommand({
  path: ['data', 'forget'],
  description: { en: "Erase one customer's data from every dataset (privacy request)", id: 'Hapus data satu pelanggan dari semua dataset (permintaan privasi)' },
  permission: 'manage',
  answersPrivately: true,
  options: [{ name: 'customer', type: 'string', required: true, positional: true, autocomplete: true, description: { en: 'Customer id', id: 'ID pelanggan' } }],
  schema: z.object({ customer: z.string().trim().min(1).max(100) }),
  confirmFirst: (options) => ({
    en: `Erase every record of customer **${escapeMarkdown(String(options.customer))}** from every dataset of this server? This cannot be undone.`,
    id: `Hapus semua data pelanggan **${escapeMarkdown(String(options.customer))}** dari semua dataset server ini? Ini tidak bisa dibatalkan.`,
  }),
  async run(ctx, input) {
    const erased = await forgetCustomerOffThread(ctx.app.databasePath, ctx.guildId, input.customer);
    const id = escapeMarkdown(input.customer);
    const lines = formatCounted(erased.lines, ctx.locale === 'id' ? { other: 'baris transaksi' } : { one: 'transaction line', other: 'transaction lines' }, ctx.locale);
    const text =
      erased.lines + erased.runEntries === 0
        ? ctx.locale === 'id' ? `Tidak ada data untuk pelanggan ${id} di server ini.` : `There is no data about customer ${id} in this server.`
        : ctx.locale === 'id'
          ? `Pelanggan ${id} dihapus: ${lines} dan semua hasil segmentasinya.`
          : `Customer ${id} erased: ${lines} and every segmentation entry.`;
    return { ok: true, ephemeral: true, text, data: { customerId: input.customer, ...erased } };
  },
  autocomplete: (ctx, _option, typed, options) => customerChoices(ctx, typed, options),
});
