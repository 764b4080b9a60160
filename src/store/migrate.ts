import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`database schema version ${found} is newer than this Segmenta (knows up to ${known}); upgrade Segmenta`);
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * Applies the numbered migrations after PRAGMA user_version, each in its own write transaction. The version is read
 * again under the write lock: the bot and a worker may open an old database at the same moment, and the second
 * must find the migration done rather than run it twice.
 */
export function migrate(db: Database.Database): number {
  const latest = MIGRATIONS.length;
  const currentVersion = (): number => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > latest) throw new DatabaseTooNewError(current, latest);
    return current;
  };
  for (let version = currentVersion() + 1; version <= latest; version++) {
    const migration = MIGRATIONS[version - 1]!;
    db.transaction(() => {
      if (currentVersion() >= version) return;
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
  return latest;
}
