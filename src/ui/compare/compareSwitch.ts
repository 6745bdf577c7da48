/**
 * Compare mode's simplest comparison: two runs, run A the config, run B the same config with one on/off switch
 * of its method flipped (`#v=1&compare=stopGrad&method=simsiam&seed=7`).
 */
import { type BooleanKey, configKeys, configSpec, type ExperimentConfig, isConfigKey, methodSettings } from '../../core/config';
import { inactiveReason } from '../../methods/catalog';
import { quoted } from '../../core/notices';
import { messages } from '../../i18n/messages';
import { inactiveText, methodTitle, settingLabel } from '../language/tables';

export function isBooleanKey(key: string): key is BooleanKey {
  return isConfigKey(key) && configSpec[key].kind === 'bool';
}

/** The on/off switches of a method that act under `config`: the ones a comparison can flip. */
export function compareSwitches(config: ExperimentConfig): BooleanKey[] {
  return methodSettings[config.method].switches.filter(isBooleanKey).filter((key) => inactiveReason(config, key) === null);
}

/** Reads `compare=`: a key that is not an acting on/off switch of the config's method gives a notice and null (one run). */
export function readCompareKey(raw: string | undefined, config: ExperimentConfig, notices: string[]): BooleanKey | null {
  if (raw === undefined) return null;
  const wanted = raw.trim();
  const key = compareSwitches(config).find((name) => name === wanted);
  if (key) return key;
  const { validation } = messages();
  const inactive = isBooleanKey(wanted) ? inactiveText(config, wanted) : null;
  notices.push(
    inactive
      ? validation.compareInactive({ label: settingLabel(wanted as BooleanKey), reason: inactive })
      : validation.compareNotSwitch({ raw: quoted(raw), method: methodTitle(config.method), switches: compareSwitches(config).join(', ') }),
  );
  return null;
}

/** The two runs' settings: A as given, B with the switch flipped. */
export function comparedConfigs(config: ExperimentConfig, key: BooleanKey): readonly [ExperimentConfig, ExperimentConfig] {
  return [config, { ...config, [key]: !config[key] }];
}

/** The switch two runs differ in alone, B having it flipped: their link is the short `compare=stopGrad`. */
export function comparisonSwitch(configs: readonly ExperimentConfig[]): BooleanKey | null {
  if (configs.length !== 2) return null;
  const [a, b] = configs as [ExperimentConfig, ExperimentConfig];
  return compareSwitches(a).find((switchKey) => configKeys.every((key) => (a[key] === b[key]) === (key !== switchKey))) ?? null;
}

/** What sets a run apart, in words: "Stop-gradient on". */
export function switchStateLabel(key: BooleanKey, on: boolean): string {
  return messages().compare.switchState({ label: settingLabel(key), on });
}
