/** The current language in React: components that read messages re-render when the language changes. */
import { useSyncExternalStore } from 'react';
import { currentLocale, type Locale, subscribeLocale } from '../../i18n/locale';
import { type Messages, messages } from '../../i18n/messages';

export function useLocale(): Locale {
  return useSyncExternalStore(subscribeLocale, currentLocale);
}

/** The current language's messages; also what makes a component that reads the tables' words (tables.ts) follow a change. */
export function useMessages(): Messages {
  useLocale();
  return messages();
}
