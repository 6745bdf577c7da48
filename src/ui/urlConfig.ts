/**
 * Startup settings from the page URL. Config keys may come from the query string and the hash
 * (`#v=1&method=simsiam&seed=7`); the hash is read second, so it wins. `v` (link format), `autoplay`
 * and `backend` steer the page itself and never reach validateConfig.
 */
import { type ExperimentConfig, validateConfig } from '../core/config';
import { type BackendName, backendNames } from '../worker/protocol';

export const LINK_FORMAT_VERSION = '1';

export interface StartupSettings {
  config: ExperimentConfig;
  /** From `?backend=`; null lets the worker choose. */
  forcedBackend: BackendName | null;
  /** `autoplay=1`: start training as soon as the worker is ready. */
  autoplay: boolean;
  /** Readable, plain-text notices about ignored or corrected values. */
  notices: string[];
}

const MAX_QUOTED = 40;
/** URL text is untrusted: shorten it before it goes into a notice. */
function quoted(raw: string): string {
  return `"${raw.length > MAX_QUOTED ? `${raw.slice(0, MAX_QUOTED)}…` : raw}"`;
}

function parseBackend(raw: string, notices: string[]): BackendName | null {
  const name = raw.trim().toLowerCase();
  if ((backendNames as readonly string[]).includes(name)) return name as BackendName;
  notices.push(`backend: ${quoted(raw)} is not one of ${backendNames.join(', ')}; choosing a backend automatically.`);
  return null;
}

function parseAutoplay(raw: string, notices: string[]): boolean {
  const text = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on', ''].includes(text)) return true;
  if (['0', 'false', 'no', 'off'].includes(text)) return false;
  notices.push(`autoplay: ${quoted(raw)} is not 1 or 0; not starting automatically.`);
  return false;
}

export function readStartupSettings(search: string, hash: string): StartupSettings {
  const pairs = [...new URLSearchParams(search), ...new URLSearchParams(hash.replace(/^#/, ''))];
  const notices: string[] = [];
  const configPairs: [string, string][] = [];
  let forcedBackend: BackendName | null = null;
  let autoplay = false;
  for (const [key, value] of pairs) {
    if (key === 'backend') forcedBackend = parseBackend(value, notices);
    else if (key === 'autoplay') autoplay = parseAutoplay(value, notices);
    else if (key === 'v') {
      if (value !== LINK_FORMAT_VERSION) {
        notices.push(`Link format v=${quoted(value)} is not known; reading the settings as v=${LINK_FORMAT_VERSION}.`);
      }
    } else configPairs.push([key, value]);
  }
  const validated = validateConfig(configPairs);
  return { config: validated.config, forcedBackend, autoplay, notices: [...notices, ...validated.notices] };
}
