/**
 * The latest evaluation snapshot, outside React: the worker client writes it, the sphere view reads it
 * in its animation loop and redraws only when `version` moved. Keeping the arrays out of React state
 * means a new snapshot costs no re-render.
 */
import type { ImageChannels } from '../data/datasetFormat';
import type { Snapshot } from '../worker/protocol';

export interface LiveSnapshot {
  /** Bumped on every change; 0 = nothing yet. */
  version: number;
  step: number;
  dim: number;
  count: number;
  /** count × dim, l2-normalised rows. */
  embeddings: Float32Array;
  labels: Uint8Array;
  /** The two augmented views' embeddings of the first `pairCount` images: view 1 rows, then view 2 rows. */
  pairs: Float32Array;
  pairCount: number;
  /** The evaluation images behind the points (count × imageChannels × imageSize² bytes), sent once per model. */
  images: Uint8Array;
  imageSize: number;
  imageChannels: ImageChannels;
}

export function createLiveSnapshot(): LiveSnapshot {
  return {
    version: 0,
    step: 0,
    dim: 3,
    count: 0,
    embeddings: new Float32Array(0),
    labels: new Uint8Array(0),
    pairs: new Float32Array(0),
    pairCount: 0,
    images: new Uint8Array(0),
    imageSize: 0,
    imageChannels: 1,
  };
}

/** The evaluation images arrive with each new model (they change only with the dataset). */
export function publishImages(live: LiveSnapshot, images: Uint8Array, imageSize: number, imageChannels: ImageChannels): void {
  live.images = images;
  live.imageSize = imageSize;
  live.imageChannels = imageChannels;
}

export function publishSnapshot(live: LiveSnapshot, snapshot: Snapshot): void {
  live.step = snapshot.step;
  live.dim = snapshot.dim;
  live.count = snapshot.labels.length;
  live.embeddings = snapshot.embeddings;
  live.labels = snapshot.labels;
  live.pairs = snapshot.pairs;
  live.pairCount = snapshot.pairCount;
  live.version++;
}

/** Empties the view when a run restarts: the old model's points no longer mean anything. */
export function clearSnapshot(live: LiveSnapshot): void {
  live.count = 0;
  live.embeddings = new Float32Array(0);
  live.labels = new Uint8Array(0);
  live.pairs = new Float32Array(0);
  live.pairCount = 0;
  live.version++;
}
