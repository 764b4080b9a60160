import type { DatasetListing } from '../datasets.js';
import { escapeMarkdown, formatCount } from '../format.js';
import type { Locale, Reply } from '../reply.js';

export function datasetsReply(datasets: DatasetListing[], locale: Locale): Reply {
  if (datasets.length === 0) {
    return {
      ok: true,
      text: locale === 'id' ? 'Belum ada dataset. Unggah ekspor transaksi untuk memulai.' : 'No datasets yet. Upload a transaction export to start.',
      data: { datasets },
    };
  }
  const n = (value: number) => formatCount(value, locale);
  const lines = datasets.map((d) => {
    const period = d.firstDate ? `${d.firstDate.slice(0, 10)} → ${d.lastDate?.slice(0, 10)}` : '–';
    return locale === 'id'
      ? `• **${escapeMarkdown(d.name)}**: ${n(d.rows)} baris, ${n(d.customers)} pelanggan, ${period}, ${n(d.uploads)} unggahan`
      : `• **${escapeMarkdown(d.name)}**: ${n(d.rows)} rows, ${n(d.customers)} customers, ${period}, ${n(d.uploads)} uploads`;
  });
  return { ok: true, text: [locale === 'id' ? 'Dataset:' : 'Datasets:', ...lines].join('\n'), data: { datasets } };
}

export function datasetDeletedReply(name: string, locale: Locale): Reply {
  return {
    ok: true,
    text: locale === 'id' ? `Dataset **${escapeMarkdown(name)}** dan semua barisnya telah dihapus.` : `Deleted dataset **${escapeMarkdown(name)}** and all its rows.`,
    data: { deleted: name },
  };
}
