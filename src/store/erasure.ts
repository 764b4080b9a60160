import type { Db } from './open-database.js';

/**
 * Erasing data for privacy requests and departures. Each statement names the workspace; deleting datasets
 * cascades to their uploads, rows and segmentation runs.
 */
export function erasureRepository(db: Db) {
  // Lines refer to the customer id by its number in each dataset's texts (migration 6).
  const forgetLines = db.prepare<{ guildId: string; customerId: string }>(
    `DELETE FROM transactions
      WHERE guild_id = @guildId
        AND (dataset_id, customer_id) IN (SELECT dataset_id, text_id FROM dataset_texts WHERE guild_id = @guildId AND text = @customerId)`,
  );
  // The id itself goes too, unless a line left still uses the same text (an invoice or product spelled alike).
  const forgetText = db.prepare<{ guildId: string; customerId: string }>(
    `DELETE FROM dataset_texts AS x
      WHERE guild_id = @guildId AND text = @customerId
        AND NOT EXISTS (SELECT 1 FROM transactions t
                         WHERE t.guild_id = x.guild_id AND t.dataset_id = x.dataset_id
                           AND x.text_id IN (t.invoice, t.customer_id, t.product, t.description, t.country, t.category))`,
  );
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
      const lines = forgetLines.run({ guildId, customerId }).changes;
      forgetText.run({ guildId, customerId });
      return { lines, runEntries: forgetRuns.run({ guildId, customerId }).changes };
    }),
    /** Removes everything the workspace stored. Returns how many transaction rows went with it. */
    purgeWorkspace: db.transaction((guildId: string): { rows: number } => {
      const { rows } = countRows.get({ guildId })!;
      for (const statement of purgeStatements) statement.run({ guildId });
      return { rows };
    }),
  };
}
