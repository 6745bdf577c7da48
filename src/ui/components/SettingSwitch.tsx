/** An on/off setting shown as a switch. */
import { type BooleanKey, configSpec } from '../../core/config';
import { useLab, useLabContext } from '../labContext';
import { useHidden } from '../share/pageModeContext';
import { SettingField } from './SettingField';

export function SettingSwitch({ settingKey }: { settingKey: BooleanKey }) {
  const { client } = useLabContext();
  const checked = useLab((state) => state.config[settingKey]);
  const hidden = useHidden(settingKey);
  const spec = configSpec[settingKey];
  if (hidden) return null;
  return (
    <SettingField settingKey={settingKey} label={spec.label} help={spec.help} controlFirst>
      {({ inputId, helpId, disabled }) => (
        <input
          id={inputId}
          disabled={disabled}
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
