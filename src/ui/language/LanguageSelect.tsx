/** The language control in the page's header: switches the page at once and keeps the choice in the link. */
import { useId } from 'react';
import { type Locale, localeNames, locales } from '../../i18n/locale';
import { chooseLanguage } from './pageLanguage';
import { useLocale, useMessages } from './useMessages';

export function LanguageSelect() {
  const m = useMessages();
  const locale = useLocale();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id}>{m.page.language}</label>
      <select id={id} value={locale} onChange={(event) => chooseLanguage(event.target.value as Locale)}>
        {locales.map((option) => (
          // Each language is named in itself, and marked as such for screen readers.
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
