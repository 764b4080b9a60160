import { z } from 'zod';
import { purgeWorkspace } from '../src/app/erasure.js';
import { formatCount } from '../src/app/format.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['data', 'purge'],
  description: { en: "Erase all of this server's data (asks for confirmation)", id: 'Hapus semua data server ini (meminta konfirmasi)' },
  permission: 'manage',
  answersPrivately: true,
  options: [{ name: 'confirm', type: 'boolean', description: { en: 'Yes, erase everything', id: 'Ya, hapus semuanya' } }],
  schema: z.object({ confirm: z.boolean().default(false) }),
  async run(ctx, input) {
    if (!input.confirm) {
      return {
        ok: false,
        ephemeral: true,
        text:
          ctx.locale === 'id'
            ? 'Ini menghapus semua dataset, unggahan, hasil segmentasi, playbook, dan pengaturan server ini, dan tidak bisa dibatalkan. Jalankan lagi dengan confirm: True (CLI: --confirm) untuk melanjutkan.'
            : "This erases every dataset, upload, segmentation, playbook change and setting of this server, and cannot be undone. Run it again with confirm: True (CLI: --confirm) to go ahead.",
        data: { error: 'confirmation_needed' },
      };
    }
    const { rows } = purgeWorkspace(ctx.app.db, ctx.guildId);
    const count = formatCount(rows, ctx.locale);
    return {
      ok: true,
      ephemeral: true,
      text: ctx.locale === 'id' ? `Semua data server ini dihapus (${count} baris transaksi).` : `All of this server's data is erased (${count} transaction lines).`,
      data: { purged: true, rows },
    };
  },
});
