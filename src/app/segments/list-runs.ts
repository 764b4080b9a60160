import type { DatasetRecord } from '../../store/datasets.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository, type RunListing } from '../../store/runs.js';
import { resolveDataset, type DatasetLookup } from '../resolve-dataset.js';

/** Discord shows at most 25 fields in an embed; a longer history is what `--json` and the digest's archive are for. */
export const LISTED_RUNS = 25;

export type RunList =
  | { ok: true; dataset: DatasetRecord; runs: RunListing[] }
  | Extract<DatasetLookup, { ok: false }>
  | { ok: false; code: 'no_segmentation'; details: { dataset: string } };

/**
 * The stored runs of the named (or newest) dataset, newest first, without their details: what `/segment runs`
 * lists and what `/segment compare` takes run ids from.
 */
export function listRuns(db: Db, guildId: string, datasetName: string | undefined, limit = LISTED_RUNS): RunList {
  const found = resolveDataset(db, guildId, datasetName);
  if (!found.ok) return found;
  const runs = runsRepository(db).ofDataset(guildId, found.dataset.datasetId, limit);
  if (runs.length === 0) return { ok: false, code: 'no_segmentation', details: { dataset: found.dataset.name } };
  return { ok: true, dataset: found.dataset, runs };
}
