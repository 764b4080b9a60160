/**
 * One colour per segment name, the same in every chart and every run, so a marketer learns
 * "blue is Champions" once. Known names use the Okabe–Ito and Paul Tol palettes (distinguishable
 * with the common forms of colour blindness); the warm colours go to segments that need action.
 */

const KNOWN_SEGMENT_COLORS: ReadonlyMap<string, string> = new Map([
  ['champions', '#0072B2'],
  ['loyal', '#009E73'],
  ['loyal customers', '#009E73'],
  ['loyalists', '#009E73'],
  ['big spenders', '#332288'],
  ['potential loyalists', '#56B4E9'],
  ['new', '#CC79A7'],
  ['new customers', '#CC79A7'],
  ['promising', '#DDCC77'],
  ['need attention', '#E69F00'],
  ['about to sleep', '#999933'],
  ['at risk', '#D55E00'],
  ["can't lose them", '#882255'],
  ['hibernating', '#8C8C8C'],
  ['hibernating customers', '#8C8C8C'],
  // Customers who returned everything: the same colour under its English and Indonesian name.
  ['returned everything', '#AA4499'],
  ['mengembalikan semua', '#AA4499'],
]);

/** For names the naming step may invent later; two unknown names can share a colour. */
const FALLBACK_COLORS: readonly string[] = [
  '#117733',
  '#44AA99',
  '#88CCEE',
  '#AA4499',
  '#CC6677',
  '#661100',
  '#6699CC',
  '#997700',
];

/**
 * Colour for a segment, as `#RRGGBB`. Case, spacing and curly apostrophes do not matter.
 *
 * @example segmentColor('Champions') // '#0072B2'
 */
export function segmentColor(name: string): string {
  const key = normaliseSegmentName(name);
  return KNOWN_SEGMENT_COLORS.get(key) ?? FALLBACK_COLORS[fnv1a(key) % FALLBACK_COLORS.length]!;
}

/**
 * `#RRGGBB` with an opacity, as `rgba(r, g, b, a)`.
 *
 * @example withAlpha('#0072B2', 0.5) // 'rgba(0, 114, 178, 0.5)'
 */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`expected a #RRGGBB colour, got ${hex}`);
  const [red, green, blue] = match.slice(1).map((pair) => Number.parseInt(pair, 16));
  return `rgba(${red}, ${green}, ${blue}, ${alpha})`;
}

function normaliseSegmentName(name: string): string {
  return name.normalize('NFKC').replace(/[\u2018\u2019`]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** 32-bit FNV-1a: tiny, stable across Node versions, good enough to spread names over a palette. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
