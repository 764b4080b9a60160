import type { CustomerBasket } from '../segment/customer-baskets.js';
import { rfmOfOrders } from '../segment/rfm.js';
import { countryOfEachCustomer, productCountsBySegment } from '../segment/profile-counts.js';
import { segmentProfiles, type SegmentProfile } from '../segment/profile.js';
import { percentileRanks } from '../segment/scores.js';
import { segmentCustomers, type SegmentationResult } from '../segment/segment-customers.js';
import type { CustomerRfm, RfmConvention } from '../segment/types.js';
import type { Db } from '../store/open-database.js';
import { runsRepository, type RunCustomer, type RunDetails } from '../store/runs.js';
import { customerSummariesRepository } from '../store/customer-summaries.js';
import { resolveDataset, type DatasetLookup } from './resolve-dataset.js';

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
  | { ok: false; code: 'no_customers'; details: { dataset: string } };

/**
 * Segments a dataset's customers and stores the run beside the earlier ones: RFM, scores and percentiles,
 * k-means clusters (or the grid alone when the data is too small), and the profiles of both lenses.
 * Synchronous and CPU-heavy (about 2 s for Online Retail on this project's 2-core machines): call it from a worker.
 */
export function segmentDataset(db: Db, request: SegmentRequest): SegmentOutcome {
  const started = performance.now();
  const found = resolveDataset(db, request.guildId, request.dataset);
  if (!found.ok) return found;
  const { dataset } = found;
  const summaries = customerSummariesRepository(db);
  const rfm = rfmOfOrders(summaries.orders(request.guildId, dataset.datasetId), { convention: request.convention, asOf: request.asOf });
  if (rfm.customers.length === 0) return { ok: false, code: 'no_customers', details: { dataset: dataset.name } };

  const seed = request.seed ?? DEFAULT_SEED;
  const result = segmentCustomers(rfm, { seed, k: request.k });
  const customers = runCustomers(rfm.customers, result);
  const baskets = summaries.baskets(request.guildId, dataset.datasetId);
  const countries = countryOfEachCustomer(baskets);
  const details: RunDetails = {
    fallback: result.fallback, forcedK: result.forcedK, kRange: result.kRange, candidates: result.candidates,
    silhouetteSampled: result.silhouetteSampled, scaling: result.scaling, medians: result.medians, segments: result.segments,
    clusterProfiles: result.method === 'grid' ? [] : lensProfiles(baskets, rfm.customers, customers, countries, (c) => c.segment!),
    gridProfiles: lensProfiles(baskets, rfm.customers, customers, countries, (c) => c.gridSegment),
  };
  const runId = db
    .transaction(() =>
      runsRepository(db).insert(
        {
          guildId: request.guildId, datasetId: dataset.datasetId, createdAt: request.now.toISOString(), asOf: result.asOf,
          convention: result.convention, method: result.method, k: result.k, seed, customers: customers.length, details,
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
