import type { Db } from './open-database.js';

/**
 * Erasing data for privacy requests and departures. Each statement names the workspace; deleting datasets
 * cascades to their uploads, lines, texts, summaries and segmentation runs.
 */
export function erasureRepository(db: Db) {
  // Lines refer to the customer id by its number in each dataset's texts (migration 6).
  const forgetLines = db
    .prepare<{ guildId: string; customerId: string }>(
      `DELETE FROM transactions
        WHERE guild_id = @guildId
          AND (dataset_id, customer_id) IN (SELECT dataset_id, text_id FROM dataset_texts WHERE guild_id = @guildId AND text = @customerId)
       RETURNING dataset_id, invoice, customer_id, product, description, country, category`,
    )
    .raw();
  const textsOfLines = db
    .prepare<[string, number]>(`SELECT invoice, customer_id, product, description, country, category FROM transactions WHERE guild_id = ? AND dataset_id = ?`)
    .raw();
  const forgetText = db.prepare<[string, number, number]>(`DELETE FROM dataset_texts WHERE guild_id = ? AND dataset_id = ? AND text_id = ?`);

  /**
   * Removes the texts of removed lines that no line left uses: the customer's id, and their invoice numbers or
   * notes when nobody else's lines carry them. Baskets name only texts their customer's own lines carry, so lines
   * are all there is to check. Reads every line of each dataset the customer was in, once (no index serves six
   * columns); a forget is rare.
   */
  const forgetUnusedTexts = (guildId: string, removed: readonly (number | null)[][]) => {
    const candidatesByDataset = new Map<number, Set<number>>();
    for (const [datasetId, ...textIds] of removed) {
      let candidates = candidatesByDataset.get(datasetId!);
      if (!candidates) candidatesByDataset.set(datasetId!, (candidates = new Set()));
      for (const id of textIds) if (id !== null) candidates.add(id);
    }
    for (const [datasetId, candidates] of candidatesByDataset) {
      for (const textIds of textsOfLines.iterate(guildId, datasetId) as Iterable<(number | null)[]>) {
        for (const id of textIds) if (id !== null) candidates.delete(id);
        if (candidates.size === 0) break;
      }
      for (const id of candidates) forgetText.run(guildId, datasetId, id);
    }
  };
  const forgetSummaries = ['customer_orders', 'customer_baskets'].map((table) =>
    db.prepare<{ guildId: string; customerId: string }>(`DELETE FROM ${table} WHERE guild_id = @guildId AND customer_id = @customerId`),
  );
  const forgetRuns = db.prepare<{ guildId: string; customerId: string }>(`DELETE FROM run_customers WHERE guild_id = @guildId AND customer_id = @customerId`);
  const purgeStatements = ['datasets', 'playbook_overrides', 'workspace_settings', 'digest_schedules', 'digest_posts'].map((table) =>
    db.prepare<{ guildId: string }>(`DELETE FROM ${table} WHERE guild_id = @guildId`),
  );
  const countRows = db.prepare<{ guildId: string }, { rows: number }>(`SELECT count(*) AS rows FROM transactions WHERE guild_id = @guildId`);

  return {
    /** Removes one customer's lines, summaries and run entries everywhere in the workspace. Returns the lines removed. */
    forgetCustomer: db.transaction((guildId: string, customerId: string): { lines: number; runEntries: number } => {
      for (const statement of forgetSummaries) statement.run({ guildId, customerId });
      const removed = forgetLines.all({ guildId, customerId }) as (number | null)[][];
      forgetUnusedTexts(guildId, removed);
      return { lines: removed.length, runEntries: forgetRuns.run({ guildId, customerId }).changes };
    }),
    /** Removes everything the workspace stored. Returns how many transaction rows went with it. */
    purgeWorkspace: db.transaction((guildId: string): { rows: number } => {
      const { rows } = countRows.get({ guildId })!;
      for (const statement of purgeStatements) statement.run({ guildId });
      return { rows };
    }),
  };
}
