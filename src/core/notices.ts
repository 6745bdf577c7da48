/**
 * What reading settings found wrong, as data: a code and the values the sentence needs. Core writes no words in
 * any language; the page and the CLI render a notice in the user's (src/i18n/notices.ts: renderNotice, one
 * sentence per code in every message catalogue). Untrusted text goes into a notice shortened and with its
 * invisible characters made visible (quoted, shown), so that no rendering of it can be garbled or disguised.
 */

/** One notice about settings read from a link, a settings file, a run report or the controls. */
export type ConfigNotice =
  | { code: 'notBoolean'; key: string; raw: string; kept: string }
  | { code: 'notOneOf'; key: string; raw: string; values: string; kept: string }
  | { code: 'notNumber'; key: string; raw: string; kept: string }
  | { code: 'outside'; key: string; raw: string; min: number; max: number; used: number }
  | { code: 'notWhole'; key: string; raw: string; used: number }
  | { code: 'unknownSetting'; key: string }
  | { code: 'moreProblems'; count: number }
  | { code: 'linkTooLong'; length: number; max: number }
  | { code: 'noName'; value: string }
  | { code: 'repeated'; key: string; count: number; value: string }
  | { code: 'unknownVersion'; raw: string; version: number }
  | { code: 'notPlainValue'; key: string; kind: 'null' | 'list' | 'nested object' }
  /** A compare link's keys for a run it does not show (`D.seed` with three runs). */
  | { code: 'runNotCompared'; tag: string; runs: number };

export type NoticeCode = ConfigNotice['code'];

const MAX_QUOTED = 40;
/** Control and bidi-override characters would garble (or disguise) a notice; they are shown as �. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

function visible(text: string): string {
  return text.replace(INVISIBLE, '\uFFFD');
}

function shortened(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

/** Untrusted text for a notice: shortened, invisible characters made visible, quoted. */
export function quoted(raw: string): string {
  return `"${visible(shortened(raw))}"`;
}

/** An untrusted value for a notice, as the sentence shows it between its own quotes: text, or a value as JSON. */
export function shown(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw) ?? String(raw);
  return visible(shortened(text));
}
