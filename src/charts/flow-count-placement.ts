/**
 * Where to write the counts on a sankey diagram's bands so each reads as its own band's. Writing every count at
 * its band's centre fails where bands cross: a band going down and one going up pass through each other around
 * the middle, and their centres can coincide. In a real migration chart, Loyal → Loyal (777 customers) and
 * Promising → Potential Loyalists (158) were both centred at y = 241 px. Whichever count was drawn second covered
 * the other, so the thick band showed the thin band's number. Pure geometry, in pixels.
 */

/** A left-to-right band as chartjs-chart-sankey places it: top edge from (x, y) to (x2, y2), `height` thick. */
export interface BandGeometry {
  x: number;
  x2: number;
  y: number;
  y2: number;
  height: number;
}

/** A count to write: the index of its band among all bands, and the size of its box in pixels. */
export interface CountBox {
  band: number;
  width: number;
  height: number;
}

/** The centre of a count's box, in pixels. */
export interface CountPosition {
  x: number;
  y: number;
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where a count may go along its band: offsets from the middle, in fractions of the band's length. */
const OFFSETS = [0, ...Array.from({ length: 9 }, (_, step) => [(step + 1) * 0.05, -(step + 1) * 0.05]).flat()];
/** Pixels kept between a count's box and the nodes at either end of its band. */
const END_MARGIN = 4;
/**
 * Bands thinner than this many pixels are threads: a count's box hides one wholly and it reads as passing beneath,
 * so a count need not move off the middle for it (a real migration has dozens of one- or two-customer moves).
 */
const THREAD_PX = 4;

/**
 * The top edge of `band` at `px`. chartjs-chart-sankey (0.19) draws it as a cubic Bézier with control points
 * (x + ⅔·dx, y) and (x + ⅓·dx, y2), so x(t) = x + dx·(2t − 3t² + 2t³), which only rises, and
 * y(t) = y + dy·(3t² − 2t³). Bisects for t: 32 steps.
 */
export function bandTopAt(band: BandGeometry, px: number): number {
  const length = band.x2 - band.x;
  if (!(length > 0)) return band.y;
  const along = Math.min(Math.max((px - band.x) / length, 0), 1);
  let low = 0;
  let high = 1;
  for (let step = 0; step < 32; step += 1) {
    const t = (low + high) / 2;
    if (t * (2 - 3 * t + 2 * t * t) < along) low = t;
    else high = t;
  }
  const t = (low + high) / 2;
  return band.y + (band.y2 - band.y) * t * t * (3 - 2 * t);
}

/**
 * The centre of each count's box: on its band, as near the band's middle as it can be while no other band (threads
 * aside) passes under the part of the box that lies on its own band, and no two boxes overlap. Thicker bands choose
 * first. Where no spot is clear, the one with the least overlap wins: first with other boxes, then with other bands.
 * O(counts × 19 spots × bands × 32).
 *
 * @param bands - every band of the diagram, counted or not: a band with no count still makes the spots it crosses unclear
 * @param boxes - the counts to place, each naming its band by index
 */
export function flowCountPositions(bands: readonly BandGeometry[], boxes: readonly CountBox[]): CountPosition[] {
  const positions: CountPosition[] = [];
  const placed: Rect[] = [];
  const thickestFirst = boxes.map((_, index) => index).sort((a, b) => bands[boxes[b]!.band]!.height - bands[boxes[a]!.band]!.height || a - b);
  for (const index of thickestFirst) {
    const box = boxes[index]!;
    let best: { rect: Rect; clash: number; crossed: number } | undefined;
    for (const offset of OFFSETS) {
      const rect = boxAt(bands[box.band]!, box, offset);
      const clash = Math.round(overlapWithBoxes(rect, placed));
      const crossed = Math.round(overlapWithOtherBands(bands, box.band, rect));
      if (!best || clash < best.clash || (clash === best.clash && crossed < best.crossed)) best = { rect, clash, crossed };
      // The spots come nearest the middle first: the first clear one is the best.
      if (clash === 0 && crossed === 0) break;
    }
    placed.push(best!.rect);
    positions[index] = { x: (best!.rect.left + best!.rect.right) / 2, y: (best!.rect.top + best!.rect.bottom) / 2 };
  }
  return positions;
}

/** The box centred on the band, `offset` of the band's length from its middle, kept off the nodes at both ends. */
function boxAt(band: BandGeometry, box: CountBox, offset: number): Rect {
  const length = band.x2 - band.x;
  const lowest = band.x + box.width / 2 + END_MARGIN;
  const highest = band.x2 - box.width / 2 - END_MARGIN;
  const wanted = band.x + length * (0.5 + offset);
  const x = lowest > highest ? band.x + length / 2 : Math.min(Math.max(wanted, lowest), highest);
  const y = bandTopAt(band, x) + band.height / 2;
  return { left: x - box.width / 2, right: x + box.width / 2, top: y - box.height / 2, bottom: y + box.height / 2 };
}

function overlapWithBoxes(rect: Rect, placed: readonly Rect[]): number {
  let area = 0;
  for (const other of placed) area += overlap(rect.left, rect.right, other.left, other.right) * overlap(rect.top, rect.bottom, other.top, other.bottom);
  return area;
}

/**
 * Pixels of other bands, threads aside, under the part of `rect` that lies on its own band, summed at the box's left
 * edge, middle and right edge. Bands stacked against the own band touch it without overlapping, so they cost nothing.
 */
function overlapWithOtherBands(bands: readonly BandGeometry[], own: number, rect: Rect): number {
  let pixels = 0;
  for (const px of [rect.left, (rect.left + rect.right) / 2, rect.right]) {
    const ownTop = bandTopAt(bands[own]!, px);
    const top = Math.max(rect.top, ownTop);
    const bottom = Math.min(rect.bottom, ownTop + bands[own]!.height);
    bands.forEach((band, index) => {
      if (index === own || band.height < THREAD_PX) return;
      const bandTop = bandTopAt(band, px);
      pixels += overlap(top, bottom, bandTop, bandTop + band.height);
    });
  }
  return pixels;
}

function overlap(start: number, end: number, otherStart: number, otherEnd: number): number {
  return Math.max(0, Math.min(end, otherEnd) - Math.max(start, otherStart));
}
