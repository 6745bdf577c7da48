/**
 * The latest evaluation snapshot, outside React: the worker client writes it, the sphere view reads it
 * in its animation loop and redraws only when `version` moved. Keeping the arrays out of React state
 * means a new snapshot costs no re-render.
 */
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
}

export function createLiveSnapshot(): LiveSnapshot {
  return { version: 0, step: 0, dim: 3, count: 0, embeddings: new Float32Array(0), labels: new Uint8Array(0) };
}

export function publishSnapshot(live: LiveSnapshot, snapshot: Snapshot): void {
  live.step = snapshot.step;
  live.dim = snapshot.dim;
  live.count = snapshot.labels.length;
  live.embeddings = snapshot.embeddings;
  live.labels = snapshot.labels;
  live.version++;
}

/** Empties the view when a run restarts: the old model's points no longer mean anything. */
export function clearSnapshot(live: LiveSnapshot): void {
  live.count = 0;
  live.embeddings = new Float32Array(0);
  live.labels = new Uint8Array(0);
  live.version++;
}
