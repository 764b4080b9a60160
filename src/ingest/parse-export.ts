import { parseImport } from './parse-import.js';
import { detectPlatform } from './platforms/detect.js';
import { PLATFORM_MAPPING, platformTable, type PlatformFacts } from './platforms/order-lines.js';
import type { RowRules } from './rows.js';
import type { IngestOptions, ParsedImport, RawTable } from './types.js';

/** A parsed export, and what its platform profile found (null for a file no profile recognises). */
export interface ParsedExport extends ParsedImport {
  platform: PlatformFacts | null;
}

/**
 * Second ingest stage for any export: a layout a platform profile recognises is read through it (order fields carried
 * down, statuses applied, money and lines as the platform writes them), anything else by the generic column
 * mapping; both then go through the same row rules. Throws IngestError as parseImport does, and `missing_column`
 * naming the platform when a recognised export lacks a field it needs.
 */
export function parseExport(
  table: RawTable,
  options: IngestOptions = {},
  onRecords?: (done: number) => void,
  onRows?: RowRules['onRows'],
): ParsedExport {
  const match = detectPlatform(table.header);
  if (match === null) return { ...parseImport(table, options, onRecords, onRows), platform: null };
  const lines = platformTable(table, match, options);
  // Money is read by the profile: the lines carry numbers, and their decimal mark no longer matters.
  const parsed = parseImport(lines.table, { ...options, columns: PLATFORM_MAPPING, decimal: 'dot' }, onRecords, onRows);
  const platform = lines.facts();
  const { records: _records, ...tableFacts } = table;
  return {
    ...parsed,
    rowsRead: platform.rowsRead,
    rowsSkipped: { ...parsed.rowsSkipped, ...(platform.rowsLeftOut.count > 0 && { cancelledOrder: platform.rowsLeftOut }) },
    columns: platform.columns,
    warnings: [...parsed.warnings, ...platform.warnings],
    table: tableFacts,
    platform,
  };
}
