/**
 * Experiment links: the whole config in the URL hash, in the config's own key vocabulary
 * (`#v=1&method=simsiam&stopGrad=false&seed=7`), so a link is readable and can be edited by hand.
 * Only settings that differ from the chosen method's defaults are written (the method always is).
 * `v` names the format: a later format lists an upgrade for the old keys and still reads today's links.
 *
 * Links are untrusted input. Decoding never throws, bounds its work (long links are cut before parsing)
 * and reports every ignored or corrected value as a notice (core/notices.ts); the values themselves are
 * checked and clamped by validateConfig, the one validator. The same reading serves the `config` object of
 * settings files and run reports (readConfigObject).
 */
import { configKeys, defaultConfig, type ExperimentConfig, switchMethod, validateConfig, type ValidatedConfig } from './config';
import { type ConfigNotice, quoted } from './notices';

/**
 * Upgrades of older formats, oldest first: entry i turns the pairs of format i + 1 into those of
 * format i + 2 (renamed keys, changed units), so version n is read through entries n − 1 onwards.
 * Empty while v1 is the only format.
 */
const formatUpgrades: ReadonlyArray<<V>(pairs: [string, V][]) => [string, V][]> = [];

/** The format written today; links and settings files carry it as `v` / `version`. */
export const CONFIG_FORMAT_VERSION = formatUpgrades.length + 1;

/** Longer link text is cut to this before it is parsed: no link makes the page parse megabytes. */
export const MAX_LINK_LENGTH = 4096;

/** A hostile link could produce thousands of notices; past this many the rest are counted, not listed. */
const MAX_NOTICES = 12;

/** Keeps notices about untrusted input readable: at most MAX_NOTICES, the last one counting the rest. */
export function readableNotices(notices: ConfigNotice[]): ConfigNotice[] {
  if (notices.length <= MAX_NOTICES) return notices;
  const listed = notices.slice(0, MAX_NOTICES - 1);
  return [...listed, { code: 'moreProblems', count: notices.length - listed.length }];
}

/** `key=value&…`, each part percent-encoded only where needed (numbers and names stay readable). */
export function joinPairs(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}

/**
 * The link text for a config: `v=1`, then `leading` (how the page reads the rest, e.g. `compare=stopGrad`),
 * `method=…` and each setting that differs from the method's default.
 */
export function encodeConfig(config: ExperimentConfig, leading: readonly (readonly [string, string])[] = []): string {
  const defaults = defaultConfig(config.method);
  const changed = configKeys.filter((key) => key !== 'method' && config[key] !== defaults[key]);
  return joinPairs([
    ['v', String(CONFIG_FORMAT_VERSION)],
    ...leading,
    ['method', config.method],
    ...changed.map((key): [string, string] => [key, String(config[key])]),
  ]);
}

export interface LinkPairs {
  /** Each key once, with its last value, in order of first appearance. */
  pairs: [string, string][];
  notices: ConfigNotice[];
}

/**
 * Splits link text (`#a=1&b=2`, `?a=1`, or bare) into pairs. Text past MAX_LINK_LENGTH is dropped
 * (back to the last whole pair); pairs without a key are ignored; a repeated key keeps its last value.
 * Malformed percent-encoding is read leniently by URLSearchParams and never throws.
 */
