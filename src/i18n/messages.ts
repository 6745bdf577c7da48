/** The message catalogue of each language, and the current language's. */
import { currentLocale, type Locale } from './locale';
import { en, type Messages } from './messages.en';
import { zhCN } from './messages.zh-CN';

export type { Messages };

const catalogues: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** The messages of the current language: read at the moment a text is made, never cached. */
export function messages(): Messages {
  return catalogues[currentLocale()];
}
