import type { PlaybookAction, PlaybookOverrides, SegmentName } from '../segment/playbook.js';
import type { Db } from './open-database.js';
import { perConnection } from './per-connection.js';

function makePlaybookOverridesRepository(db: Db) {
  const all = db.prepare<{ guildId: string }, { segment: string; actions: string }>(
    `SELECT segment, actions FROM playbook_overrides WHERE guild_id = @guildId`,
  );
  const upsert = db.prepare<{ guildId: string; segment: string; actions: string; updatedBy: string; updatedAt: string }>(
    `INSERT INTO playbook_overrides (guild_id, segment, actions, updated_by, updated_at)
     VALUES (@guildId, @segment, @actions, @updatedBy, @updatedAt)
     ON CONFLICT (guild_id, segment) DO UPDATE SET actions = excluded.actions, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const removeOne = db.prepare<{ guildId: string; segment: string }>(`DELETE FROM playbook_overrides WHERE guild_id = @guildId AND segment = @segment`);
  const removeAll = db.prepare<{ guildId: string }>(`DELETE FROM playbook_overrides WHERE guild_id = @guildId`);

  return {
    overrides(guildId: string): PlaybookOverrides {
      return Object.fromEntries(all.all({ guildId }).map((row) => [row.segment, JSON.parse(row.actions) as PlaybookAction[]]));
    },
    set(guildId: string, segment: SegmentName, actions: readonly PlaybookAction[], updatedBy: string, now: Date): void {
      upsert.run({ guildId, segment, actions: JSON.stringify(actions), updatedBy, updatedAt: now.toISOString() });
    },
    /** Removes one segment's override, or all of them. Returns how many were removed. */
    reset: (guildId: string, segment?: SegmentName): number =>
      (segment === undefined ? removeAll.run({ guildId }) : removeOne.run({ guildId, segment })).changes,
  };
}

/** A server's own actions for some segments. Every statement filters on guild_id. */
export const playbookOverridesRepository = perConnection(makePlaybookOverridesRepository);
