import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../src/app/context.js';
import { openDatabase } from '../src/store/open-database.js';

/** The shared datasets beside the project (CI clones the project with ../shared next to it). */
export const sharedData = (name: string) => fileURLToPath(new URL(`../../shared/data/${name}`, import.meta.url));
export const projectFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** A fresh database file in a temporary folder, with an app context around it. */
export function temporaryApp(): AppContext & { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-test-'));
  const databasePath = join(dir, 'segmenta.db');
  const app = {
    dir,
    db: openDatabase(databasePath),
    databasePath,
    limits: {},
    now: () => new Date('2026-01-01T00:00:00Z'),
    cleanup: () => {
      app.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

export const csv = (text: string) => new TextEncoder().encode(text.replace(/^\n/, ''));
