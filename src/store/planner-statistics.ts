import type { Db } from './open-database.js';

/**
 * Refreshes SQLite's table statistics after an import. Without them, or with only a sampled ANALYZE, the
 * planner prefers the primary key's (guild, dataset) prefix over transactions_by_customer and a customer
 * lookup scans the whole dataset. A full ANALYZE of Online Retail takes about 160 ms, in the import worker.
 */
export function refreshPlannerStatistics(db: Db): void {
  db.exec('ANALYZE');
}
