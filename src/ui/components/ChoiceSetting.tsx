/** A setting with a fixed set of values, shown as a select with readable option labels. */
import { settingHelp, settingLabel, valueLabel } from '../language/tables';
import { useMessages } from '../language/useMessages';
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
  /** Why a value cannot be chosen now (its option is shown disabled, with the reason), or null when it can. */
  unavailable?: (value: V) => string | null;
}

export function ChoiceSetting<V extends string | number>({ settingKey, choices, labelOf, help, onChoose, unavailable }: ChoiceSettingProps<V>) {
  useMessages(); // the settings' words follow the language
  const { client } = useLabContext();
  const value = useLab((state) => state.config[settingKey]);
  const hidden = useHidden(settingKey);
  if (hidden) return null;
  const choose = onChoose ?? ((chosen: V) => client.setConfig({ [settingKey]: chosen }));
  return (
    <SettingField settingKey={settingKey} label={settingLabel(settingKey)} help={help ?? settingHelp(settingKey)}>
      {({ inputId, helpId, disabled }) => (
        <select
          id={inputId}
          disabled={disabled}
          value={String(value)}
          aria-describedby={helpId}
          onChange={(event) => choose(choices.find((choice) => String(choice) === event.target.value)!)}
        >
          {choices.map((choice) => {
            const label = labelOf ? labelOf(choice) : valueLabel(settingKey, choice);
            const reason = unavailable?.(choice) ?? null;
            return (
              <option key={choice} value={choice} disabled={reason !== null}>
                {reason === null ? label : `${label} — ${reason}`}
              </option>
            );
          })}
        </select>
      )}
    </SettingField>
  );
}
