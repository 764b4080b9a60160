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

/** Appends the currency to an axis title when one is known: "Total spend (IDR)". */
export function withCurrency(title: string, currency: string | undefined): string {
  return currency ? `${title} (${currency})` : title;
}
