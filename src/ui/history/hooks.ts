/** React access to the run's recorder (history, collapse state, timeline), with throttled history updates. */
import { useCallback, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { SnapshotFigures } from '../../metrics/snapshotFigures';
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

/**
 * The figures of the snapshot on the sphere — the latest, or the one the timeline holds — with its index in
 * the history and the timeline's step (null when live). Re-renders as useHistoryVersion does.
 */
export function useShownFigures(): { index: number; point: SnapshotFigures | undefined; shownStep: number | null } {
  const recorder = useRecorder();
  useHistoryVersion();
  const shownStep = useStore(recorder.timeline.store, (state) => state.shownStep);
  const index = shownMetricIndex(recorder);
  return { index, point: recorder.history.metrics.at(index), shownStep };
}

/** The metric point the run shows: the latest, or the last one at or before the step the timeline shows. */
export function shownMetricIndex({ history, timeline }: RunRecorder): number {
  const { shownStep } = timeline.store.getState();
  const { metrics } = history;
  return shownStep === null ? metrics.length - 1 : metrics.indexAtOrBefore(shownStep);
}
