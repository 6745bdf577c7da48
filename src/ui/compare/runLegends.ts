/** How the runs of a comparison are told apart everywhere: tag, words and colour, from the settings in which they differ. */
import { type ConfigKey, configKeys, type ExperimentConfig, methodSettings } from '../../core/config';
import { RUN_TAGS } from '../../core/urlCodec';
import { messages } from '../../i18n/messages';
import type { RunLegend } from '../charts/metricChart';
import { methodTitle, settingLabel } from '../language/tables';
import { isBooleanKey, switchStateLabel } from './compareSwitch';

/** Blue, orange, green and purple stay apart for the common colour-vision deficiencies. */
const RUN_COLORS = ['#1f5fa8', '#d95f02', '#1b9e77', '#7570b3'] as const;
/** A label names at most this many differences, then "…". */
const LABEL_PARTS = 3;

const methodKeys: ReadonlySet<ConfigKey> = new Set(Object.values(methodSettings).flatMap(({ switches }) => switches));

/** Whether a run's method reads this setting (a method's own, like SimCLR's temperature, or a shared one). */
function honours(config: ExperimentConfig, key: ConfigKey): boolean {
  return !methodKeys.has(key) || methodSettings[config.method].switches.includes(key);
}

/** The settings in which the runs differ; a method's own setting only where runs of that method differ in it. */
export function runDifferences(configs: readonly ExperimentConfig[]): ConfigKey[] {
  return configKeys.filter((key) =>
    configs.some((a) => configs.some((b) => a[key] !== b[key] && (!methodKeys.has(key) || (a.method === b.method && honours(a, key))))),
  );
}

function settingText(key: ConfigKey, config: ExperimentConfig): string {
  if (key === 'method') return methodTitle(config.method);
  if (isBooleanKey(key)) return switchStateLabel(key, config[key]);
  return messages().compare.settingValue({ label: settingLabel(key), value: String(config[key]) });
}

export function runLegends(configs: readonly ExperimentConfig[]): RunLegend[] {
  const differences = runDifferences(configs);
  return configs.map((config, run) => {
    const parts = differences.filter((key) => honours(config, key)).map((key) => settingText(key, config));
    const label = parts.length === 0 ? messages().compare.sameSettings : parts.slice(0, LABEL_PARTS).join(' · ') + (parts.length > LABEL_PARTS ? ' …' : '');
    return { tag: RUN_TAGS[run]!, label, color: RUN_COLORS[run % RUN_COLORS.length]! };
  });
}

/** The file-name tag of a run: `stopGrad-off`, `method-byol_dim-2`; `run-B` for a run that differs in nothing. */
export function runFileTag(configs: readonly ExperimentConfig[], run: number): string {
  const config = configs[run]!;
  const parts = runDifferences(configs).filter((key) => honours(config, key)).map((key) => {
    const value = config[key];
    return `${key}-${typeof value === 'boolean' ? (value ? 'on' : 'off') : String(value)}`;
  });
  return parts.length === 0 ? `run-${RUN_TAGS[run]}` : parts.join('_');
}
