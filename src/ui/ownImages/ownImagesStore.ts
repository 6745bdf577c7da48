/**
 * The user's own images on this page (one set, shared by every run, so a comparison trains every run on them):
 * the decoded training data with its import summary, and the state of an import under way. Each lab's
 * TrainingClient follows this store; the images panel and the page's startup write it.
 */
import { messages } from '../../i18n/messages';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultConfig, type ExperimentConfig, type MethodName, OWN_DATASET, switchMethod } from '../../core/config';
import { methodCatalog } from '../../methods/catalog';
import { methodTitle } from '../language/tables';
import type { SkippedCount } from '../../data/images/imageFolder';
import type { ImportSummary } from '../../data/images/importProtocol';
import type { TrainingData } from '../../data/datasetFormat';

export interface OwnImages {
  data: TrainingData;
  summary: ImportSummary;
  /** Set when the images came from this browser's storage (a previous visit), not from a drop on this page. */
  keptFromEarlier: boolean;
}

export interface OwnImagesState {
  images: OwnImages | null;
  /** An import under way: images decoded of those planned (total 0 while the drop is listed). */
  importing: { done: number; total: number } | null;
  /** Why the latest import gave nothing to train on, with what it found instead. */
  problem: { message: string; skippedCounts: SkippedCount[] } | null;
  /** Why the images could not be kept for the next visit (they still work on this page). */
  storageNote: string | null;
}

export type OwnImagesStore = StoreApi<OwnImagesState>;

export function createOwnImagesStore(images: OwnImages | null = null): OwnImagesStore {
  return createStore<OwnImagesState>()(() => ({ images, importing: null, problem: null, storageNote: null }));
}

/** The built-in dataset a run on missing own images falls back to. */
export const FALLBACK_DATASET = 'fashion-mnist';

/** The notice for a run on own images that are not here, in the current language. */
export const missingImagesNotice = (): string => messages().ownImages.missing;

/** Why `method` cannot train on these own images (it reads labels, and they have none), or null when it can. */
export function unavailableOnOwnImages(method: MethodName, images: OwnImages | null): string | null {
  const unlabelled = images !== null && images.data.train.classNames.length < 2;
  return unlabelled && methodCatalog[method].needsLabels ? messages().ownImages.needsLabels : null;
}

/**
 * A config the page can run: one naming the user's own images when there are none here (a shared link, a
 * settings file, a run report) gets Fashion-MNIST instead, and the notice that says so; one asking a method that
 * reads labels (Supervised) to train on unlabelled own images gets the default method instead, and the notice.
 */
export function runnableConfig(config: ExperimentConfig, images: OwnImages | null): { config: ExperimentConfig; notice: string | null } {
  if (config.dataset !== OWN_DATASET) return { config, notice: null };
  if (!images) return { config: { ...config, dataset: FALLBACK_DATASET }, notice: missingImagesNotice() };
  if (!unavailableOnOwnImages(config.method, images)) return { config, notice: null };
  const fallback = defaultConfig().method;
  const notice = messages().ownImages.methodNeedsLabels({ method: methodTitle(config.method), fallback: methodTitle(fallback) });
  return { config: switchMethod(config, fallback), notice };
}
