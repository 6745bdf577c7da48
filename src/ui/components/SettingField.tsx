/** A labelled setting with its one-line explanation (tied to the control by aria-describedby). */
import { type ReactNode, useId } from 'react';

export interface FieldIds {
  inputId: string;
  helpId: string;
}

interface SettingFieldProps {
  label: string;
  help: string;
  /** Control before the label (switches) instead of below it. */
  controlFirst?: boolean;
  children: (ids: FieldIds) => ReactNode;
}

export function SettingField({ label, help, controlFirst = false, children }: SettingFieldProps) {
  const inputId = useId();
  const helpId = useId();
  const labelElement = <label htmlFor={inputId}>{label}</label>;
  return (
    <div className={controlFirst ? 'setting setting-inline' : 'setting'}>
      <div className="setting-row">
        {controlFirst ? null : labelElement}
        {children({ inputId, helpId })}
        {controlFirst ? labelElement : null}
      </div>
      <p id={helpId} className="setting-help">
        {help}
      </p>
    </div>
  );
}
