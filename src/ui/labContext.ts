/** Hands the store, the worker client and the live snapshot to components, and a typed store hook. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LiveSnapshot } from './liveSnapshot';
import type { SphereOptions, SphereOptionsStore } from './sphere/viewOptions';
import type { LabState, LabStore } from './store';
import type { TrainingClient } from './trainingClient';

export interface Lab {
  store: LabStore;
  client: TrainingClient;
  live: LiveSnapshot;
  /** How this lab's sphere is shown (overlays, hidden classes, point size, ring dimensions). */
  sphereOptions: SphereOptionsStore;
  /** The sphere while one is drawn, for exporting it as an image. */
  sphere: { view: { toPng(): Promise<Blob | null> } | null };
}

export const LabContext = createContext<Lab | null>(null);

export function useLabContext(): Lab {
  const lab = useContext(LabContext);
  if (!lab) throw new Error('Lab components must be rendered inside <LabContext>.');
  return lab;
}

/** Subscribes to one slice of the store; the component re-renders only when that slice changes. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabContext().store, selector);
}

/** One slice of this lab's sphere options. */
export function useSphereOptions<T>(selector: (options: SphereOptions) => T): T {
  return useStore(useLabContext().sphereOptions, selector);
}
