import { datasetsRepository, type DatasetRecord } from '../store/datasets.js';
import type { Db } from '../store/open-database.js';

export type DatasetLookup =
  | { ok: true; dataset: DatasetRecord }
  | { ok: false; code: 'no_datasets'; details: Record<string, never> }
  | { ok: false; code: 'dataset_not_found'; details: { name: string; available: string[] } };

/** The named dataset, or the one with the newest upload when no name is given. Scoped to the workspace. */
export function resolveDataset(db: Db, guildId: string, name: string | undefined): DatasetLookup {
  const datasets = datasetsRepository(db);
  const dataset = name === undefined ? datasets.findLatest(guildId) : datasets.find(guildId, name);
  if (dataset) return { ok: true, dataset };
  if (name === undefined) return { ok: false, code: 'no_datasets', details: {} };
  return { ok: false, code: 'dataset_not_found', details: { name, available: datasets.list(guildId).map((d) => d.name) } };
}
