/** An on/off setting shown as a switch. */
import type { BooleanKey } from '../../core/config';
import { settingHelp, settingLabel } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { useHidden } from '../share/pageModeContext';
import { SettingField } from './SettingField';

export function SettingSwitch({ settingKey }: { settingKey: BooleanKey }) {
  useMessages(); // the settings' words follow the language
  const { client } = useLabContext();
  const checked = useLab((state) => state.config[settingKey]);
  const hidden = useHidden(settingKey);
  if (hidden) return null;
  return (
    <SettingField settingKey={settingKey} label={settingLabel(settingKey)} help={settingHelp(settingKey)} controlFirst>
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