export function readLinkPairs(link: string): LinkPairs {
  const notices: ConfigNotice[] = [];
  let text = link.replace(/^[#?]/, '');
  if (text.length > MAX_LINK_LENGTH) {
    notices.push({ code: 'linkTooLong', length: text.length, max: MAX_LINK_LENGTH });
    const lastSeparator = text.lastIndexOf('&', MAX_LINK_LENGTH);
    text = text.slice(0, lastSeparator > 0 ? lastSeparator : MAX_LINK_LENGTH);
  }
  const values = new Map<string, string>();
  const repeats = new Map<string, number>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (key.trim() === '') {
      notices.push({ code: 'noName', value: quoted(value) });
      continue;
    }
    if (values.has(key)) repeats.set(key, (repeats.get(key) ?? 1) + 1);
    values.set(key, value);
  }
  for (const [key, count] of repeats) {
    notices.push({ code: 'repeated', key: quoted(key), count, value: quoted(values.get(key)!) });
  }
  return { pairs: [...values], notices };
}

/** The format version a link or file names; an unknown one is read as today's format, with a notice. */
export function readFormatVersion(raw: unknown, notices: ConfigNotice[]): number {
  const text = String(raw).trim();
  const version = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (version >= 1 && version <= CONFIG_FORMAT_VERSION) return version;
  notices.push({ code: 'unknownVersion', raw: quoted(String(raw)), version: CONFIG_FORMAT_VERSION });
  return CONFIG_FORMAT_VERSION;
}

/** Pairs written in format `version`, brought to today's keys. */
function upgradePairs<V>(pairs: [string, V][], version: number): [string, V][] {
  return formatUpgrades.slice(version - 1).reduce((current, upgrade) => upgrade(current), pairs);
}

/** Settings written in format `version`, brought to today's keys and validated against the named method's defaults. */
function readVersionedSettings(pairs: [string, unknown][], version: number): ValidatedConfig {
  return validateConfig(upgradePairs(pairs, version));
}

/** Compare mode shows at most this many runs side by side: each is a training worker and a WebGL context. */
export const MAX_RUNS = 4;
/** Runs are named by letter; run A holds the link's settings, and another run's own keys carry its letter: `B.seed=3`. */
export const RUN_TAGS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The settings of a page's runs, run A's first: one for a single run. */
export type RunConfigs = readonly [ExperimentConfig, ...ExperimentConfig[]];
/** `B.seed`: a run's own key (run A has none: the link's settings are its own). */
const RUN_KEY = /^([B-Z])\.(.+)$/;

export interface DecodedLink extends ValidatedConfig {
  /** The page's own keys found in the link (autoplay, classroom, …): not settings, passed on as given. */
  pageParams: Map<string, string>;
  /** Each run's own keys (`B.seed=3` → run 1: seed 3), in today's format; read by readRunConfigs. */
  runPairs: Map<number, [string, string][]>;
}

/**
 * Reads a config from link text (with or without the leading `#`). Keys in `pageKeys` are handed back
 * in `pageParams` instead of being read as settings. Never throws; every problem becomes a notice.
 */
export function decodeConfig(link: string, pageKeys: ReadonlySet<string> = new Set()): DecodedLink {
  const { pairs, notices } = readLinkPairs(link);
  const pageParams = new Map<string, string>();
  const settings: [string, string][] = [];
  const runPairs = new Map<number, [string, string][]>();
  let version = CONFIG_FORMAT_VERSION;
  for (const [key, value] of pairs) {
    const runKey = RUN_KEY.exec(key);
    if (key === 'v') version = readFormatVersion(value, notices);
    else if (pageKeys.has(key)) pageParams.set(key, value);
    else if (runKey) {
      const run = RUN_TAGS.indexOf(runKey[1]!);
      runPairs.set(run, [...(runPairs.get(run) ?? []), [runKey[2]!, value]]);
    } else settings.push([key, value]);
  }
  const validated = readVersionedSettings(settings, version);
  for (const [run, own] of runPairs) runPairs.set(run, upgradePairs(own, version));
  return { config: validated.config, notices: readableNotices([...notices, ...validated.notices]), pageParams, runPairs };
}

/**
 * The settings of compared runs: run i is `bases[i]` with its own keys (DecodedLink.runPairs) applied and
 * validated as a link's settings are; a method of its own keeps the shared settings (switchMethod). Notices
 * name the run (`B.seed`); the keys of a run past the last are ignored, with a notice.
 */
export function readRunConfigs(bases: RunConfigs, runPairs: ReadonlyMap<number, [string, string][]>): { configs: RunConfigs; notices: ConfigNotice[] } {
  const notices: ConfigNotice[] = [];
  for (const run of [...runPairs.keys()].sort((a, b) => a - b)) {
    if (run >= bases.length) notices.push({ code: 'runNotCompared', tag: RUN_TAGS[run]!, runs: bases.length });
  }
  const read = (base: ExperimentConfig, run: number): ExperimentConfig => {
    const validated = validateConfig(runPairs.get(run) ?? [], base);
    for (const notice of validated.notices) notices.push('key' in notice ? { ...notice, key: `${RUN_TAGS[run]}.${notice.key}` } : notice);
    return validated.config;
  };
  const [first, ...rest] = bases;
  const configs: RunConfigs = [read(first, 0), ...rest.map((base, i) => read(base, i + 1))];
  return { configs, notices: readableNotices(notices) };
}

/** A run's own keys against run A's settings: its method where it differs (the shared settings stay), then each setting that differs. */
function runPairsOf(first: ExperimentConfig, config: ExperimentConfig, run: number): [string, string][] {
  const base = config.method === first.method ? first : switchMethod(first, config.method);
  const own = configKeys.filter((key) => key === 'method' ? config.method !== first.method : config[key] !== base[key]);
  return own.map((key) => [`${RUN_TAGS[run]}.${key}`, String(config[key])]);
}

/** The link text for compared runs: run A's settings as encodeConfig writes them, then each later run's own keys. */
export function encodeRuns(configs: RunConfigs, leading: readonly (readonly [string, string])[] = []): string {
  const [first, ...rest] = configs;
  return [encodeConfig(first, leading), ...rest.map((config, i) => joinPairs(runPairsOf(first, config, i + 1)))].filter((part) => part !== '').join('&');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `config` object of a settings file or a run report, in format `version`: each plain value is
 * validated as a link's would be; anything else is named in a notice and ignored.
 */
export function readConfigObject(config: Record<string, unknown>, version: number): ValidatedConfig {
  const notices: ConfigNotice[] = [];
  const pairs: [string, unknown][] = [];
  for (const [key, value] of Object.entries(config)) {
    // Only plain values are settings; a list or an object would be turned into text by the validator.
    if (['string', 'number', 'boolean'].includes(typeof value)) pairs.push([key, value]);
    else notices.push({ code: 'notPlainValue', key: quoted(key), kind: value === null ? 'null' : Array.isArray(value) ? 'list' : 'nested object' });
  }
  const validated = readVersionedSettings(pairs, version);
  return { config: validated.config, notices: [...notices, ...validated.notices] };
}
