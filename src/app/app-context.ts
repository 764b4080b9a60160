import { createRenderer } from '../charts/renderer.js';
import type { Config } from '../config.js';
import { openDatabase } from '../store/open-database.js';
import type { AppContext } from './context.js';
import { workerChartRenderer } from './workers/worker-charts.js';

/**
 * The running program as every door builds it from the configuration: database, limits, clock and charts. Local
 * charts are drawn on a worker thread; close the renderer (`charts.close()`) with the database.
 */
export function appContext(config: Config, databasePath: string = config.DATABASE_PATH): AppContext {
  return {
    db: openDatabase(databasePath),
    databasePath,
    limits: { maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024, maxRows: config.MAX_ROWS },
    now: () => new Date(),
    charts: config.CHART_RENDERER === 'local' ? workerChartRenderer() : createRenderer({ kind: config.CHART_RENDERER, quickchartUrl: config.QUICKCHART_URL }),
  };
}
