import { DEFAULT_INGEST_LIMITS, type IngestLimits } from './types.js';

/**
 * Complete ingest limits: the caller's overrides over the defaults, checked before any work starts so a
 * typo in configuration fails loudly instead of silently disabling a cap.
 */
export function resolveLimits(overrides: Partial<IngestLimits> = {}): IngestLimits {
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS };
  for (const key of Object.keys(limits) as (keyof IngestLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (!Number.isFinite(value) || value <= 0) throw new Error(`ingest limit ${key} must be a positive number`);
    limits[key] = value;
  }
  return limits;
}

/** Bytes as megabytes with one decimal, the unit people read in messages. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
