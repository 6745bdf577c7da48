/** Hands the page mode (classroom, embed, hidden controls) to components. */
import { createContext, useContext } from 'react';
import { type HideName, normalPage, type PageMode } from './pageMode';

export const PageModeContext = createContext<PageMode>(normalPage);

/** Whether the link asked to hide this control or panel. */
export function useHidden(name: HideName): boolean {
  return useContext(PageModeContext).hidden.has(name);
}
