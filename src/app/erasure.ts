import { erasureRepository } from '../store/erasure.js';
import type { Db } from '../store/open-database.js';

/** A privacy request: the customer's rows and segment entries are erased from every dataset of the server. */
export function forgetCustomer(db: Db, guildId: string, customerId: string) {
  return erasureRepository(db).forgetCustomer(guildId, customerId);
}

/** Everything the server stored, gone: datasets, uploads, rows, runs, playbook and settings. */
export function purgeWorkspace(db: Db, guildId: string) {
  return erasureRepository(db).purgeWorkspace(guildId);
}
