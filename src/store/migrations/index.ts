import type Database from 'better-sqlite3';
import { m001Initial } from './001-initial.js';
import { m002SegmentationRuns } from './002-segmentation-runs.js';
import { m003WorkspaceSettings } from './003-workspace-settings.js';
import { m004Installation } from './004-installation.js';
import { m005CustomerSummaries } from './005-customer-summaries.js';
import { m006NumberedLineTexts } from './006-numbered-line-texts.js';
import { m007DatasetCurrency } from './007-dataset-currency.js';
import { m008Digest } from './008-digest.js';
import { m009RunAuthor } from './009-run-author.js';
import { m010WorkspaceTimezone } from './010-workspace-timezone.js';

/** SQL, or a function for a migration that must also compute what it fills new tables with. */
export type Migration = string | ((db: Database.Database) => void);

/** Migration N is MIGRATIONS[N - 1]. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002SegmentationRuns, m003WorkspaceSettings, m004Installation, m005CustomerSummaries,
  m006NumberedLineTexts, m007DatasetCurrency, m008Digest, m009RunAuthor, m010WorkspaceTimezone];
