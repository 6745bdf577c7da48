/**
 * The languages the lab speaks and which one it speaks now. The language is the page's, not the experiment's:
 * it comes from the link's `lang=` key, else from the browser's languages, else English. One current locale per
 * JavaScript realm (the page, the training worker, the CLI); the CLI and the tests never change it, so they speak
 * English. Pure TypeScript: no DOM, no tfjs.
 */

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's name in itself, for the language control. */
export const localeNames: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * A language tag as written in a link or by a browser (`zh-CN`, `zh-Hans`, `zh`, `en-GB`, case-insensitive), as
 * one of ours; null when we do not speak it. Traditional Chinese (`zh-TW`, `zh-Hant`) is not Simplified Chinese.
 */
export function matchLocale(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase().replace(/_/g, '-');
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  if (lower === 'zh' || lower === 'zh-cn' || lower === 'zh-sg' || lower.startsWith('zh-hans')) return 'zh-CN';
  return null;
}

/** The first of the browser's preferred languages we speak; English when none. */
export function negotiateLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

let current: Locale = DEFAULT_LOCALE;
const listeners = new Set<() => void>();

export function currentLocale(): Locale {
  return current;
}

/** Switches the language; everything that reads messages afterwards (and every subscriber) speaks it. */
export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change of language; returns the function that stops it. */
export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Numbers for reading, in the current language's conventions: `formatCount(8000)` is "8,000". */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(current).format(value);
}

/** Picks the English word for `count` by the plural rules (Chinese messages have no plural forms). */
export function plural(count: number, forms: { one: string; other: string }): string {
  return new Intl.PluralRules('en').select(count) === 'one' ? forms.one : forms.other;
}
