/**
 * The page's language: from the link's `lang=` key (a page key, like `classroom`: it is about how the page reads,
 * not about the experiment, so it stays out of ExperimentConfig, settings files and run reports), else from the
 * browser's languages. Choosing a language in the page writes `lang=` into the link, so a shared link (a lesson
 * included) opens in the language it was shared in; a page that never chose one leaves the link without it, and
 * each reader gets their browser's language.
 */
import { quoted } from '../../core/notices';
import { joinPairs, readLinkPairs } from '../../core/urlCodec';
import { currentLocale, type Locale, locales, matchLocale, negotiateLocale, setLocale, subscribeLocale } from '../../i18n/locale';
import { messages } from '../../i18n/messages';

export const LANG_KEY = 'lang';

/** Reads `lang=`; a language we do not speak gives a notice and null (the browser's language is used). */
export function readLangKey(raw: string | undefined, notices: string[]): Locale | null {
  if (raw === undefined) return null;
  const locale = matchLocale(raw);
  if (locale === null) notices.push(messages().validation.badLang({ raw: quoted(raw), names: locales.join(', ') }));
  return locale;
}

/** The language link text names (`lang=zh-CN`), if it names one we speak. */
export function linkLocale(link: string): Locale | null {
  const raw = readLinkPairs(link).pairs.find(([key]) => key === LANG_KEY)?.[1];
  return raw === undefined ? null : matchLocale(raw);
}

/** The language a page opens in: the link's, else the first of the browser's we speak, else English. */
export function openingLocale(link: string, preferred: readonly string[]): Locale {
  return linkLocale(link) ?? negotiateLocale(preferred);
}

/** `href` with `lang=<locale>` in its hash (replacing any), every other pair as it was. */
export function hrefWithLang(href: string, locale: Locale): string {
  const url = new URL(href);
  const pairs = readLinkPairs(url.hash).pairs.filter(([key]) => key !== LANG_KEY);
  url.hash = joinPairs([...pairs, [LANG_KEY, locale]]);
  return url.toString();
}

/** Keeps the document's language (`<html lang>`, for screen readers and fonts) and title on the current language. */
export function followLanguageInDocument(): () => void {
  const apply = (): void => {
    document.documentElement.lang = currentLocale();
    document.title = messages().page.title;
  };
  apply();
  return subscribeLocale(apply);
}

/** The language control's choice: the page switches at once and the link remembers it. */
export function chooseLanguage(locale: Locale): void {
  setLocale(locale);
  window.history.replaceState(window.history.state, '', hrefWithLang(window.location.href, locale));
}
