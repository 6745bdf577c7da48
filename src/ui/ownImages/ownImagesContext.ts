/** The page's own images for components: one slice of the store, re-rendering when it changes. */
import { useStore } from 'zustand';
import { usePageController } from '../page/pageControllerContext';
import type { OwnImagesState, OwnImagesStore } from './ownImagesStore';

export function useOwnImagesStore(): OwnImagesStore {
  return usePageController().ownImages;
}

export function useOwnImages<T>(selector: (state: OwnImagesState) => T): T {
  return useStore(useOwnImagesStore(), selector);
}
