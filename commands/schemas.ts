import { z } from 'zod';
import type { FileInput } from './command.js';

/** Shared option parsers. Options arrive as strings (CLI) or typed values (Discord); never coerced blindly. */
export const fileInput = z.custom<FileInput>(
  (value) => typeof value === 'object' && value !== null && 'bytes' in value && (value as FileInput).bytes instanceof Uint8Array,
  'a file is required',
);

export const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => (value === '' ? undefined : value));

export const datasetName = optionalText;

/** A forced number of clusters: 2 to 12 (more segments than a team can run campaigns for is noise). */
export const K_BOUNDS = { min: 2, max: 12 } as const;
export const clusterCount = z.number().int().min(K_BOUNDS.min).max(K_BOUNDS.max).optional();

export const convention = z.enum(['net', 'gross']).default('net');

const DAY_MS = 86_400_000;

/**
 * `2011-12-10` or `today` -> epoch ms of that midnight, wall clock read as UTC like every stored timestamp.
 * Recency is measured from it; "today" keeps the whole of today's sales.
 */
export const asOfDate = optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    if (value.toLowerCase() === 'today') return Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const epoch = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
    if (!match || new Date(epoch).getUTCDate() !== Number(match[3])) {
      ctx.addIssue({ code: 'custom', message: `'${value}' is not a date; write YYYY-MM-DD or 'today'` });
      return z.NEVER;
    }
    return epoch;
  });

export const lens = z.enum(['clusters', 'grid']).default('clusters');
