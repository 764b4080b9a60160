import type { RunMember } from '../insights/migration.js';
import type { RunContinuity } from '../segment/continuity.js';
import type { GridSegmentName } from '../segment/grid.js';
import type { SegmentProfile } from '../segment/profile.js';
import type { CustomerRfm, RfmConvention, RfmScores } from '../segment/types.js';
import type { SegmentationResult } from '../segment/segment-customers.js';
import type { Db } from './open-database.js';
import { perConnection } from './per-connection.js';

/** The parts of a run read whole: curves, scaling, centroids and the profiles of both lenses. */
export interface RunDetails {
  fallback: SegmentationResult['fallback'];
  forcedK: boolean;
  kRange: SegmentationResult['kRange'];
  candidates: SegmentationResult['candidates'];
  silhouetteSampled: boolean;
  scaling: SegmentationResult['scaling'];
  medians: SegmentationResult['medians'];
  /** Absent from runs stored before the names took it into account (issue #12). */
  rhythm?: SegmentationResult['rhythm'];
  segments: SegmentationResult['segments'];
  /** How the run followed on from the previous k-means run of its dataset; absent from runs stored before issue #13. */
  continuity?: RunContinuity | null;
  clusterProfiles: SegmentProfile[];
  gridProfiles: SegmentProfile[];
}

export interface NewRun {
  guildId: string;
  datasetId: number;
  createdAt: string;
  asOf: number | null;
  convention: RfmConvention;
  method: 'kmeans' | 'grid';
  k: number | null;
  seed: number;
  customers: number;
  details: RunDetails;
  /** The member who asked for the run (a segment run, or the upload it followed); null when unknown. */
  runBy?: string | null;
}

export interface RunRecord extends NewRun {
  runId: number;
  runBy: string | null;
}

/** A run as a list of runs shows it: everything but the details. */
export type RunListing = Omit<RunRecord, 'details'>;

/** A customer as a run keeps them: RFM (tenure follows from the as-of date), scores and both segments. */
export interface RunCustomer extends Omit<CustomerRfm, 'tenureDays'> {
  scores: RfmScores;
  percentiles: { r: number; f: number; m: number };
  cluster: number | null;
  segment: string | null;
  gridSegment: GridSegmentName;
}

/** A run's customer as its charts draw them, in customer order. */
export type RunChartPoint = Pick<RunCustomer, 'segment' | 'gridSegment' | 'recencyDays' | 'frequency' | 'monetary'>;

interface RunRow extends Omit<RunRecord, 'details'> {
  details: string;
}

interface RunCustomerRow {
  customerId: string; recencyDays: number; frequency: number; monetary: number; firstPurchase: number; lastPurchase: number;
  averageOrderValue: number; returnRate: number; r: number; f: number; m: number; rPercentile: number; fPercentile: number;
  mPercentile: number; cluster: number | null; segment: string | null; gridSegment: string;
}

const LISTING_COLUMNS = `run_id AS runId, guild_id AS guildId, dataset_id AS datasetId, created_at AS createdAt, as_of AS asOf,
  convention, method, k, seed, customers, run_by AS runBy`;
const RUN_COLUMNS = `${LISTING_COLUMNS}, details`;
const CUSTOMER_COLUMNS = `customer_id AS customerId, recency_days AS recencyDays, frequency, monetary, first_purchase AS firstPurchase,
  last_purchase AS lastPurchase, average_order_value AS averageOrderValue, return_rate AS returnRate, r_score AS r, f_score AS f,
  m_score AS m, r_percentile AS rPercentile, f_percentile AS fPercentile, m_percentile AS mPercentile, cluster, segment,
  grid_segment AS gridSegment`;

const toRun = (row: RunRow): RunRecord => ({ ...row, details: JSON.parse(row.details) as RunDetails });
const toCustomer = (row: RunCustomerRow): RunCustomer => ({
  customerId: row.customerId, recencyDays: row.recencyDays, frequency: row.frequency, monetary: row.monetary,
  firstPurchase: row.firstPurchase, lastPurchase: row.lastPurchase, averageOrderValue: row.averageOrderValue, returnRate: row.returnRate,
  scores: { r: row.r, f: row.f, m: row.m } as RfmScores,
  percentiles: { r: row.rPercentile, f: row.fPercentile, m: row.mPercentile },
  cluster: row.cluster, segment: row.segment, gridSegment: row.gridSegment as GridSegmentName,
});

