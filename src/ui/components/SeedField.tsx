/**
 * The seed input. A new seed restarts the run, so typing is kept as a draft and applied on Enter, on
 * leaving the field, or after a short pause in typing, not on every keystroke.
 */
import { useEffect, useRef, useState } from 'react';
import { configSpec } from '../../core/config';
import { useLab, useLabContext } from '../labContext';
import { SettingField } from './SettingField';

const APPLY_AFTER_TYPING_MS = 800;

export function SeedField() {
  const { client } = useLabContext();
  const seed = useLab((state) => state.config.seed);
  /** What the user is typing; null shows the applied seed. */
  const [draft, setDraft] = useState<string | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  const apply = (text: string | null): void => {
    clearTimeout(typingTimer.current);
    setDraft(null);
    if (text !== null && text.trim() !== '') client.setConfig({ seed: Number(text) });
  };

  const spec = configSpec.seed;
  return (
    <SettingField label="Seed" help={spec.help}>
      {({ inputId, helpId }) => (
        <input
          id={inputId}
          type="number"
          inputMode="numeric"
          min={spec.kind === 'int' ? spec.min : undefined}
          max={spec.kind === 'int' ? spec.max : undefined}
          step={1}
          value={draft ?? String(seed)}
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
