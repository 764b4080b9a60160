import type { Db } from './open-database.js';

/** Installation-wide facts and the list of workspaces that hold anything. */
export function installationRepository(db: Db) {
  const get = db.prepare<{ key: string }>(`SELECT value FROM installation WHERE key = @key`).pluck();
  const set = db.prepare<{ key: string; value: string }>(
    `INSERT INTO installation (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
  const workspaces = db
    .prepare(
      `SELECT guild_id FROM datasets UNION SELECT guild_id FROM playbook_overrides UNION SELECT guild_id FROM workspace_settings`,
    )
    .pluck();
  return {
    get: (key: string): string | undefined => get.get({ key }) as string | undefined,
    set: (key: string, value: string): void => void set.run({ key, value }),
    /** Every workspace id with data, settings or a playbook of its own. */
    workspaces: (): string[] => workspaces.all() as string[],
  };
}
