/** React access to the run's recorder (history, collapse state, timeline), with throttled history updates. */
import { useCallback, useSyncExternalStore } from 'react';
import { useLabContext } from '../labContext';
import { createPatchThrottle } from '../patchThrottle';
import type { RunRecorder } from './runRecorder';

/** Panels that read the history re-render at most this often, however fast snapshots come. */
export const HISTORY_RENDER_INTERVAL_MS = 250;

export function useRecorder(): RunRecorder {
  return useLabContext().client.recorder;
}

/** The history's version, re-rendering the caller at most every HISTORY_RENDER_INTERVAL_MS. */
export function useHistoryVersion(): number {
  const { history } = useRecorder();
  const subscribe = useCallback(
    (notify: () => void) => {
      // The figures' throttle, with nothing to merge: the first change at once, then at most one per interval.
      const throttle = createPatchThrottle<object>(notify, HISTORY_RENDER_INTERVAL_MS);
      const unsubscribe = history.subscribe(() => throttle.push({}));
      return () => {
        unsubscribe();
        throttle.cancel();
      };
    },
    [history],
  );
  return useSyncExternalStore(subscribe, () => history.getVersion());
}
