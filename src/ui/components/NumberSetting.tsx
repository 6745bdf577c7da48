/**
 * A numeric setting (seed, temperature, momentum, ...). Typing is kept as a draft and applied on
 * Enter, on leaving the field, or after a short pause in typing — not on every keystroke, since some
 * settings restart the run. Out-of-range values are clamped by the config validation, with a notice.
 */
import { useEffect, useRef, useState } from 'react';
import { type ConfigKey, configSpec, type ExperimentConfig } from '../../core/config';
import { settingHelp, settingLabel } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { useLab, useLabContext } from '../labContext';
import { useHidden } from '../share/pageModeContext';
import { SettingField } from './SettingField';

const APPLY_AFTER_TYPING_MS = 800;

export type NumberKey = { [K in ConfigKey]: ExperimentConfig[K] extends number ? K : never }[ConfigKey];

export function NumberSetting({ settingKey }: { settingKey: NumberKey }) {
  useMessages(); // the settings' words follow the language
  const { client } = useLabContext();
  const value = useLab((state) => state.config[settingKey]);
  /** What the user is typing; null shows the applied value. */
  const [draft, setDraft] = useState<string | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  const hidden = useHidden(settingKey);

  const apply = (text: string | null): void => {
    clearTimeout(typingTimer.current);
    setDraft(null);
    if (text !== null && text.trim() !== '') client.setConfig({ [settingKey]: Number(text) });
  };

  const spec = configSpec[settingKey];
  const range = spec.kind === 'int' || spec.kind === 'float' ? spec : null;
  if (hidden) return null;
  return (
    <SettingField settingKey={settingKey} label={settingLabel(settingKey)} help={settingHelp(settingKey)}>
      {({ inputId, helpId, disabled }) => (
        <input
          id={inputId}
          disabled={disabled}
          type="number"
          inputMode={spec.kind === 'int' ? 'numeric' : 'decimal'}
          min={range?.min}
          max={range?.max}
          step={spec.kind === 'int' ? 1 : 'any'}
          value={draft ?? String(value)}
          aria-describedby={helpId}
          onChange={(event) => {
            const text = event.target.value;
            setDraft(text);
            clearTimeout(typingTimer.current);
            typingTimer.current = setTimeout(() => apply(text), APPLY_AFTER_TYPING_MS);
          }}
          onBlur={() => apply(draft)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') apply(draft);
          }}
        />
      )}
    </SettingField>
  );
}
