import type { Locale } from './reply.js';

const intlLocale: Record<Locale, string> = { en: 'en-GB', id: 'id-ID' };

/**
 * Formatters made once per locale and options: making an Intl formatter costs 0.05-0.3 ms, and a customer card, a
 * segments reply or a stream of progress events formats dozens of numbers. Made afresh each time, they were the
 * largest part of a lookup's time on the bot's main thread after its SQL, 15-35 ms in one piece per progress burst.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = numberFormats.get(key);
  if (made === undefined) numberFormats.set(key, (made = new Intl.NumberFormat(intlLocale[locale], options)));
  return made;
}
const pluralRulesOf = new Map<Locale, Intl.PluralRules>();
function pluralRules(locale: Locale): Intl.PluralRules {
  let made = pluralRulesOf.get(locale);
  if (made === undefined) pluralRulesOf.set(locale, (made = new Intl.PluralRules(intlLocale[locale], { maximumFractionDigits: 0 })));
  return made;
}

/** 1234567 -> "1,234,567" (en) or "1.234.567" (id). */
export function formatCount(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** A change in a count, signed: 18 -> "+18", -3 -> "-3", 0 -> "0". */
export function formatSignedCount(value: number, locale: Locale): string {
  return numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(value);
}

/**
 * A noun's forms by plural category (`Intl.PluralRules`): English needs `one` and `other`, Indonesian nouns do not
 * inflect, so `other` alone.
 */
export type Noun = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The form of a noun that goes with a whole count as `formatCount` shows it: 1 -> "order", 2 -> "orders", 1.4 ("1") -> "order". */
export function nounFor(value: number, noun: Noun, locale: Locale): string {
  return noun[pluralRules(locale).select(value)] ?? noun.other;
}

/** A count and its noun: (1, order) -> "1 order", (1234, orders) -> "1,234 orders" (en) or "1.234 pesanan" (id). */
export function formatCounted(value: number, noun: Noun, locale: Locale): string {
  return `${formatCount(value, locale)} ${nounFor(value, noun, locale)}`;
}

/** A quantity as a file wrote it, in the reader's locale: 2 -> "2", 1.25 -> "1.25" (en) or "1,25" (id). */
export function formatQuantity(value: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 3 }).format(value);
}

/**
 * Money for the reader's locale: with the server's currency when it set one (`Rp 1.234.567`, `£1,234.56`),
 * else with two decimals and no symbol, since a file rarely says its currency.
 */
export function formatAmount(value: number, locale: Locale, currency?: string | null): string {
  if (currency) return numberFormat(locale, { style: 'currency', currency }).format(value);
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(share: number, locale: Locale): string {
  // 'negative' keeps a share that rounds to zero from reading "-0%" (the net revenue of customers who returned everything).
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'negative' }).format(share);
}

/** Escapes Discord/Markdown control characters in user data so a cell can never format or ping. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|>#[\]])/g, '\\$1').replace(/@/g, '@\u200b');
}

/** Example line numbers of a file: "lines 110, 539", "line 7" (en) or "baris 110, 539" (id). */
export function listExamples(lines: readonly number[], locale: Locale): string {
  const line: Noun = locale === 'id' ? { other: 'baris' } : { one: 'line', other: 'lines' };
  return lines.length === 0 ? '' : `${nounFor(lines.length, line, locale)} ${lines.join(', ')}`;
}
