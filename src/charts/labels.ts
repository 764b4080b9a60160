/**
 * Chart wording. Each chart keeps its own English and Indonesian dictionary next to its builder;
 * this file holds what they share: the locale, overriding single labels, and number formatting.
 */

export type ChartLocale = 'en' | 'id';

export interface LabelOptions<Labels> {
  /** Language of titles and axis names; 'en' unless given. */
  locale?: ChartLocale;
  /** Replaces single labels of the chosen locale. */
  labels?: Partial<Labels>;
}

export function pickLabels<Labels>(byLocale: Record<ChartLocale, Labels>, options: LabelOptions<Labels> = {}): Labels {
  return { ...byLocale[options.locale ?? 'en'], ...options.labels };
}

/** BCP 47 tag for Chart.js tick formatting and our own numbers: 1,234.5 in English, 1.234,5 in Indonesian. */
export function numberLocale(locale: ChartLocale = 'en'): string {
  return locale === 'id' ? 'id-ID' : 'en-US';
}

export function formatCount(value: number, locale?: ChartLocale): string {
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 0 }).format(value);
}

/** A noun's forms by plural category; `other` is required (Indonesian has only that). */
export type CountedNoun = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A count with its noun in the right form: (1, customers) -> "1 customer", (2, customers) -> "2 customers". */
export function formatCounted(value: number, noun: CountedNoun, locale?: ChartLocale): string {
  const form = new Intl.PluralRules(numberLocale(locale), { maximumFractionDigits: 0 }).select(value);
  return `${formatCount(value, locale)} ${noun[form] ?? noun.other}`;
}

/** Appends the currency to an axis title when one is known: "Total spend (IDR)". */
export function withCurrency(title: string, currency: string | undefined): string {
  return currency ? `${title} (${currency})` : title;
}
