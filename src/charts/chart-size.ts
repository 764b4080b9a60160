import type { ChartSize } from './types.js';

/** 1000 × 560 reads well in a Discord embed and keeps labels legible when scaled down. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 1000, height: 560 };

/** Skia and QuickChart both accept this much; larger images are only slower to upload. */
const MAX_SIDE = 4096;

export function assertChartSize(size: ChartSize): void {
  const valid = (side: number) => Number.isInteger(side) && side > 0 && side <= MAX_SIDE;
  if (!valid(size.width) || !valid(size.height)) {
    throw new RangeError(`chart size must be whole pixels from 1 to ${MAX_SIDE}, got ${size.width}×${size.height}`);
  }
}
