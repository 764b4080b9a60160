import type { Db } from '../../store/open-database.js';
import { runsRepository } from '../../store/runs.js';
import { findSegment, latestRun, runSegmentLabels, type LatestRun, type Lens } from './segment-views.js';
import { spreadsheetCsv } from './spreadsheet-csv.js';

export interface SegmentExport {
  dataset: string;
  runId: number;
  segment: string;
  lens: Lens;
  customers: number;
  fileName: string;
  csv: string;
}

export type SegmentExportOutcome =
  | { ok: true; export: SegmentExport }
  | Extract<LatestRun, { ok: false }>
  | { ok: false; code: 'segment_not_found'; details: { segment: string; available: string[] } };

const HEADER = ['customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment', 'grid_segment'];

/** A segment's customers of the newest run as a CSV for an email tool, biggest spenders first. */
export function exportSegment(db: Db, guildId: string, datasetName: string | undefined, typedSegment: string): SegmentExportOutcome {
  const latest = latestRun(db, guildId, datasetName);
  if (!latest.ok) return latest;
  const { dataset, run } = latest;
  const found = findSegment(run, typedSegment);
  if (!found) {
    return { ok: false, code: 'segment_not_found', details: { segment: typedSegment, available: runSegmentLabels(run) } };
  }
  const members = runsRepository(db).members(guildId, run.runId, found.label, found.lens);
  const rows = members.map((c) => [
    c.customerId, c.recencyDays, c.frequency, c.monetary, c.scores.r, c.scores.f, c.scores.m, c.segment ?? '', c.gridSegment,
  ]);
  const slug = found.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return {
    ok: true,
    export: {
      dataset: dataset.name, runId: run.runId, segment: found.label, lens: found.lens, customers: members.length,
      fileName: `${slug || 'segment'}.csv`, csv: spreadsheetCsv([HEADER, ...rows]),
    },
  };
}
