import type { ProgressEvent } from '../../app/reply.js';

const stageWords: Record<ProgressEvent['stage'], string> = {
  reading: 'Reading',
  parsing: 'Checking rows',
  writing: 'Saving',
  segmenting: 'Segmenting',
  done: 'Done',
};

/**
 * Draws import progress on a terminal: a bar, rows per second and an ETA, redrawn in place on stderr.
 * Off when stderr is not a terminal, so logs and pipes stay clean.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { listener: (event: ProgressEvent) => void; finish: () => void } {
  if (!stream.isTTY) return { listener: () => {}, finish: () => {} };
  let stageStartedAt = Date.now();
  let currentStage: ProgressEvent['stage'] | undefined;
  let drawn = false;
  return {
    listener(event) {
      if (event.stage !== currentStage) {
        currentStage = event.stage;
        stageStartedAt = Date.now();
      }
      stream.write(`\r${progressLine(event, (Date.now() - stageStartedAt) / 1000)}\u001b[K`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}

/** "Saving   [#########.........] 45% 243,000/541,909 rows 410,000 rows/s ETA 1s". */
export function progressLine(event: ProgressEvent, elapsedSeconds: number, width = 24): string {
  const label = stageWords[event.stage].padEnd(13);
  if (!event.total) return `${label} ${event.done.toLocaleString('en-GB')} ${event.unit}`;
  const share = Math.min(1, event.done / event.total);
  const filled = Math.round(share * width);
  const rate = elapsedSeconds > 0 ? event.done / elapsedSeconds : 0;
  const eta = rate > 0 ? Math.ceil((event.total - event.done) / rate) : undefined;
  return [
    label,
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`,
    `${Math.floor(share * 100)}%`.padStart(4),
    `${event.done.toLocaleString('en-GB')}/${event.total.toLocaleString('en-GB')} ${event.unit}`,
    rate > 0 ? `${Math.round(rate).toLocaleString('en-GB')} ${event.unit}/s` : '',
    eta !== undefined ? `ETA ${eta}s` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
