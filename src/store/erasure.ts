import type { Db } from './open-database.js';

/**
 * Erasing data for privacy requests and departures. Each statement names the workspace; deleting datasets
 * cascades to their uploads, rows and segmentation runs.
 */
export function erasureRepository(db: Db) {
  const forgetLines = db.prepare<{ guildId: string; customerId: string }>(`DELETE FROM transactions WHERE guild_id = @guildId AND customer_id = @customerId`);
  const forgetSummaries = ['customer_orders', 'customer_baskets'].map((table) =>
    db.prepare<{ guildId: string; customerId: string }>(`DELETE FROM ${table} WHERE guild_id = @guildId AND customer_id = @customerId`),
  );
  const forgetRuns = db.prepare<{ guildId: string; customerId: string }>(`DELETE FROM run_customers WHERE guild_id = @guildId AND customer_id = @customerId`);
  const purgeStatements = ['datasets', 'playbook_overrides', 'workspace_settings'].map((table) =>
    db.prepare<{ guildId: string }>(`DELETE FROM ${table} WHERE guild_id = @guildId`),
  );
  const countRows = db.prepare<{ guildId: string }, { rows: number }>(`SELECT count(*) AS rows FROM transactions WHERE guild_id = @guildId`);

  return {
    /** Removes one customer's lines, summaries and run entries everywhere in the workspace. Returns the lines removed. */
    forgetCustomer: db.transaction((guildId: string, customerId: string): { lines: number; runEntries: number } => {
      for (const statement of forgetSummaries) statement.run({ guildId, customerId });
      return { lines: forgetLines.run({ guildId, customerId }).changes, runEntries: forgetRuns.run({ guildId, customerId }).changes };
    }),
    /** Removes everything the workspace stored. Returns how many transaction rows went with it. */
    purgeWorkspace: db.transaction((guildId: string): { rows: number } => {
      const { rows } = countRows.get({ guildId })!;
      for (const statement of purgeStatements) statement.run({ guildId });
      return { rows };
    }),
  };
}
