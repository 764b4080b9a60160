import type { RunListing } from '../../store/runs.js';
import type { DatasetRecord } from '../../store/datasets.js';
import { escapeMarkdown, formatCounted, type Noun } from '../format.js';
import { isoWallClock } from '../import/import-report.js';
import type { Locale, Reply } from '../reply.js';

const words = {
  en: {
    title: (dataset: string) => `Segmentation runs of **${dataset}**, newest first.`,
    embedTitle: (dataset: string) => `Runs · ${dataset}`,
    clusters: (k: number) => `${k} clusters`,
    grid: 'R × F grid only',
    convention: { net: 'net', gross: 'gross' },
    asOf: 'as of',
    ran: 'run',
    by: 'by',
    customer: { one: 'customer', other: 'customers' } as Noun,
    compare: 'Compare two with `/segment compare from:<id> to:<id>` (the two newest by default).',
  },
  id: {
    title: (dataset: string) => `Run segmentasi **${dataset}**, terbaru dulu.`,
    embedTitle: (dataset: string) => `Run · ${dataset}`,
    clusters: (k: number) => `${k} klaster`,
    grid: 'hanya grid R × F',
    convention: { net: 'bersih', gross: 'kotor' },
    asOf: 'per',
    ran: 'dijalankan',
    by: 'oleh',
    customer: { other: 'pelanggan' } as Noun,
    compare: 'Bandingkan dua run dengan `/segment compare from:<id> to:<id>` (bawaan: dua run terbaru).',
  },
} as const;

const clip = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

/** A Discord member id: shown as a mention (which never pings inside a reply), anything else as plain text. */
const SNOWFLAKE = /^\d{17,20}$/;

/**
 * A dataset's stored runs, one line each: id, as-of date, k, convention, when and by whom. `--json` prints
 * `{ dataset, runs: [{ id, asOf, k, method, convention, customers, createdAt, by }] }`.
 */
export function runsReply(dataset: DatasetRecord, runs: readonly RunListing[], locale: Locale): Reply {
  const w = words[locale];
  const lines = runs.map((run) => {
    const asOf = run.asOf === null ? '–' : isoWallClock(run.asOf).slice(0, 10);
    const method = run.method === 'kmeans' && run.k !== null ? w.clusters(run.k) : w.grid;
    const by = run.runBy === null ? '' : ` ${w.by} ${SNOWFLAKE.test(run.runBy) ? `<@${run.runBy}>` : escapeMarkdown(run.runBy)}`;
    const when = `${run.createdAt.slice(0, 16).replace('T', ' ')} UTC`;
    return `• **#${run.runId}** ${w.asOf} ${asOf}: ${method}, ${w.convention[run.convention]}, ${formatCounted(run.customers, w.customer, locale)} · ${w.ran} ${when}${by}`;
  });
  return {
    ok: true,
    text: [w.title(escapeMarkdown(dataset.name)), ...(runs.length > 1 ? [w.compare] : [])].join('\n'),
    // An embed's description holds 4,096 characters where a message holds 2,000: room for 25 runs.
    embeds: [{ title: clip(w.embedTitle(escapeMarkdown(dataset.name)), 256), description: lines.join('\n') }],
    data: {
      dataset: dataset.name,
      runs: runs.map((run) => ({
        id: run.runId,
        asOf: run.asOf === null ? null : isoWallClock(run.asOf),
        k: run.k,
        method: run.method,
        convention: run.convention,
        customers: run.customers,
        createdAt: run.createdAt,
        by: run.runBy,
      })),
    },
  };
}
