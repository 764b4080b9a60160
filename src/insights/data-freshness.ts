import { DAY_MS } from './week-start.js';

/** After this many days without an upload, the digest's figures are last week's again and it says so. */
export const STALE_AFTER_DAYS = 14;

export interface DataFreshness {
  /** Whole days from the last upload to now; null when nothing was ever uploaded. */
  daysSinceUpload: number | null;
  /** Nothing was uploaded for `STALE_AFTER_DAYS` days or more: the figures have not changed since. */
  stale: boolean;
}

/**
 * How fresh a dataset's figures are: days since its last upload, and whether that is long enough to nudge the team
 * to upload the latest export. The digest is built either way. A clock behind the upload counts 0 days. O(1).
 *
 * @param lastUploadAt - ISO time of the last upload (as stored), or null
 * @param now - the moment the digest is built
 * @example
 * dataFreshness('2026-11-20T09:00:00Z', new Date('2026-12-07T09:00:00Z')); // { daysSinceUpload: 17, stale: true }
 */
export function dataFreshness(lastUploadAt: string | null, now: Date, staleAfterDays: number = STALE_AFTER_DAYS): DataFreshness {
  if (lastUploadAt === null) return { daysSinceUpload: null, stale: true };
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(lastUploadAt)) / DAY_MS));
  return { daysSinceUpload: days, stale: days >= staleAfterDays };
}
