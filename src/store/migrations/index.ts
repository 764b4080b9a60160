import { m001Initial } from './001-initial.js';
import { m002SegmentationRuns } from './002-segmentation-runs.js';
import { m003WorkspaceSettings } from './003-workspace-settings.js';
import { m004Installation } from './004-installation.js';

/** Migration N is MIGRATIONS[N - 1]. Append only: a released migration never changes. */
export const MIGRATIONS: readonly string[] = [m001Initial, m002SegmentationRuns, m003WorkspaceSettings, m004Installation];
