import { formatCount } from '../../app/format.js';
import type { Locale, ProgressEvent, ProgressListener } from '../../app/reply.js';
import { WORDS } from './words.js';

/** Discord rate-limits edits of one message; one every 2 s reads as live without queueing behind the limit. */
export const PROGRESS_INTERVAL_MS = 2_000;
const BAR_WIDTH = 20;

/** "⏳ Saving `[########............]` 40% · 12,000/30,000 rows"; an attachment's download says "Downloading". */
export function progressText(event: ProgressEvent, locale: Locale, downloading = false): string {
  const words = WORDS[locale];
  const stage = downloading ? words.downloading : words.stages[event.stage];
  const n = (value: number) => formatCount(value, locale);
  if (!event.total) return `⏳ ${stage} · ${n(event.done)} ${words.units[event.unit]}`;
  const share = Math.min(1, Math.max(0, event.done / event.total));
  const filled = Math.round(share * BAR_WIDTH);
  return `⏳ ${stage} \`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]\` ${Math.floor(share * 100)}% · ${n(event.done)}/${n(event.total)} ${words.units[event.unit]}`;
}

export interface ProgressMessage {
  /** For the command's own progress (ctx.progress). */
  listener: ProgressListener;
  /** For the download of an attachment, before the command runs. */
  download: ProgressListener;
  /** Stops further edits and waits for one still on its way, so the final reply is never overwritten. */
  settle(): Promise<void>;
}

/**
 * Turns progress events into edits of the deferred reply: the first event at once, then at most one edit per
 * interval counted from the previous edit's answer, never two at the same time. Only the newest event matters: one that arrives too soon is kept and
 * shown when the interval is over, so the last stage (say "Segmenting") is never lost behind the one before.
 */
export function progressMessage(edit: (text: string) => Promise<unknown>, locale: Locale, options: { intervalMs?: number; now?: () => number; onError?: (error: unknown) => void } = {}): ProgressMessage {
  const intervalMs = options.intervalMs ?? PROGRESS_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let lastEditAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let settled = false;
  const flush = () => {
    timer = undefined;
    if (settled || pending === undefined) return;
    if (inFlight || now() - lastEditAt < intervalMs) return schedule();
    const text = pending;
    pending = undefined;
    lastEditAt = now();
    inFlight = edit(text)
      .then(
        () => undefined,
        (error: unknown) => options.onError?.(error),
      )
      .finally(() => {
        // The interval runs from the answer: an edit slowed on its way must not bring the next one closer.
        lastEditAt = now();
        inFlight = undefined;
        if (pending !== undefined) schedule();
      });
  };
  const schedule = () => {
    if (timer || settled) return;
    timer = setTimeout(flush, Math.max(0, intervalMs - (now() - lastEditAt)));
    timer.unref();
  };
  const show = (text: string) => {
    if (settled) return;
    pending = text;
    if (inFlight || now() - lastEditAt < intervalMs) schedule();
    else flush();
  };
  return {
    listener: (event) => show(progressText(event, locale)),
    download: (event) => show(progressText(event, locale, true)),
    async settle() {
      settled = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
