import { GONE_SINCE, NEW_SINCE, runMigration, UNSEGMENTED, type RunMigration, type SegmentChange } from '../../insights/migration.js';
import { namedMovements, type NamedMovement } from '../../insights/named-movements.js';
import type { RunContinuity } from '../../segment/continuity.js';
import { RETURNED_EVERYTHING } from '../../segment/returned-everything.js';
import type { DatasetRecord } from '../../store/datasets.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository, type RunRecord } from '../../store/runs.js';
import { isoWallClock } from '../import/import-report.js';
import { resolveDataset, type DatasetLookup } from '../resolve-dataset.js';

/** One side of a comparison: which run it is. */
export interface ComparedRun {
  id: number;
  /** Wall-clock ISO date-time recency was measured from, e.g. "2011-12-10T00:00:00". */
  asOf: string | null;
  k: number | null;
  method: RunRecord['method'];
  convention: RunRecord['convention'];
  createdAt: string;
}

export interface RunComparison {
  dataset: DatasetRecord;
  from: ComparedRun;
  to: ComparedRun;
  /** Segments most valuable first as the later run ranks them, then those only the earlier run had, then the rest. */
  migration: RunMigration;
  /** The moves that matter (see `namedMovements`), most customers first. */
  movements: NamedMovement[];
  /** How the later run followed on from the earlier one (k kept or changed, names kept), when it followed on from it. */
  continuity: RunContinuity | null;
}

export type ComparisonOutcome =
  | { ok: true; comparison: RunComparison }
  | Extract<DatasetLookup, { ok: false }>
  | { ok: false; code: 'no_segmentation'; details: { dataset: string } }
  | { ok: false; code: 'no_earlier_run'; details: { dataset: string; runId: number } }
  | { ok: false; code: 'run_not_found'; details: { dataset: string; runId: number; available: number[] } };

export interface ComparisonRequest {
  guildId: string;
  dataset?: string;
  /** The earlier run (default: the run before `to`). */
  from?: number;
  /** The later run (default: the dataset's newest). */
  to?: number;
}

/**
 * Who moved between two runs of a dataset: the migration matrix with customers new since the earlier run and
 * customers gone from the later one, and the named movements. Defaults to the dataset's two newest runs. Reads two
 * columns of each run's customers; about 20 ms for Online Retail's 4,338 customers per run.
 */
export function compareRuns(db: Db, request: ComparisonRequest): ComparisonOutcome {
  const found = resolveDataset(db, request.guildId, request.dataset);
  if (!found.ok) return found;
  const { dataset } = found;
  const runs = runsRepository(db);
  const ofDataset = (runId: number) => {
    const run = runs.byId(request.guildId, runId);
    return run && run.datasetId === dataset.datasetId ? run : undefined;
  };
  const notFound = (runId: number): ComparisonOutcome => ({
    ok: false,
    code: 'run_not_found',
    details: { dataset: dataset.name, runId, available: runs.ofDataset(request.guildId, dataset.datasetId, 10).map((run) => run.runId) },
  });

  const newest = runs.latest(request.guildId, dataset.datasetId);
  if (!newest) return { ok: false, code: 'no_segmentation', details: { dataset: dataset.name } };
  const to = request.to === undefined ? newest : ofDataset(request.to);
  if (!to) return notFound(request.to!);
  let from: RunRecord | undefined;
  if (request.from !== undefined) {
    from = ofDataset(request.from);
    if (!from) return notFound(request.from);
  } else {
    const earlier = runs.ofDataset(request.guildId, dataset.datasetId, Number.MAX_SAFE_INTEGER).find((run) => run.runId < to.runId);
    if (!earlier) return { ok: false, code: 'no_earlier_run', details: { dataset: dataset.name, runId: to.runId } };
    from = runs.byId(request.guildId, earlier.runId)!;
  }

  const migration = runMigration(runs.migrationMembers(request.guildId, from.runId), runs.migrationMembers(request.guildId, to.runId));
  const continuity = to.details.continuity?.previousRunId === from.runId ? to.details.continuity : null;
  return {
    ok: true,
    comparison: {
      dataset,
      from: comparedRun(from),
      to: comparedRun(to),
      migration: { ...migration, segments: inValueOrder(migration.segments, to, from) },
      movements: namedMovements(migration),
      continuity,
    },
  };
}

function comparedRun(run: RunRecord): ComparedRun {
  return {
    id: run.runId, asOf: run.asOf === null ? null : isoWallClock(run.asOf), k: run.k, method: run.method, convention: run.convention, createdAt: run.createdAt,
  };
}

/**
 * Segments in the order a team reads them: the later run's clusters by value rank, then clusters only the earlier
 * run had (by its ranks), then customers who returned everything, then anything else (grid-only "(none)").
 */
function inValueOrder(segments: readonly SegmentChange[], later: RunRecord, earlier: RunRecord): SegmentChange[] {
  const rankIn = (run: RunRecord) => new Map(run.details.segments.map((segment) => [segment.label, segment.rank]));
  const laterRanks = rankIn(later);
  const earlierRanks = rankIn(earlier);
  const place = (name: string): [number, number] => {
    if (laterRanks.has(name)) return [0, laterRanks.get(name)!];
    if (earlierRanks.has(name)) return [1, earlierRanks.get(name)!];
    if (name === RETURNED_EVERYTHING) return [2, 0];
    return [name === UNSEGMENTED || name === NEW_SINCE || name === GONE_SINCE ? 4 : 3, 0];
  };
  return [...segments].sort((a, b) => {
    const [groupA, rankA] = place(a.name);
    const [groupB, rankB] = place(b.name);
    return groupA - groupB || rankA - rankB || a.name.localeCompare(b.name);
  });
}
