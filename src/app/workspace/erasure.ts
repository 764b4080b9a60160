import type { CustomerBasket } from '../../segment/customer-baskets.js';
import { customerSummariesRepository } from '../../store/customer-summaries.js';
import { erasureRepository } from '../../store/erasure.js';
import type { Db } from '../../store/open-database.js';
import { runsRepository } from '../../store/runs.js';
import { runDetailsWithout } from './run-without-customer.js';

/**
 * A privacy request: the customer's rows and segment entries are erased from every dataset of the server, and every
 * stored run that held them has its figures (sizes, shares, medians, top lists, centroids) worked out again without
 * them, in the same transaction; a run left without customers is deleted. Returns the lines and run entries removed.
 */
export function forgetCustomer(db: Db, guildId: string, customerId: string) {
  const runs = runsRepository(db);
  const summaries = customerSummariesRepository(db);
  return db.transaction(() => {
    const held = runs.withCustomer(guildId, customerId).map((run) => ({ run, entry: runs.customer(guildId, run.runId, customerId)! }));
    // Read before the erasure removes them: what the customer added to their segments' top countries and products.
    const baskets = new Map<number, CustomerBasket | undefined>();
    for (const { run } of held) if (!baskets.has(run.datasetId)) baskets.set(run.datasetId, summaries.basket(guildId, run.datasetId, customerId));
    const erased = erasureRepository(db).forgetCustomer(guildId, customerId);
    for (const { run, entry } of held) {
      const remaining = runs.customers(guildId, run.runId);
      if (remaining.length === 0) runs.delete(guildId, run.runId);
      else runs.setFigures(guildId, run.runId, remaining.length, runDetailsWithout(run, remaining, entry, baskets.get(run.datasetId)));
    }
    return erased;
  }).immediate();
}

/**
 * Everything the server stored, gone: datasets, uploads, rows, runs, playbook and settings. The write lock is taken
 * first (BEGIN IMMEDIATE): a deferred transaction that read before writing would fail at once, rather than wait,
 * when another connection (another server's purge on its worker, an import) committed in between.
 */
export function purgeWorkspace(db: Db, guildId: string) {
  return erasureRepository(db).purgeWorkspace.immediate(guildId);
}
