/**
 * Startup settings from the page URL. Config keys may come from the query string and the hash
 * (`#v=1&method=simsiam&seed=7`); the hash is read second, so it wins. The page's own keys —
 * `backend`, `autoplay`, `classroom`, `embed`, `hide`, `compare`, `lang` — steer the page and never reach the config.
 */
import type { ExperimentConfig } from '../core/config';
import { quoted } from '../core/notices';
import { type DecodedLink, decodeConfig, MAX_RUNS, readLinkPairs, readRunConfigs, type RunConfigs } from '../core/urlCodec';
import { messages } from '../i18n/messages';
import { renderNotice } from '../i18n/notices';
import { type BackendName, backendNames, type BackendRequest } from '../train/backendNames';
import { comparedConfigs, readCompareKey } from './compare/compareSwitch';
import { LANG_KEY, readLangKey } from './language/pageLanguage';
import { type PageMode, parseHideList } from './share/pageMode';

/** Keys of the link that are about the page, not the experiment (kept when the link is rewritten). */
export const pageKeys: ReadonlySet<string> = new Set(['backend', 'threads', 'autoplay', 'classroom', 'embed', 'hide', 'compare', LANG_KEY]);

export interface StartupSettings {
  config: ExperimentConfig;
  /** From `?backend=` (null lets the worker choose) and `?threads=` (null: one fewer than the cores). */
  backend: BackendRequest;
  /** `autoplay=1`: start training as soon as the worker is ready. */
  autoplay: boolean;
  pageMode: PageMode;
  /** The runs' settings, run A's (`config`) first: one run, or those compare mode compares. */
  runs: RunConfigs;
  /** Readable, plain-text notices about ignored or corrected values. */
  notices: string[];
}

function parseBackend(raw: string, notices: string[]): BackendName | null {
  const name = raw.trim().toLowerCase();
  if ((backendNames as readonly string[]).includes(name)) return name as BackendName;
  notices.push(messages().validation.badBackend({ raw: quoted(raw), names: backendNames.join(', ') }));
  return null;
}

const MAX_THREADS = 64;

function parseThreads(raw: string, notices: string[]): number | null {
  const count = Number(raw.trim());
  if (Number.isInteger(count) && count >= 1 && count <= MAX_THREADS) return count;
  notices.push(messages().validation.badThreads({ raw: quoted(raw), max: MAX_THREADS }));
  return null;
}

/** `autoplay`, `classroom`, `embed`: 1/0 (or true/false); a bare key means on. */
function parseFlag(key: string, raw: string | undefined, notices: string[]): boolean {
  if (raw === undefined) return false;
  const text = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on', ''].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  notices.push(messages().validation.badFlag({ key, raw: quoted(raw) }));
  return false;
}

/** The query string and the hash as one link text, the hash last so that it wins. */
export function linkText(search: string, hash: string): string {
  return [search, hash]
    .map((part) => part.replace(/^[?#]/, ''))
    .filter((part) => part !== '')
    .join('&');
}

/**
 * The page's runs from `compare=`: absent, one run; a number of runs (2 to MAX_RUNS, each run A's settings with
 * its own keys: `B.method=byol`); or an on/off switch of the method (two runs, B with it flipped). Anything else,
 * or a count out of range, gives a notice and the nearest safe page: one run, or the first MAX_RUNS runs.
 */
export function readRuns(raw: string | undefined, { config, runPairs }: Pick<DecodedLink, 'config' | 'runPairs'>, notices: string[]): RunConfigs {
  const count = raw === undefined || !/^\s*\d+\s*$/.test(raw) ? null : Number(raw);
  let bases: RunConfigs = [config];
  if (count === null) {
    const key = readCompareKey(raw, config, notices);
    if (key !== null) bases = comparedConfigs(config, key);
  } else {
    const used = Math.min(Math.max(count, 1), MAX_RUNS);
    if (count < 2 || count > MAX_RUNS) notices.push(messages().validation.compareCount({ raw: quoted(raw!), max: MAX_RUNS, used }));
    bases = [config, ...Array.from({ length: used - 1 }, () => config)];
  }
  const runs = readRunConfigs(bases, runPairs);
  notices.push(...runs.notices.map(renderNotice));
  return runs.configs;
}

/** The keys the link names, whatever their values: a setting the link gives is the link's, not a default. */
export function linkedKeys(search: string, hash: string): ReadonlySet<string> {
  return new Set(readLinkPairs(linkText(search, hash)).pairs.map(([key]) => key));
}

export function readStartupSettings(search: string, hash: string): StartupSettings {
  const decoded = decodeConfig(linkText(search, hash), pageKeys);
  const { config, notices, pageParams } = decoded;
  const pageNotices: string[] = [];
  const backend = pageParams.get('backend');
  const threads = pageParams.get('threads');
  const hide = pageParams.get('hide');
  const embed = parseFlag('embed', pageParams.get('embed'), pageNotices);
  const compare = pageParams.get('compare');
  if (embed && compare !== undefined) pageNotices.push(messages().validation.embedCompare);
  // The language itself is set before the link is read (pageLanguage.ts), so that these notices are written in it.
  readLangKey(pageParams.get(LANG_KEY), pageNotices);
  return {
    config,
    backend: {
      forced: backend === undefined ? null : parseBackend(backend, pageNotices),
      threads: threads === undefined ? null : parseThreads(threads, pageNotices),
    },
    autoplay: parseFlag('autoplay', pageParams.get('autoplay'), pageNotices),
    pageMode: {
      classroom: parseFlag('classroom', pageParams.get('classroom'), pageNotices),
      embed,
      hidden: hide === undefined ? new Set() : parseHideList(hide, pageNotices),
    },
    runs: embed ? [config] : readRuns(compare, decoded, pageNotices),
    notices: [...pageNotices, ...notices.map(renderNotice)],
  };
}
