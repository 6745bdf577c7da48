/**
 * Settings files: `{"version":1,"config":{...}}`, the config in the same key vocabulary and format
 * version as links. Importing is as careful as reading a link. A file that cannot be read as settings
 * (too large, not JSON, no config object) applies nothing; otherwise each valid key is applied and each
 * bad one is ignored with a notice, as in a link.
 */
import type { ExperimentConfig, ValidatedConfig } from '../../core/config';
import { CONFIG_FORMAT_VERSION, readableNotices, quoted, readFormatVersion, readVersionedSettings } from '../../core/urlCodec';

/** Real settings files are about 1 KB; anything far larger is not one, and is not read at all. */
export const MAX_SETTINGS_FILE_BYTES = 64 * 1024;

export interface ImportedSettings {
  /** The settings to apply, or null when nothing should be applied. */
  config: ExperimentConfig | null;
  notices: string[];
}

export function settingsFileText(config: ExperimentConfig): string {
  return `${JSON.stringify({ version: CONFIG_FORMAT_VERSION, config }, null, 2)}\n`;
}

export function settingsFileName(config: ExperimentConfig): string {
  return `hypersphere-lab-${config.method}-seed${config.seed}.json`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejected(reason: string): ImportedSettings {
  return { config: null, notices: [`${reason} Nothing was imported.`] };
}

/** Reads a settings file (a File from an input, or any Blob); never throws. */
export async function readSettingsFile(file: Blob): Promise<ImportedSettings> {
  if (file.size > MAX_SETTINGS_FILE_BYTES) {
    return rejected(`The file is ${Math.ceil(file.size / 1024).toLocaleString('en')} KB; a settings file is at most ${MAX_SETTINGS_FILE_BYTES / 1024} KB.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return rejected('The file is not valid JSON.');
  }
  if (!isRecord(data) || !isRecord(data.config)) return rejected('The file has no "config" object, so it is not a settings file.');

  const notices: string[] = [];
  const version = data.version === undefined ? CONFIG_FORMAT_VERSION : readFormatVersion(data.version, notices);
  const validated = readConfigObject(data.config, version);
  return { config: validated.config, notices: readableNotices([...notices, ...validated.notices]) };
}

/**
 * The `config` object of a settings file or a run report, in format `version`: each plain value is
 * validated as a link's would be; anything else is named in a notice and ignored.
 */
export function readConfigObject(config: Record<string, unknown>, version: number): ValidatedConfig {
  const notices: string[] = [];
  const pairs: [string, unknown][] = [];
  for (const [key, value] of Object.entries(config)) {
    // Only plain values are settings; a list or an object would be turned into text by the validator.
    if (['string', 'number', 'boolean'].includes(typeof value)) pairs.push([key, value]);
    else notices.push(`${quoted(key)}: a ${value === null ? 'null' : Array.isArray(value) ? 'list' : 'nested object'} is not a setting value; ignored.`);
  }
  const validated = readVersionedSettings(pairs, version);
  return { config: validated.config, notices: [...notices, ...validated.notices] };
}
