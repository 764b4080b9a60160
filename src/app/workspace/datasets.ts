import { datasetsRepository, type DatasetSummary } from '../../store/datasets.js';
import type { AppContext } from '../context.js';
import { isoWallClock } from '../import/import-report.js';

export interface DatasetListing {
  name: string;
  kind: string;
  uploads: number;
  rows: number;
  customers: number;
  firstDate: string | null;
  lastDate: string | null;
  lastUploadAt: string | null;
}

const toListing = (d: DatasetSummary): DatasetListing => ({
  name: d.name,
  kind: d.kind,
  uploads: d.uploads,
  rows: d.rows,
  customers: d.customers,
  firstDate: d.firstTimestamp === null ? null : isoWallClock(d.firstTimestamp),
  lastDate: d.lastTimestamp === null ? null : isoWallClock(d.lastTimestamp),
  lastUploadAt: d.lastUploadAt,
});

export function listDatasets(app: AppContext, guildId: string): DatasetListing[] {
  return datasetsRepository(app.db).list(guildId).map(toListing);
}

/** The workspace's dataset names, by name: for autocomplete, which runs at every keystroke. */
export function datasetNames(app: Pick<AppContext, 'db'>, guildId: string): string[] {
  return datasetsRepository(app.db).names(guildId);
}

export type DeleteOutcome = { ok: true; name: string } | { ok: false; code: 'dataset_not_found'; details: { name: string; available: string[] } };

/** Deletes a dataset with its uploads and rows, in this workspace only. */
export function deleteDataset(app: Pick<AppContext, 'db'>, guildId: string, name: string): DeleteOutcome {
  const datasets = datasetsRepository(app.db);
  if (datasets.delete(guildId, name)) return { ok: true, name };
  return { ok: false, code: 'dataset_not_found', details: { name, available: datasets.list(guildId).map((d) => d.name) } };
}
