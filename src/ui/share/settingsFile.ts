/**
 * Settings files: `{"version":1,"config":{...}}`, the config in the same key vocabulary and format
 * version as links. Importing is as careful as reading a link. A file that cannot be read as settings
 * (too large, not JSON, no config object) applies nothing; otherwise each valid key is applied and each
 * bad one is ignored with a notice, as in a link.
 */
import type { ExperimentConfig } from '../../core/config';
import type { ConfigNotice } from '../../core/notices';
import { CONFIG_FORMAT_VERSION, isRecord, readableNotices, readConfigObject, readFormatVersion } from '../../core/urlCodec';
import { messages } from '../../i18n/messages';
import { renderNotice } from '../../i18n/notices';

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

function rejected(reason: string): ImportedSettings {
  return { config: null, notices: [messages().files.nothingImported({ reason })] };
}

/** Reads a settings file (a File from an input, or any Blob); never throws. */
export async function readSettingsFile(file: Blob): Promise<ImportedSettings> {
  if (file.size > MAX_SETTINGS_FILE_BYTES) {
    return rejected(messages().files.settingsTooLarge({ kilobytes: Math.ceil(file.size / 1024), max: MAX_SETTINGS_FILE_BYTES / 1024 }));
  }
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return rejected(messages().files.notJson);
  }
  if (!isRecord(data) || !isRecord(data.config)) return rejected(messages().files.noConfig);

  const notices: ConfigNotice[] = [];
  const version = data.version === undefined ? CONFIG_FORMAT_VERSION : readFormatVersion(data.version, notices);
  const validated = readConfigObject(data.config, version);
  return { config: validated.config, notices: readableNotices([...notices, ...validated.notices]).map(renderNotice) };
}
