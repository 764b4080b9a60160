import { GRID_SEGMENTS } from '../../segment/grid.js';
import type { PlaybookAction, SegmentName } from '../../segment/playbook.js';
import type { RunContinuity } from '../../segment/continuity.js';
import type { PurchaseRhythm } from '../../segment/purchase-rhythm.js';
import type { SegmentProfile } from '../../segment/profile.js';
import { RETURNED_EVERYTHING, RETURNED_EVERYTHING_EXPLANATION, RETURNED_EVERYTHING_NAMES } from '../../segment/returned-everything.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository, type RunRecord } from '../../store/runs.js';
import type { DatasetRecord } from '../../store/datasets.js';
import { isoWallClock } from '../import/import-report.js';
import { workspaceActions } from './playbook-source.js';
import { resolveDataset, type DatasetLookup } from '../resolve-dataset.js';
import { nameKey } from './segment-names.js';

export type Lens = 'clusters' | 'grid';

export interface SegmentView {
  /** Unique label within the run ("Champions", or "Champions 2" when two clusters share a name). */
  name: string;
  /** The playbook's segment name behind the label. */
  segmentName: SegmentName;
  rank: number;
  customers: number;
  customerShare: number;
  revenue: number;
  revenueShare: number;
  recencyMedian: number;
  frequencyMedian: number;
  monetaryMedian: number;
  recencyMean: number;
  frequencyMean: number;
  monetaryMean: number;
  averageOrderValue: number;
  topCountries: SegmentProfile['topCountries'];
  topProducts: SegmentProfile['topProducts'];
  explanation: { en: string; id: string } | null;
  actions: readonly PlaybookAction[];
}

export interface RunView {
  runId: number;
  dataset: string;
  lens: Lens;
  method: RunRecord['method'];
  k: number | null;
  silhouette: number | null;
  silhouetteSampled: boolean;
  convention: RunRecord['convention'];
  asOf: string | null;
  createdAt: string;
  customers: number;
  fallback: RunRecord['details']['fallback'];
  candidates: RunRecord['details']['candidates'];
  /** True when the k option set k, so no other k was tried; absent in views built without a run. */
  forcedK?: boolean;
  /** How often customers come back, which the cluster names took into account; null for the grid and older runs. */
  rhythm: PurchaseRhythm | null;
  segments: SegmentView[];
  /** How the run followed on from the dataset's previous k-means run (k kept or changed); null for the first run and older runs. */
  continuity?: RunContinuity | null;
}

export type LatestRun =
  | { ok: true; dataset: DatasetRecord; run: RunRecord }
  | Extract<DatasetLookup, { ok: false }>
  | { ok: false; code: 'no_segmentation'; details: { dataset: string } };

/** The newest run of the named (or newest) dataset. */
export function latestRun(db: Db, guildId: string, datasetName: string | undefined): LatestRun {
  const found = resolveDataset(db, guildId, datasetName);
  if (!found.ok) return found;
  const run = runsRepository(db).latest(guildId, found.dataset.datasetId);
  if (!run) return { ok: false, code: 'no_segmentation', details: { dataset: found.dataset.name } };
  return { ok: true, dataset: found.dataset, run };
}

/**
 * The run as a marketing team reads it through one lens: segments most valuable first, each with its size,
 * revenue, typical customer and the actions that fit. A grid-only run shows the grid whatever lens was asked.
 * In the cluster lens the customers who returned everything come last, as a group of their own.
 */
export function runView(db: Db, guildId: string, dataset: DatasetRecord, run: RunRecord, lens: Lens): RunView {
  const shown: Lens = run.method === 'grid' ? 'grid' : lens;
  const actions = workspaceActions(db, guildId);
  const chosen = run.details.candidates.find((candidate) => candidate.k === run.k);
  const clusters = new Map(run.details.segments.map((segment) => [segment.label, segment]));
  const profiles = shown === 'clusters' ? run.details.clusterProfiles : run.details.gridProfiles;
  const gridOrder = (name: string) => (GRID_SEGMENTS as readonly string[]).indexOf(name);
  const segments = profiles
    .map((profile): SegmentView => {
      const cluster = clusters.get(profile.segment);
      const returned = shown === 'clusters' && profile.segment === RETURNED_EVERYTHING;
      const segmentName = (shown === 'clusters' ? (cluster?.name ?? profile.segment) : profile.segment) as SegmentName;
      return {
        name: profile.segment,
        segmentName,
        rank: returned ? clusters.size + 1 : shown === 'clusters' ? cluster!.rank : gridOrder(profile.segment) + 1,
        customers: profile.customers,
        customerShare: profile.customerShare,
        revenue: profile.revenue,
        revenueShare: profile.revenueShare,
        recencyMedian: profile.median.recencyDays,
        frequencyMedian: profile.median.frequency,
        monetaryMedian: profile.median.monetary,
        recencyMean: profile.mean.recencyDays,
        frequencyMean: profile.mean.frequency,
        monetaryMean: profile.mean.monetary,
        averageOrderValue: profile.averageOrderValue,
        topCountries: profile.topCountries,
        topProducts: profile.topProducts,
        explanation: returned ? RETURNED_EVERYTHING_EXPLANATION : shown === 'clusters' ? cluster!.explanation : null,
        actions: actions(segmentName),
      };
    })
    .sort((a, b) => a.rank - b.rank);
  return {
    runId: run.runId,
    dataset: dataset.name,
    lens: shown,
    method: run.method,
    k: run.k,
    silhouette: chosen?.silhouette ?? null,
    silhouetteSampled: run.details.silhouetteSampled,
    convention: run.convention,
    asOf: run.asOf === null ? null : isoWallClock(run.asOf),
    createdAt: run.createdAt,
    customers: run.customers,
    fallback: run.details.fallback,
    candidates: run.details.candidates,
    forcedK: run.details.forcedK,
    rhythm: shown === 'clusters' ? (run.details.rhythm ?? null) : null,
    segments,
    continuity: run.details.continuity ?? null,
  };
}


/** Every segment label of a run: its clusters' (with the group of customers who returned everything), then the grid's. */
export function runSegmentLabels(run: RunRecord): string[] {
  return [...new Set([...clusterLensLabels(run), ...run.details.gridProfiles.map((p) => p.segment)])];
}

/**
 * Finds a segment by the name a person typed, ignoring case and spacing, in the run's cluster lens then its grid.
 * The group of customers who returned everything answers to its name in either language.
 */
export function findSegment(run: RunRecord, typed: string): { label: string; lens: Lens } | undefined {
  const wanted = nameKey(typed);
  const inClusters = clusterLensLabels(run).find(
    (label) => nameKey(label) === wanted || (label === RETURNED_EVERYTHING && nameKey(RETURNED_EVERYTHING_NAMES.id) === wanted),
  );
  if (inClusters) return { label: inClusters, lens: 'clusters' };
  const grid = run.details.gridProfiles.find((profile) => nameKey(profile.segment) === wanted);
  return grid && { label: grid.segment, lens: 'grid' };
}

/** The labels of a run's cluster lens: its clusters', and the returned-everything group when the run has one. */
function clusterLensLabels(run: RunRecord): string[] {
  const returned = run.details.clusterProfiles.some((profile) => profile.segment === RETURNED_EVERYTHING);
  return [...run.details.segments.map((s) => s.label), ...(returned ? [RETURNED_EVERYTHING] : [])];
}

