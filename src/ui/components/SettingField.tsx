/**
 * A labelled setting with its one-line explanation (tied to the control by aria-describedby). A setting that
 * has no effect under the current config (BYOL's stop-gradient while τ > 0) or on the images trained on (hue on
 * grey images) is disabled, and its explanation says why instead.
 */
import { type ReactNode, useId } from 'react';
import type { ConfigKey } from '../../core/config';
import { imageInactiveText, inactiveText } from '../language/tables';
import { useMessages } from '../language/useMessages';
import { useLab } from '../labContext';

interface FieldIds {
  inputId: string;
  helpId: string;
  /** The setting does nothing under the current config. */
  disabled: boolean;
}

interface SettingFieldProps {
  settingKey: ConfigKey;
  label: string;
  help: string;
  /** Control before the label (switches) instead of below it. */
  controlFirst?: boolean;
  children: (ids: FieldIds) => ReactNode;
}

export function SettingField({ settingKey, label, help, controlFirst = false, children }: SettingFieldProps) {
  useMessages(); // the settings' words follow the language
  const inputId = useId();
  const helpId = useId();
  const inactive = useLab((state) => inactiveText(state.config, settingKey) ?? imageInactiveText(state.config, state.imageChannels, settingKey));
  const labelElement = <label htmlFor={inputId}>{label}</label>;
  return (
    <div className={['setting', controlFirst ? 'setting-inline' : '', inactive ? 'setting-inactive' : ''].filter(Boolean).join(' ')}>
      <div className="setting-row">
        {controlFirst ? null : labelElement}
        {children({ inputId, helpId, disabled: inactive !== null })}
        {controlFirst ? labelElement : null}
      </div>
      <p id={helpId} className="setting-help">
        {inactive ?? help}
      </p>
    </div>
  );
}
