import type { ChartRenderer } from '../charts/renderer.js';
import type { IngestLimits } from '../ingest/types.js';
import type { Db } from '../store/open-database.js';
import type { DigestChannels } from './digest/post-port.js';
import type { Locale, ProgressListener } from './reply.js';

/** What the use-cases need from the running program, whichever door it was started from. */
export interface AppContext {
  db: Db;
  /** The SQLite file, for workers that open their own connection. */
  databasePath: string;
  limits: Partial<IngestLimits>;
  now: () => Date;
  /** Draws the charts of segment replies; without one, replies carry no images. */
  charts?: ChartRenderer;
  /** Posts digests in a server's channels; lent by the Discord bot once connected. Without it, digests cannot be posted. */
  digestChannels?: DigestChannels;
}

/** One invocation of a command: who asked, where, in which language. */
export interface CommandContext {
  app: AppContext;
  /** The workspace: a Discord guild id, or 'local' in the CLI. Every query is scoped to it. */
  guildId: string;
  userId: string;
  locale: Locale;
  /** ISO 4217 code to show amounts in (the server's /settings currency); none: plain numbers. */
  currency?: string | null;
  progress: ProgressListener;
}
