import type { Db } from './open-database.js';

/** A run's customer as the digest reads them: segment (the grid's in a grid-only run), spend, last purchase. */
export interface DigestMemberRow {
  customerId: string;
  segment: string;
  monetary: number;
  lastPurchase: number;
}

export interface LastUpload {
  uploadId: number;
  fileName: string;
  uploadedAt: string;
  mode: 'append' | 'replace';
  rowsImported: number;
}

/** The lines an upload stored within a range of row keys: their first and last dates and how many. */
export interface UploadSpan {
  /** Epoch ms; null when the range holds none of its lines. */
  first: number | null;
  last: number | null;
  lines: number;
}

/** One week's purchases and refunds (see lineRole in src/segment/customer-orders.ts) within a range of row keys. */
export interface WeekLineTotals {
  /** Monday 00:00 of the week, epoch ms. */
  weekStart: number;
  purchased: number;
  /** Absolute amounts of refunds. */
  refunded: number;
}

/**
 * Shifts timestamps so that SQLite's integer division, which truncates towards zero, floors every date after the year
 * 53 and lands on Mondays (a BigInt, so that SQLite adds integers: better-sqlite3 binds a number as REAL): 1969-12-29 was a Monday, three days before the epoch, and 100,000 weeks go back 1,917 years.
 */
const WEEK_SHIFT_MS = 3n * 86_400_000n + 100_000n * 604_800_000n;

/** The signed 64-bit row keys, as a range the primary key can be searched by. */
export const ROW_KEY_MIN = -(2n ** 63n);
export const ROW_KEY_MAX = 2n ** 63n - 1n;

/** The digest's reads: the runs' customers, the last upload and the lines per week. Every statement filters on guild_id. */
export function digestQueries(db: Db) {
  // Four columns rather than runsRepository().customers()' nineteen: half the time for Online Retail's 4,334 customers.
  // Unlike migrationMembers() there, a grid-only run's customers are in their grid segment, as its overview shows them,
  // so its slipping customers can be named; and the last purchase comes along for the list.
  const members = db
    .prepare<{ guildId: string; runId: number }>(
      `SELECT customer_id, coalesce(segment, grid_segment), monetary, last_purchase FROM run_customers
        WHERE guild_id = @guildId AND run_id = @runId`,
    )
    .raw();
  const lastUpload = db.prepare<{ guildId: string; datasetId: number }, LastUpload>(
    `SELECT upload_id AS uploadId, file_name AS fileName, uploaded_at AS uploadedAt, mode, rows_imported AS rowsImported
       FROM uploads WHERE guild_id = @guildId AND dataset_id = @datasetId
      ORDER BY upload_id DESC LIMIT 1`,
  );
  // Both read the numbered lines straight: nothing here needs a text, so none is spelled out (the transaction_lines
  // view looks up six texts per line, about 200 ms per 30,000 lines). A range of row keys is a primary-key search,
  // so the caller can read a large dataset in slices and answer other members in between. Grouping sorts every line
  // it groups (SQLite has no hash aggregate): 0.5 s of CPU for all of Online Retail's lines against 0.06 s for a plain
  // scan, hence only the shown weeks' lines are grouped. Lines carry no index by upload, so finding the last upload's
  // is a plain scan too.
  const uploadSpan = db.prepare<{ guildId: string; datasetId: number; fromKey: bigint; toKey: bigint; uploadId: number }, UploadSpan>(
    `SELECT min(ts) AS first, max(ts) AS last, count(*) AS lines
       FROM transactions
      WHERE guild_id = @guildId AND dataset_id = @datasetId AND row_key BETWEEN @fromKey AND @toKey AND upload_id = @uploadId`,
  );
  // Purchase and refund as lineRole() defines them.
  const weekTotals = db.prepare<
    { guildId: string; datasetId: number; fromKey: bigint; toKey: bigint; from: number; before: number; shift: bigint },
    WeekLineTotals
  >(
    `SELECT ((ts + @shift) / 604800000) * 604800000 - @shift AS weekStart,
            total(amount) FILTER (WHERE purchase) AS purchased,
            total(abs(amount)) FILTER (WHERE NOT purchase AND (is_return = 1 OR amount < 0)) AS refunded
       FROM (SELECT ts, amount, is_return, is_return = 0 AND (quantity IS NULL OR quantity > 0) AND amount > 0 AS purchase
               FROM transactions
              WHERE guild_id = @guildId AND dataset_id = @datasetId AND row_key BETWEEN @fromKey AND @toKey
                AND ts >= @from AND ts < @before AND (unit_price IS NULL OR unit_price > 0))
      GROUP BY weekStart`,
  );
  return {
    members: (guildId: string, runId: number): DigestMemberRow[] =>
      (members.all({ guildId, runId }) as [string, string, number, number][]).map(([customerId, segment, monetary, lastPurchase]) => ({
        customerId, segment, monetary, lastPurchase,
      })),
    lastUpload: (guildId: string, datasetId: number): LastUpload | undefined => lastUpload.get({ guildId, datasetId }),
    /** The dates of the lines the upload stored whose row key is in [fromKey, toKey]. */
    uploadSpan: (guildId: string, datasetId: number, fromKey: bigint, toKey: bigint, uploadId: number): UploadSpan =>
      uploadSpan.get({ guildId, datasetId, fromKey, toKey, uploadId })!,
    /** Purchases and refunds per week of the lines whose row key is in [fromKey, toKey], dated in [from, before). */
    weekTotals: (guildId: string, datasetId: number, fromKey: bigint, toKey: bigint, from: number, before: number): WeekLineTotals[] =>
      weekTotals.all({ guildId, datasetId, fromKey, toKey, from, before, shift: WEEK_SHIFT_MS }),
    /** How SQLite reads the lines of a key range, for a test that keeps both reads primary-key searches of the base table. */
    plans: (): string[] =>
      [uploadSpan, weekTotals].flatMap((statement) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all({ guildId: '', datasetId: 0, fromKey: 0n, toKey: 0n, from: 0, before: 0, uploadId: 0, shift: 0n }) as { detail: string }[])
          .map((row) => row.detail),
      ),
  };
}
export type DigestQueries = ReturnType<typeof digestQueries>;
