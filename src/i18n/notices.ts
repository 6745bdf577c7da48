/**
 * Core's notices (src/core/notices.ts: a code and its values) as sentences in the current language, for the page
 * and the CLI. Each code is one message of the catalogue's `validation` group, called with the notice's values.
 */
import type { ConfigNotice, NoticeCode } from '../core/notices';
import { type Messages, messages } from './messages';

type Renderers = { [C in NoticeCode]: (notice: Extract<ConfigNotice, { code: C }>) => string };

function renderers(m: Messages['validation']): Renderers {
  return {
    notBoolean: m.notBoolean,
    notOneOf: m.notOneOf,
    notNumber: m.notNumber,
    outside: m.outside,
    notWhole: m.notWhole,
    unknownSetting: m.unknownSetting,
    moreProblems: m.moreProblems,
    linkTooLong: m.linkTooLong,
    noName: m.noName,
    repeated: m.repeated,
    unknownVersion: m.unknownVersion,
    notPlainValue: m.notPlainValue,
    runNotCompared: m.runNotCompared,
  };
}

/** A notice as one sentence in the current language (read at the moment it is called, like every message). */
export function renderNotice(notice: ConfigNotice): string {
  const render = renderers(messages().validation)[notice.code] as (notice: ConfigNotice) => string;
  return render(notice);
}
