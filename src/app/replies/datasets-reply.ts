import type { DatasetListing } from '../workspace/datasets.js';
import { escapeMarkdown, formatCounted, type Noun } from '../format.js';
import type { Locale, Reply } from '../reply.js';

const nouns = {
  en: { row: { one: 'row', other: 'rows' }, customer: { one: 'customer', other: 'customers' }, upload: { one: 'upload', other: 'uploads' } },
  id: { row: { other: 'baris' }, customer: { other: 'pelanggan' }, upload: { other: 'unggahan' } },
} as const satisfies Record<Locale, Record<string, Noun>>;

export function datasetsReply(datasets: DatasetListing[], locale: Locale): Reply {
  if (datasets.length === 0) {
    return {
      ok: true,
      text: locale === 'id' ? 'Belum ada dataset. Unggah ekspor transaksi untuk memulai.' : 'No datasets yet. Upload a transaction export to start.',
      data: { datasets },
    };
  }
  const w = nouns[locale];
  const counted = (value: number, noun: Noun) => formatCounted(value, noun, locale);
  const lines = datasets.map((d) => {
    const period = d.firstDate ? `${d.firstDate.slice(0, 10)} → ${d.lastDate?.slice(0, 10)}` : '–';
    return `• **${escapeMarkdown(d.name)}**: ${counted(d.rows, w.row)}, ${counted(d.customers, w.customer)}, ${period}, ${counted(d.uploads, w.upload)}`;
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
