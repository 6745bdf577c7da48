/** An on/off setting shown as a switch. */
import { type ConfigKey, configSpec, type ExperimentConfig } from '../../core/config';
import { useLab, useLabContext } from '../labContext';
import { SettingField } from './SettingField';

type BooleanKey = { [K in ConfigKey]: ExperimentConfig[K] extends boolean ? K : never }[ConfigKey];

export function SettingSwitch({ settingKey, label }: { settingKey: BooleanKey; label: string }) {
  const { client } = useLabContext();
  const checked = useLab((state) => state.config[settingKey]);
  return (
    <SettingField label={label} help={configSpec[settingKey].help} controlFirst>
      {({ inputId, helpId }) => (
        <input
          id={inputId}
          type="checkbox"
          role="switch"
          className="switch"
          checked={checked}
          aria-describedby={helpId}
          onChange={(event) => client.setConfig({ [settingKey]: event.target.checked })}
        />
      )}
    </SettingField>
  );
}
