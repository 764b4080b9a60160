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