function makeRunsRepository(db: Db) {
  const insertRun = db.prepare(
    `INSERT INTO segmentation_runs (guild_id, dataset_id, created_at, as_of, convention, method, k, seed, customers, details, run_by)
     VALUES (@guildId, @datasetId, @createdAt, @asOf, @convention, @method, @k, @seed, @customers, @details, @runBy)`,
  );
  const setDetails = db.prepare<{ guildId: string; runId: number; details: string }>(
    `UPDATE segmentation_runs SET details = @details WHERE guild_id = @guildId AND run_id = @runId`,
  );
  const setFigures = db.prepare<{ guildId: string; runId: number; customers: number; details: string }>(
    `UPDATE segmentation_runs SET customers = @customers, details = @details WHERE guild_id = @guildId AND run_id = @runId`,
  );
  const deleteRun = db.prepare<{ guildId: string; runId: number }>(`DELETE FROM segmentation_runs WHERE guild_id = @guildId AND run_id = @runId`);
  const withCustomer = db.prepare<{ guildId: string; customerId: string }, RunRow>(
    `SELECT ${RUN_COLUMNS} FROM segmentation_runs r
      WHERE guild_id = @guildId
        AND EXISTS (SELECT 1 FROM run_customers c WHERE c.guild_id = r.guild_id AND c.run_id = r.run_id AND c.customer_id = @customerId)
      ORDER BY run_id`,
  );
  const insertCustomer = db.prepare(
    `INSERT INTO run_customers (guild_id, run_id, customer_id, recency_days, frequency, monetary, first_purchase, last_purchase,
       average_order_value, return_rate, r_score, f_score, m_score, r_percentile, f_percentile, m_percentile, cluster, segment, grid_segment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const latest = db.prepare<{ guildId: string; datasetId: number }, RunRow>(
    `SELECT ${RUN_COLUMNS} FROM segmentation_runs WHERE guild_id = @guildId AND dataset_id = @datasetId ORDER BY run_id DESC LIMIT 1`,
  );
  const latestOfMethod = db.prepare<{ guildId: string; datasetId: number; method: string }, RunRow>(
    `SELECT ${RUN_COLUMNS} FROM segmentation_runs WHERE guild_id = @guildId AND dataset_id = @datasetId AND method = @method
      ORDER BY run_id DESC LIMIT 1`,
  );
  const byId = db.prepare<{ guildId: string; runId: number }, RunRow>(
    `SELECT ${RUN_COLUMNS} FROM segmentation_runs WHERE guild_id = @guildId AND run_id = @runId`,
  );
  const ofDataset = db.prepare<{ guildId: string; datasetId: number; limit: number }, RunListing>(
    `SELECT ${LISTING_COLUMNS} FROM segmentation_runs WHERE guild_id = @guildId AND dataset_id = @datasetId ORDER BY run_id DESC LIMIT @limit`,
  );
  const migrationMembers = db
    .prepare<{ guildId: string; runId: number }>(
      `SELECT customer_id, segment, monetary FROM run_customers WHERE guild_id = @guildId AND run_id = @runId`,
    )
    .raw();
  const customer = db.prepare<{ guildId: string; runId: number; customerId: string }, RunCustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM run_customers WHERE guild_id = @guildId AND run_id = @runId AND customer_id = @customerId`,
  );
  const bySegment = db.prepare<{ guildId: string; runId: number; segment: string }, RunCustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM run_customers WHERE guild_id = @guildId AND run_id = @runId AND segment = @segment
      ORDER BY monetary DESC, customer_id`,
  );
  const byGridSegment = db.prepare<{ guildId: string; runId: number; segment: string }, RunCustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM run_customers WHERE guild_id = @guildId AND run_id = @runId AND grid_segment = @segment
      ORDER BY monetary DESC, customer_id`,
  );
  const everyone = db.prepare<{ guildId: string; runId: number }, RunCustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM run_customers WHERE guild_id = @guildId AND run_id = @runId ORDER BY customer_id`,
  );
  const chartPoints = db
    .prepare<{ guildId: string; runId: number }>(
      `SELECT segment, grid_segment, recency_days, frequency, monetary FROM run_customers
        WHERE guild_id = @guildId AND run_id = @runId ORDER BY customer_id`,
    )
    .raw();
  const idsWithPrefix = db
    .prepare<{ guildId: string; runId: number; prefix: string; limit: number }>(
      `SELECT customer_id FROM run_customers
        WHERE guild_id = @guildId AND run_id = @runId AND customer_id >= @prefix AND customer_id < @prefix || char(1114111)
        ORDER BY customer_id LIMIT @limit`,
    )
    .pluck();
  return {
    /** Stores a run and its customers; call inside a transaction. Returns the new run id. */
    insert(run: NewRun, customers: readonly RunCustomer[]): number {
      const runId = Number(insertRun.run({ ...run, runBy: run.runBy ?? null, details: JSON.stringify(run.details) }).lastInsertRowid);
      for (const c of customers) {
        insertCustomer.run(
          run.guildId, runId, c.customerId, c.recencyDays, c.frequency, c.monetary, c.firstPurchase, c.lastPurchase,
          c.averageOrderValue, c.returnRate, c.scores.r, c.scores.f, c.scores.m, c.percentiles.r, c.percentiles.f, c.percentiles.m,
          c.cluster, c.segment, c.gridSegment,
        );
      }
      return runId;
    },
    setDetails: (guildId: string, runId: number, details: RunDetails) => setDetails.run({ guildId, runId, details: JSON.stringify(details) }),
    /** Replaces a run's customer count and details, as when a customer is erased from it. */
    setFigures: (guildId: string, runId: number, customers: number, details: RunDetails) =>
      setFigures.run({ guildId, runId, customers, details: JSON.stringify(details) }),
    delete: (guildId: string, runId: number) => deleteRun.run({ guildId, runId }),
    /** Every run of the workspace that holds this customer, oldest first. */
    withCustomer: (guildId: string, customerId: string): RunRecord[] => withCustomer.all({ guildId, customerId }).map(toRun),
    latest(guildId: string, datasetId: number): RunRecord | undefined {
      const row = latest.get({ guildId, datasetId });
      return row && toRun(row);
    },
    /** The newest run of the dataset made with this method ('kmeans': the one a new run keeps its segments from). */
    latestOfMethod(guildId: string, datasetId: number, method: RunRecord['method']): RunRecord | undefined {
      const row = latestOfMethod.get({ guildId, datasetId, method });
      return row && toRun(row);
    },
    byId(guildId: string, runId: number): RunRecord | undefined {
      const row = byId.get({ guildId, runId });
      return row && toRun(row);
    },
    /** The dataset's runs without their details, newest first, at most `limit`. */
    ofDataset: (guildId: string, datasetId: number, limit: number): RunListing[] => ofDataset.all({ guildId, datasetId, limit }),
    /** Each customer's segment and spend in the run, as a migration between runs counts them; a fraction of customers()' time. */
    migrationMembers: (guildId: string, runId: number): RunMember[] =>
      (migrationMembers.all({ guildId, runId }) as [string, string | null, number][]).map(([customerId, segment, monetary]) => ({ customerId, segment, monetary })),
    customer(guildId: string, runId: number, customerId: string): RunCustomer | undefined {
      const row = customer.get({ guildId, runId, customerId });
      return row && toCustomer(row);
    },
    members(guildId: string, runId: number, segment: string, lens: 'clusters' | 'grid'): RunCustomer[] {
      return (lens === 'clusters' ? bySegment : byGridSegment).all({ guildId, runId, segment }).map(toCustomer);
    },
    customers: (guildId: string, runId: number): RunCustomer[] => everyone.all({ guildId, runId }).map(toCustomer),
    /** Of each customer, what the charts draw: a few columns of the row, read in a fraction of customers()' time. */
    chartPoints: (guildId: string, runId: number): RunChartPoint[] =>
      (chartPoints.all({ guildId, runId }) as [string | null, string, number, number, number][]).map(([segment, gridSegment, recencyDays, frequency, monetary]) => ({
        segment, gridSegment: gridSegment as GridSegmentName, recencyDays, frequency, monetary,
      })),
    customerIdsStartingWith: (guildId: string, runId: number, prefix: string, limit: number): string[] =>
      idsWithPrefix.all({ guildId, runId, prefix, limit }) as string[],
  };
}

/** Segmentation runs and their customers. Every statement filters on guild_id. */
export const runsRepository = perConnection(makeRunsRepository);
export type RunsRepository = ReturnType<typeof runsRepository>;
