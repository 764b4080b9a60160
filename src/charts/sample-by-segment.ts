/** Scatter plots stay legible and fast to render up to about this many points. */
export const MAX_SCATTER_POINTS = 5_000;

/** Small segments keep up to this many points even when proportional sampling would give them fewer. */
const MIN_POINTS_PER_SEGMENT = 100;

/**
 * A deterministic sample of at most `limit` items in which every segment appears.
 * Each segment first keeps up to `min(100, limit / segments)` items, then the rest of the budget
 * is shared in proportion to what each segment has left (largest remainder). Within a segment
 * items are taken at even steps, so the sample follows the input's order and never changes for
 * the same input. Returns a new array, a subsequence of `items`; `items` is not modified. O(n).
 *
 * @example sampleBySegment([{ segment: 'A' }, { segment: 'A' }, { segment: 'B' }], 2) // [{ segment: 'A' }, { segment: 'B' }]
 */
export function sampleBySegment<Item extends { segment: string }>(
  items: readonly Item[],
  limit: number = MAX_SCATTER_POINTS,
): Item[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  if (items.length <= limit) return [...items];

  const indicesBySegment = groupIndices(items);
  if (indicesBySegment.length > limit) {
    throw new RangeError(`limit ${limit} is below the number of segments (${indicesBySegment.length})`);
  }
  const quotas = segmentQuotas(
    indicesBySegment.map((indices) => indices.length),
    limit,
  );
  const keep = new Uint8Array(items.length);
  indicesBySegment.forEach((indices, segment) => {
    for (const index of evenlySpaced(indices, quotas[segment]!)) keep[index] = 1;
  });
  return items.filter((_, index) => keep[index] === 1);
}

/** Item indices per segment, segments in order of first appearance. */
function groupIndices(items: readonly { segment: string }[]): number[][] {
  const bySegment = new Map<string, number[]>();
  items.forEach((item, index) => {
    const indices = bySegment.get(item.segment);
    if (indices) indices.push(index);
    else bySegment.set(item.segment, [index]);
  });
  return [...bySegment.values()];
}

/** How many items each segment keeps; the quotas add up to `limit` when sizes add up to more. */
function segmentQuotas(sizes: readonly number[], limit: number): number[] {
  const floor = Math.min(MIN_POINTS_PER_SEGMENT, Math.floor(limit / sizes.length));
  const base = sizes.map((size) => Math.min(size, floor));
  const leftOver = sizes.map((size, segment) => size - base[segment]!);
  const budget = limit - base.reduce((total, count) => total + count, 0);
  const totalLeftOver = leftOver.reduce((total, count) => total + count, 0);

  const exact = leftOver.map((count) => (budget * count) / totalLeftOver);
  const quotas = exact.map((share, segment) => base[segment]! + Math.floor(share));
  const unassigned = budget - exact.reduce((total, share) => total + Math.floor(share), 0);
  const byRemainder = exact
    .map((share, segment) => ({ segment, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.segment - b.segment);
  for (const { segment } of byRemainder.slice(0, unassigned)) quotas[segment]! += 1;
  return quotas;
}

/** `count` entries of `values` at even steps, centred in each step. */
function evenlySpaced(values: readonly number[], count: number): number[] {
  const step = values.length / count;
  return Array.from({ length: count }, (_, i) => values[Math.floor((i + 0.5) * step)]!);
}
