import { inferDecimalMark, parseNumberCell, type DecimalMark } from '../numbers.js';
import { IngestError, type RawCell } from '../types.js';

/** Currency codes a money text or a country gives away. */
const SYMBOLS: readonly [RegExp, string][] = [
  [/^\s*-?\s*rp/i, 'IDR'],
  [/idr/i, 'IDR'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/^\s*-?\s*(?:us)?\$/i, 'USD'],
  [/rm\s*\d/i, 'MYR'],
];
const COUNTRY_CURRENCIES: Record<string, string> = {
  indonesia: 'IDR', id: 'IDR', malaysia: 'MYR', my: 'MYR', singapore: 'SGD', sg: 'SGD', thailand: 'THB', th: 'THB',
  philippines: 'PHP', ph: 'PHP', vietnam: 'VND', 'viet nam': 'VND', vn: 'VND', 'united states': 'USD', us: 'USD',
  usa: 'USD', 'united kingdom': 'GBP', uk: 'GBP', gb: 'GBP',
};

/**
 * The export's currency: its currency column's most common code, else the profile's, else what the money texts give
 * away, else the country of nine buyers in ten or more, else `(IDR)` in a header; null when nothing says. O(values).
 */
export function exportCurrency(signals: {
  currencyValues: readonly RawCell[];
  profileCurrency?: string | undefined;
  moneyValues: readonly RawCell[];
  countryValues: readonly RawCell[];
  header: readonly string[];
}): string | null {
  const code = mostCommon(signals.currencyValues.map((cell) => (typeof cell === 'string' ? cell.trim().toUpperCase() : '')).filter((text) => /^[A-Z]{3}$/.test(text)));
  if (code !== undefined) return code;
  if (signals.profileCurrency !== undefined) return signals.profileCurrency;
  const symbols = signals.moneyValues.flatMap((cell) => {
    if (typeof cell !== 'string') return [];
    const found = SYMBOLS.find(([pattern]) => pattern.test(cell));
    return found ? [found[1]] : [];
  });
  const bySymbol = mostCommon(symbols);
  if (bySymbol !== undefined) return bySymbol;
  // The buyers' country says the shop's currency only when nearly all of them share it: a shop's market.
  const countries = signals.countryValues.filter((cell) => typeof cell === 'string' && cell.trim() !== '');
  const byCountry = mostCommon(countries.map((cell) => COUNTRY_CURRENCIES[String(cell).trim().toLowerCase()] ?? '?'));
  if (byCountry !== undefined && byCountry !== '?' && countries.filter((cell) => COUNTRY_CURRENCIES[String(cell).trim().toLowerCase()] === byCountry).length >= 0.9 * countries.length) {
    return byCountry;
  }
  return signals.header.some((name) => /\(IDR\)|\bRp\b/i.test(name)) ? 'IDR' : null;
}

/**
 * One decimal mark for every money column of an export: what a column's values decide (`4.00`, `12,50`), else,
 * for Rupiah, dots are thousands (`28.500`, `1.250.000`: Rupiah has no cents in practice); refused as ambiguous only
 * when nothing decides. O(values).
 */
export function moneyDecimalMark(columns: readonly { name: string; values: readonly RawCell[] }[], currency: string | null): DecimalMark {
  let ambiguous: { name: string; examples: string[] } | undefined;
  const decided = new Set<DecimalMark>();
  for (const column of columns) {
    const inferred = inferDecimalMark(column.values);
    if (!inferred.ok) ambiguous ??= { name: column.name, examples: inferred.examples };
    // A column of whole numbers is read the same under either mark: it decides nothing.
    else if (column.values.some((cell) => typeof cell === 'string' && /\d[.,]\d/.test(cell))) decided.add(inferred.mark);
  }
  if (decided.size === 1) return [...decided][0]!;
  if (decided.size === 0 && ambiguous === undefined) return 'dot';
  if (decided.size === 0 && currency === 'IDR') return 'comma';
  const example = ambiguous ?? { name: columns[0]?.name ?? '', examples: [] };
  throw new IngestError('ambiguous_decimal', { column: example.name, field: 'amount', examples: example.examples, option: 'decimal' });
}

/** Reads a money cell under the export's mark: a number, null when blank, NaN when unreadable. */
export function readMoney(cell: RawCell | undefined, mark: DecimalMark): number | null {
  if (cell === undefined) return null;
  return parseNumberCell(typeof cell === 'string' ? cleanText(cell) : cell, mark);
}

/**
 * A text cell without the tricks exports use to keep a value as text in a spreadsheet: a trailing tab (TikTok
 * Shop's ids and times) or a leading apostrophe (Shopify's zip codes). O(length).
 */
export function cleanText(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith("'") ? trimmed.slice(1).trim() : trimmed;
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}
