import type { CustomerBasket } from '../segment/customer-baskets.js';
import { purchaseRhythmOfOrders, type PurchaseRhythm } from '../segment/purchase-rhythm.js';
import { rfmOfOrders } from '../segment/rfm.js';
import { countryOfEachCustomer, productCountsBySegment } from '../segment/profile-counts.js';
import { segmentProfiles, type SegmentProfile } from '../segment/profile.js';
import { percentileRanks } from '../segment/scores.js';
import { kRuns, type KRun } from '../segment/choose-k.js';
import { previousCentroidsIn, type PreviousClustering } from '../segment/continuity.js';
import { clusteringPlan, previousClusters, segmentCustomers, type SegmentationResult } from '../segment/segment-customers.js';
import type { CustomerRfm, RfmConvention, RfmTable } from '../segment/types.js';
import type { Db } from '../store/open-database.js';
import { runsRepository, type RunCustomer, type RunDetails, type RunRecord } from '../store/runs.js';
import { customerSummariesRepository } from '../store/customer-summaries.js';
import { resolveDataset, type DatasetLookup } from './resolve-dataset.js';
import { kRunsInWorker } from './run-k-runs.js';

/** Seed of every run unless a caller picks another; stored with the run so it can be replayed. */
export const DEFAULT_SEED = 20_240_601;

export interface SegmentRequest {
  guildId: string;
  dataset?: string;
  k?: number;
  convention: RfmConvention;
  /** Epoch ms (wall clock as UTC) to measure recency from; default the last purchase + 24 h. */
  asOf?: number;
  seed?: number;
  now: Date;
  /** The member who asked (a segment run, or the upload it follows), stored with the run. */
  requestedBy?: string;
}

export interface SegmentRunSummary {
  runId: number;
  dataset: string;
  customers: number;
  method: SegmentationResult['method'];
  k: number | null;
  fallback: SegmentationResult['fallback'];
  seconds: number;
}

export type SegmentOutcome =
  | { ok: true; run: SegmentRunSummary }
  | Extract<DatasetLookup, { ok: false }>
  | { ok: false; code: 'no_customers'; details: { dataset: string } }
  | { ok: false; code: 'segmentation_failed'; details: { dataset: string } };

/**
 * Segments a dataset's customers and stores the run beside the earlier ones: RFM, scores and percentiles,
 * k-means clusters (or the grid alone when the data is too small), and the profiles of both lenses.
 * Synchronous and CPU-heavy (about 0.8 s for Online Retail on this project's 2-core machines): call it from a
 * worker, or call `segmentDatasetOnTwoThreads` there.
 */
export function segmentDataset(db: Db, request: SegmentRequest): SegmentOutcome {
  const started = performance.now();
  const prepared = preparedRun(db, request);
  return prepared.ok ? storedRun(db, request, prepared, [], started) : prepared.outcome;
}

/** Below this many customers a second thread's start-up (~0.1 s) costs more than the k-means it takes over. */
export const TWO_THREADS_FROM_CUSTOMERS = 2_000;

/**
 * `segmentDataset` with part of choosing k on a second worker thread: the k-means runs of some k values there,
 * the others here, at the same time. The run stored is the same as `segmentDataset`'s: each k's clustering
 * depends only on the data, k and the seed. If the second thread fails, or has not answered within
 * `graceMs` (default the larger of 2 s and twice this thread's share) after this thread finished, it is
 * stopped and its k values are computed here. Online Retail: chooseK 0.99-1.16 s on one thread, 0.75-0.88 s
 * on two.
 *
 * @param how - what runs the given k values on another thread, from how many customers it is used, and how long
 *   it may take beyond this thread's share (parameters so a test can watch them)
 */
export async function segmentDatasetOnTwoThreads(
  db: Db,
  request: SegmentRequest,
  {
    elsewhere = kRunsInWorker,
    fromCustomers = TWO_THREADS_FROM_CUSTOMERS,
    graceMs,
  }: { elsewhere?: typeof kRunsInWorker; fromCustomers?: number; graceMs?: number } = {},
): Promise<SegmentOutcome> {
  const started = performance.now();
  const prepared = preparedRun(db, request);
  if (!prepared.ok) return prepared.outcome;
  const plan = clusteringPlan(prepared.rfm, { k: request.k });
  if (plan.fallback !== null || prepared.rfm.customers.length < fromCustomers) {
    return storedRun(db, request, prepared, [], started);
  }
  // Both threads warm-start the previous run's k from its centroids, so their runs are the ones segmentCustomers makes.
  const options = {
    seed: request.seed ?? DEFAULT_SEED,
    previous: previousClusters(prepared.previous, prepared.previous ? previousCentroidsIn(prepared.previous, plan.parameters) : []),
  };
  // A forced k is a single k-means run: nothing to share, so no second thread.
  const [there, here] = kSplit(plan.ks);
  if (there.length === 0) return storedRun(db, request, prepared, [], started);
  const stop = new AbortController();
  const remote = elsewhere(plan.matrix, there, options, stop.signal).catch(() => null);
  const localStarted = performance.now();
  let local: KRun[];
  try {
    local = kRuns(plan.matrix, here, options);
  } catch (error) {
    stop.abort();
    throw error;
  }
  const grace = graceMs ?? Math.max(MIN_GRACE_MS, 2 * (performance.now() - localStarted));
  const others = (await withinGrace(remote, grace, () => stop.abort())) ?? kRuns(plan.matrix, there, options);
  return storedRun(db, request, prepared, [...local, ...others], started);
}

/** The least time the other thread gets beyond this thread's share: its start-up alone can take 0.3 s. */
const MIN_GRACE_MS = 2_000;

