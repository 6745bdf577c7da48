/** Hands the page controller to the controls that change the page (Open comparison, Single run) or act on all its runs. */
import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Lab } from '../labContext';
import type { LabPage, PageController } from './pageController';
import { allCanTrain, anyRunning } from './runCommands';

export const PageControllerContext = createContext<PageController | null>(null);

export function usePageController(): PageController {
  const pages = useContext(PageControllerContext);
  if (!pages) throw new Error('Page controls must be rendered inside <PageControllerContext>.');
  return pages;
}

export function usePage(): LabPage {
  const pages = usePageController();
  return useSyncExternalStore(pages.subscribe, pages.getPage);
}

/** Whether any of the runs is training, and whether all of them can (ready, no report replayed). */
export function useRunsState(labs: readonly Lab[]): { running: boolean; pending: boolean; canTrain: boolean } {
  const subscribe = useCallback(
    (notify: () => void) => {
      const stops = labs.map(({ store }) => store.subscribe(notify));
      return () => stops.forEach((stop) => stop());
    },
    [labs],
  );
  const running = useSyncExternalStore(subscribe, () => anyRunning(labs));
  const pending = useSyncExternalStore(subscribe, () => labs.some(({ store }) => store.getState().commandPending));
  const canTrain = useSyncExternalStore(subscribe, () => allCanTrain(labs));
  return { running, pending, canTrain };
}
