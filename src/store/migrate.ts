import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.js';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`database schema version ${found} is newer than this Segmenta (knows up to ${known}); upgrade Segmenta`);
    this.name = 'DatabaseTooNewError';
  }
}

/** Applies the numbered migrations after PRAGMA user_version, each in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS.length;
  if (current > latest) throw new DatabaseTooNewError(current, latest);
  for (let version = current + 1; version <= latest; version++) {
    const migration = MIGRATIONS[version - 1]!;
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration);
      else migration(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return latest;
}
