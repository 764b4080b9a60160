import { z } from 'zod';
import { purgeWorkspaceOffThread } from '../src/app/workspace/run-erasure.js';
import { formatCounted } from '../src/app/format.js';
import { defineCommand } from './command.js';

export default defineCommand({
  path: ['data', 'purge'],
  description: { en: "Erase all of this server's data (asks for confirmation)", id: 'Hapus semua data server ini (meminta konfirmasi)' },
  permission: 'manage',
  answersPrivately: true,
  options: [],
  schema: z.object({}),
  confirmFirst: () => ({
    en: "Erase **every** dataset, upload, segmentation, playbook change and setting of this server? This cannot be undone.",
    id: 'Hapus **semua** dataset, unggahan, hasil segmentasi, perubahan playbook, dan pengaturan server ini? Ini tidak bisa dibatalkan.',
  }),
  async run(ctx) {
    const { rows } = await purgeWorkspaceOffThread(ctx.app.databasePath, ctx.guildId);
    const count = formatCounted(rows, ctx.locale === 'id' ? { other: 'baris transaksi' } : { one: 'transaction line', other: 'transaction lines' }, ctx.locale);
    return {
      ok: true,
      ephemeral: true,
      text: ctx.locale === 'id' ? `Semua data server ini dihapus (${count}).` : `All of this server's data is erased (${count}).`,
      data: { purged: true, rows },
    };
  },
});
