export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Replaces every secret (the bot token) in a log line, wherever a library put it. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.filter((secret) => secret.length >= 8).reduce((redacted, secret) => redacted.split(secret).join('[redacted]'), text);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** One line per event on stderr, with a timestamp and level; secrets never reach the stream. */
export function createLogger(level: LogLevel, secrets: readonly string[], stream: { write(text: string): unknown } = process.stderr): Logger {
  const write = (at: LogLevel, message: string, error?: unknown) => {
    if (ORDER[at] < ORDER[level]) return;
    const line = `${new Date().toISOString()} ${at.toUpperCase()} ${message}${error === undefined ? '' : `: ${describe(error)}`}`;
    stream.write(`${redact(line, secrets)}\n`);
  };
  return {
    debug: (message) => write('debug', message),
    info: (message) => write('info', message),
    warn: (message, error) => write('warn', message, error),
    error: (message, error) => write('error', message, error),
  };
}
