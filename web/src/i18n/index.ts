import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en } from './en.ts';
import { vi, type MessageKey } from './vi.ts';

export type Locale = 'vi' | 'en';
export type { MessageKey };

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

/** A translator for one locale: Vietnamese first, English available. */
export interface I18n {
  readonly locale: Locale;
  t(key: MessageKey): string;
  /** Numbers and percentages in the locale's own format (comma decimals in Vietnamese). */
  number(value: number, digits?: number): string;
  percent(value: number, digits?: number): string;
}

/** Builds the translator of a locale. */
export function i18nFor(locale: Locale): I18n {
  const catalogue = catalogues[locale];
  const tag = locale === 'vi' ? 'vi-VN' : 'en-GB';
  return {
    locale,
    t: (key) => catalogue[key],
    number: (value, digits = 3) => value.toLocaleString(tag, { maximumFractionDigits: digits, minimumFractionDigits: 0 }),
    percent: (value, digits = 1) => value.toLocaleString(tag, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }),
  };
}

export const I18nContext = createContext<I18n>(i18nFor('vi'));

/** The translator of the surrounding screen. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
