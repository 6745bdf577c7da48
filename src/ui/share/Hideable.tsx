/** Renders its children unless the link hid this panel (`hide=lessons,settings,…`). */
import type { ReactNode } from 'react';
import type { HideName } from './pageMode';
import { useHidden } from './pageModeContext';

export function Hideable({ name, children }: { name: HideName; children: ReactNode }) {
  return useHidden(name) ? null : children;
}
