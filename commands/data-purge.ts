import { z } from 'zod';
import { purgeWorkspace } from '../src/app/erasure.js';
import { formatCount } from '../src/app/format.js';
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
