import type { CustomerBasket } from '../../segment/customer-baskets.js';
import type { CustomerOrder } from '../../segment/customer-orders.js';
import { purchaseRhythmOfOrders, type PurchaseRhythm } from '../../segment/purchase-rhythm.js';
import { rfmOfOrders } from '../../segment/rfm.js';
import { countryOfEachCustomer, productCountsBySegment } from '../../segment/profile-counts.js';
import { segmentProfiles, type SegmentProfile } from '../../segment/profile.js';
import { percentileRanks } from '../../segment/scores.js';
import { kRuns, type KRun } from '../../segment/choose-k.js';
import { previousCentroidsIn, type PreviousClustering } from '../../segment/continuity.js';
import { clusteringPlan, previousClusters, segmentCustomers, type SegmentationResult } from '../../segment/segment-customers.js';
import type { CustomerRfm, RfmConvention, RfmTable } from '../../segment/types.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository, type RunCustomer, type RunDetails, type RunRecord } from '../../store/runs.js';
import { customerSummariesRepository, type CustomerSummaries } from '../../store/customer-summaries.js';
import { resolveDataset, type DatasetLookup } from '../resolve-dataset.js';
import { kRunsInWorker } from './run-k-runs.js';
import { markPhase } from '../workers/phase-trace.js';

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
  return prepared.ok ? storedRun(db, request, computedRun(request, prepared, []), started, prepared.dataset) : prepared.outcome;
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
export async function segmentDatasetOnTwoThreads(db: Db, request: SegmentRequest, how: TwoThreads = {}): Promise<SegmentOutcome> {
  const started = performance.now();
  const prepared = preparedRun(db, request);
  if (!prepared.ok) return prepared.outcome;
  return storedRun(db, request, await computedOnTwoThreads(request, prepared, how), started, prepared.dataset);
}

/**
 * An upload's segmentation worked out while its rows are still being stored, from the summaries the upload is
 * predicted to leave (see SummaryForecast), and stored once the upload has committed and `held` says the
 * prediction was right. Undefined when it was not, or nothing is left to segment: then segment the dataset as
 * stored. Saves the wait for the writer and the read of the summaries back (Online Retail: ~0.7 s and ~0.2 s).
 */
export async function segmentForecast(
  db: Db,
  request: SegmentRequest & { dataset: string },
  summaries: CustomerSummaries,
  held: Promise<boolean>,
  how: TwoThreads = {},
): Promise<SegmentOutcome | undefined> {
  const started = performance.now();
  // A new dataset is not found until the upload commits: then there is no run before this one.
  const latestRunOf = (found: DatasetLookup) => (found.ok ? runsRepository(db).latestOfMethod(request.guildId, found.dataset.datasetId, 'kmeans') : undefined);
  const previousRun = latestRunOf(resolveDataset(db, request.guildId, request.dataset));
  const prepared = preparedCustomers(request, summaries.orders, () => summaries.baskets, previousRun);
  if (prepared === undefined) return undefined;
  const computed = await computedOnTwoThreads(request, prepared, how);
  markPhase('early segmentation computed');
  if (!(await held)) return undefined;
  const found = resolveDataset(db, request.guildId, request.dataset);
  // A run stored meanwhile would be the one this run must follow on from.
  if (!found.ok || latestRunOf(found)?.runId !== previousRun?.runId) return undefined;
  return storedRun(db, request, computed, started, found.dataset);
}

/** What runs the given k values on another thread, from how many customers it is used, and how long it may take. */
export interface TwoThreads {
  elsewhere?: typeof kRunsInWorker;
  fromCustomers?: number;
  graceMs?: number;
}