/** The promise's value, or null once `ms` have passed (and then `onLate` is called). */
async function withinGrace<T>(promise: Promise<T | null>, ms: number, onLate: () => void): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      onLate();
      resolve(null);
    }, ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The k values for the other thread and for this one. k-means costs about k per k value, and the other thread
 * starts about one small k late, so the largest k values go there until it has half the work.
 */
export function kSplit(ks: readonly number[]): [there: number[], here: number[]] {
  const there: number[] = [];
  const here: number[] = [];
  let thereLoad = Math.min(...ks);
  let hereLoad = 0;
  for (const k of [...ks].sort((a, b) => b - a)) {
    if (thereLoad <= hereLoad && there.length < ks.length - 1) {
      there.push(k);
      thereLoad += k;
    } else {
      here.push(k);
      hereLoad += k;
    }
  }
  return [there, here];
}

type PreparedRun =
  | { ok: true; dataset: { datasetId: number; name: string }; rfm: RfmTable; rhythm: PurchaseRhythm; previous: PreviousClustering | undefined }
  | { ok: false; outcome: SegmentOutcome };

/** The dataset, its customers' RFM and how often they come back, or why there is nothing to segment. */
function preparedRun(db: Db, request: SegmentRequest): PreparedRun {
  const found = resolveDataset(db, request.guildId, request.dataset);
  if (!found.ok) return { ok: false, outcome: found };
  const { dataset } = found;
  const orders = customerSummariesRepository(db).orders(request.guildId, dataset.datasetId);
  const rfm = rfmOfOrders(orders, { convention: request.convention, asOf: request.asOf });
  if (rfm.customers.length === 0 || rfm.asOf === null) return { ok: false, outcome: { ok: false, code: 'no_customers', details: { dataset: dataset.name } } };
  const previous = previousClustering(runsRepository(db).latestOfMethod(request.guildId, dataset.datasetId, 'kmeans'));
  return { ok: true, dataset, rfm, rhythm: purchaseRhythmOfOrders(orders, rfm.asOf), previous };
}

/**
 * What a new run keeps from the dataset's newest k-means run (see `segmentCustomers`): its k, scaling, centroids
 * and names. None when there is no such run or it lacks what is needed (a run stored with its scaling cleared).
 */
export function previousClustering(run: RunRecord | undefined): PreviousClustering | undefined {
  if (!run || run.k === null || run.details.scaling === null || run.details.segments.length !== run.k) return undefined;
  return {
    runId: run.runId,
    k: run.k,
    scaling: run.details.scaling,
    segments: run.details.segments.map(({ cluster, name, label, scaledCentroid }) => ({ cluster, name, label, scaledCentroid })),
  };
}

/** Segments the prepared customers (with any k-means runs already computed) and stores the run. */
function storedRun(
  db: Db,
  request: SegmentRequest,
  { dataset, rfm, rhythm, previous }: Extract<PreparedRun, { ok: true }>,
  precomputed: readonly KRun[],
  started: number,
): SegmentOutcome {
  const summaries = customerSummariesRepository(db);
  const seed = request.seed ?? DEFAULT_SEED;
  const result = segmentCustomers(rfm, { seed, rhythm, k: request.k, precomputed, previous });
  const customers = runCustomers(rfm.customers, result);
  const baskets = summaries.baskets(request.guildId, dataset.datasetId);
  const countries = countryOfEachCustomer(baskets);
  const details: RunDetails = {
    fallback: result.fallback, forcedK: result.forcedK, kRange: result.kRange, candidates: result.candidates,
    silhouetteSampled: result.silhouetteSampled, scaling: result.scaling, medians: result.medians, rhythm: result.rhythm, segments: result.segments,
    continuity: result.continuity,
    clusterProfiles: result.method === 'grid' ? [] : lensProfiles(baskets, rfm.customers, customers, countries, (c) => c.segment!),
    gridProfiles: lensProfiles(baskets, rfm.customers, customers, countries, (c) => c.gridSegment),
  };
  const runId = db
    .transaction(() =>
      runsRepository(db).insert(
        {
          guildId: request.guildId, datasetId: dataset.datasetId, createdAt: request.now.toISOString(), asOf: result.asOf,
          convention: result.convention, method: result.method, k: result.k, seed, customers: customers.length, details,
          runBy: request.requestedBy ?? null,
        },
        customers,
      ),
    )
    .immediate();

  return {
    ok: true,
    run: {
      runId, dataset: dataset.name, customers: customers.length, method: result.method, k: result.k, fallback: result.fallback,
      seconds: (performance.now() - started) / 1000,
    },
  };
}

function runCustomers(rfm: readonly CustomerRfm[], result: SegmentationResult): RunCustomer[] {
  const percentiles = percentileRanks(rfm);
  return rfm.map(({ tenureDays: _derivedFromAsOf, ...customer }, i) => {
    const { scores, cluster, segment, gridSegment } = result.customers[i]!;
    return { ...customer, scores, percentiles: percentiles[i]!, cluster, segment, gridSegment };
  });
}

/** Profiles of one lens: each customer's segment in that lens, with countries and top products. */
function lensProfiles(
  baskets: readonly CustomerBasket[],
  rfm: readonly CustomerRfm[],
  customers: readonly RunCustomer[],
  countryByCustomer: ReadonlyMap<string, string>,
  segmentOf: (customer: RunCustomer) => string,
): SegmentProfile[] {
  const segmentById = new Map(customers.map((customer) => [customer.customerId, segmentOf(customer)]));
  return segmentProfiles(
    rfm.map((customer, i) => ({ segment: segmentOf(customers[i]!), customer })),
    { countryByCustomer, productCountsBySegment: productCountsBySegment(baskets, (id) => segmentById.get(id)) },
  );
}
