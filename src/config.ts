import { z } from 'zod';

/**
 * Configuration read once at start-up. Every value starts as a string from the environment and is
 * transformed explicitly: z.coerce would turn an empty string into 0 or "false" into true.
 */
const positiveInteger = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n > 0, `${name} must be greater than 0`);

const configSchema = z.object({
  DATABASE_PATH: z.string().trim().min(1).default('data/segmenta.db'),
  MAX_UPLOAD_MB: positiveInteger('MAX_UPLOAD_MB').default(50),
  MAX_ROWS: positiveInteger('MAX_ROWS').default(5_000_000),
  CHART_RENDERER: z.enum(['local', 'quickchart']).default('local'),
  QUICKCHART_URL: z.url().optional(),
  DISCORD_TOKEN: z.string().trim().min(1).optional(),
  DISCORD_CLIENT_ID: z.string().trim().regex(/^\d+$/, 'DISCORD_CLIENT_ID must be a Discord id (digits)').optional(),
  DISCORD_GUILD_ID: z.string().trim().regex(/^\d+$/, 'DISCORD_GUILD_ID must be a Discord id (digits)').optional(),
  DISCORD_API_URL: z.url().default('https://discord.com/api'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Parses configuration from an environment; empty variables count as unset. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) {
    const config = parsed.data;
    if (config.CHART_RENDERER === 'quickchart' && !config.QUICKCHART_URL) {
      return { ok: false, problems: ['QUICKCHART_URL: required when CHART_RENDERER=quickchart (your own QuickChart server)'] };
    }
    return { ok: true, config };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
  };
}

/** Reads configuration or stops the program with a readable list of what is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = parseConfig(env);
  if (result.ok) return result.config;
  process.stderr.write(`Segmenta cannot start; fix these settings (see .env.example):\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