/** The run of the prepared customers, k-means shared between this thread and another; not stored. */
async function computedOnTwoThreads(
  request: SegmentRequest,
  prepared: PreparedCustomers,
  { elsewhere = kRunsInWorker, fromCustomers = TWO_THREADS_FROM_CUSTOMERS, graceMs }: TwoThreads,
): Promise<ComputedRun> {
  const plan = clusteringPlan(prepared.rfm, { k: request.k });
  if (plan.fallback !== null || prepared.rfm.customers.length < fromCustomers) return computedRun(request, prepared, []);
  // Both threads warm-start the previous run's k from its centroids, so their runs are the ones segmentCustomers makes.
  const options = {
    seed: request.seed ?? DEFAULT_SEED,
    previous: previousClusters(prepared.previous, prepared.previous ? previousCentroidsIn(prepared.previous, plan.parameters) : []),
  };
  // A forced k is a single k-means run: nothing to share, so no second thread.
  const [there, here] = kSplit(plan.ks);
  if (there.length === 0) return computedRun(request, prepared, []);
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
  return computedRun(request, prepared, [...local, ...others]);
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

/** The customers to segment: their RFM, how often they come back, the run before and their baskets (read late). */
interface PreparedCustomers {
  rfm: RfmTable;
  rhythm: PurchaseRhythm;
  previous: PreviousClustering | undefined;
  baskets: () => readonly CustomerBasket[];
}

type PreparedRun =
  | ({ ok: true; dataset: { datasetId: number; name: string } } & PreparedCustomers)
  | { ok: false; outcome: SegmentOutcome };

/** The dataset, its customers' RFM and how often they come back, or why there is nothing to segment. */
function preparedRun(db: Db, request: SegmentRequest): PreparedRun {
  const found = resolveDataset(db, request.guildId, request.dataset);
  if (!found.ok) return { ok: false, outcome: found };
  const { dataset } = found;
  const summaries = customerSummariesRepository(db);
  const prepared = preparedCustomers(
    request,
    summaries.orders(request.guildId, dataset.datasetId),
    () => summaries.baskets(request.guildId, dataset.datasetId),
    runsRepository(db).latestOfMethod(request.guildId, dataset.datasetId, 'kmeans'),
  );
  return prepared === undefined ? { ok: false, outcome: { ok: false, code: 'no_customers', details: { dataset: dataset.name } } } : { ok: true, dataset, ...prepared };
}

/** The customers of these orders, undefined when none has a purchase to rank. */
function preparedCustomers(
  request: SegmentRequest,
  orders: readonly CustomerOrder[],
  baskets: () => readonly CustomerBasket[],
  previousRun: RunRecord | undefined,
): PreparedCustomers | undefined {
  const rfm = rfmOfOrders(orders, { convention: request.convention, asOf: request.asOf });
  if (rfm.customers.length === 0 || rfm.asOf === null) return undefined;
  return { rfm, rhythm: purchaseRhythmOfOrders(orders, rfm.asOf), previous: previousClustering(previousRun), baskets };
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

/** A run worked out and not yet stored: what `storedRun` writes. */
interface ComputedRun {
  seed: number;
  result: SegmentationResult;
  customers: RunCustomer[];
  details: RunDetails;
}

/** Segments the prepared customers, with any k-means runs already computed. */
function computedRun(request: SegmentRequest, { rfm, rhythm, previous, baskets: basketsOf }: PreparedCustomers, precomputed: readonly KRun[]): ComputedRun {
  const seed = request.seed ?? DEFAULT_SEED;
  const result = segmentCustomers(rfm, { seed, rhythm, k: request.k, precomputed, previous });
  const customers = runCustomers(rfm.customers, result);
  const baskets = basketsOf();
  const countries = countryOfEachCustomer(baskets);
  const details: RunDetails = {
    fallback: result.fallback, forcedK: result.forcedK, kRange: result.kRange, candidates: result.candidates,
    silhouetteSampled: result.silhouetteSampled, scaling: result.scaling, medians: result.medians, rhythm: result.rhythm, segments: result.segments,
    continuity: result.continuity,
    clusterProfiles: result.method === 'grid' ? [] : lensProfiles(baskets, rfm.customers, customers, countries, (c) => c.segment!),
    gridProfiles: lensProfiles(baskets, rfm.customers, customers, countries, (c) => c.gridSegment),
  };
  return { seed, result, customers, details };
}

/** Stores a computed run of the dataset. */
function storedRun(
  db: Db,
  request: SegmentRequest,
  { seed, result, customers, details }: ComputedRun,
  started: number,
  dataset: { datasetId: number; name: string },
): SegmentOutcome {
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
