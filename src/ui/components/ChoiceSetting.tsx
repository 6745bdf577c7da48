/** A setting with a fixed set of values, shown as a select with readable option labels. */
import { configSpec } from '../../core/config';
import { useLab, useLabContext } from '../labContext';
import { useHidden } from '../share/pageModeContext';
import { SettingField } from './SettingField';

export type ChoiceKey = 'method' | 'dataset' | 'optimizer' | 'momentumSchedule' | 'dim';

interface ChoiceSettingProps<V extends string | number> {
  settingKey: ChoiceKey;
  choices: readonly V[];
  labelOf?: (value: V) => string;
  /** Help under the control; defaults to the property table's. */
  help?: string;
  /** What choosing a value does (defaults to setting the key). */
  onChoose?: (value: V) => void;
}

export function ChoiceSetting<V extends string | number>({ settingKey, choices, labelOf = String, help, onChoose }: ChoiceSettingProps<V>) {
  const { client } = useLabContext();
  const value = useLab((state) => state.config[settingKey]);
  const hidden = useHidden(settingKey);
  const spec = configSpec[settingKey];
  if (hidden) return null;
  const choose = onChoose ?? ((chosen: V) => client.setConfig({ [settingKey]: chosen }));
  return (
    <SettingField settingKey={settingKey} label={spec.label} help={help ?? spec.help}>
      {({ inputId, helpId, disabled }) => (
        <select
          id={inputId}
          disabled={disabled}
          value={String(value)}
          aria-describedby={helpId}
          onChange={(event) => choose(choices.find((choice) => String(choice) === event.target.value)!)}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {labelOf(choice)}
            </option>
          ))}
        </select>
      )}
    </SettingField>
  );
}
