import type { Locale } from './reply.js';

const intlLocale: Record<Locale, string> = { en: 'en-GB', id: 'id-ID' };

/** 1234567 -> "1,234,567" (en) or "1.234.567" (id). */
export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 0 }).format(value);
}

/**
 * Money for the reader's locale: with the server's currency when it set one (`Rp 1.234.567`, `£1,234.56`),
 * else with two decimals and no symbol, since a file rarely says its currency.
 */
export function formatAmount(value: number, locale: Locale, currency?: string | null): string {
  if (currency) return new Intl.NumberFormat(intlLocale[locale], { style: 'currency', currency }).format(value);
  return new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Escapes Discord/Markdown control characters in user data so a cell can never format or ping. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`|>#[\]])/g, '\\$1').replace(/@/g, '@\u200b');
}

export function listExamples(lines: readonly number[], locale: Locale): string {
  return lines.length === 0 ? '' : `${locale === 'id' ? 'baris' : 'lines'} ${lines.join(', ')}`;
}
