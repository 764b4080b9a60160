import { escapeMarkdown, formatCounted } from '../format.js';
import type { Locale, Reply } from '../reply.js';
import type { SegmentExport } from '../segments/segment-export.js';
import { shownSegmentName } from '../segments/segment-names.js';

/** The segment's customers as a CSV attachment, with the count in the message. */
export function segmentExportReply(result: SegmentExport, locale: Locale): Reply {
  const count = formatCounted(result.customers, locale === 'id' ? { other: 'pelanggan' } : { one: 'customer', other: 'customers' }, locale);
  const segment = escapeMarkdown(shownSegmentName(result.segment, locale));
  return {
    ok: true,
    ephemeral: true,
    text:
      locale === 'id'
        ? `**${segment}**: ${count} di dataset ${escapeMarkdown(result.dataset)}. File CSV siap diimpor ke alat email Anda.`
        : `**${segment}**: ${count} in dataset ${escapeMarkdown(result.dataset)}. The CSV is ready for your email tool.`,
    files: [{ name: result.fileName, data: Buffer.from(result.csv, 'utf8'), contentType: 'text/csv', description: `${result.segment} (${result.customers})` }],
    data: { dataset: result.dataset, runId: result.runId, segment: result.segment, lens: result.lens, customers: result.customers, file: result.fileName },
  };
}
