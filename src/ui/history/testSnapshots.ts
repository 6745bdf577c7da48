/** Small fake snapshots for the history and timeline tests. */
import type { Snapshot } from '../../worker/protocol';

/** A snapshot of `count` points at d = 3 (count × 3 × 4 bytes of embeddings) with the given figures. */
export function fakeSnapshot(step: number, options: { count?: number; collapseStd?: number; uniformity?: number; knn?: number | null } = {}): Snapshot {
  const count = options.count ?? 2;
  return {
    step,
    dim: 3,
    embeddings: new Float32Array(count * 3).fill(step),
    labels: new Uint8Array(count),
    loss: -0.5,
    collapseStd: options.collapseStd ?? 0.5,
    metrics: {
      alignment: 0.4,
      uniformity: options.uniformity ?? -1.5,
      effectiveRank: 2.6,
      knnProjector: options.knn ?? null,
      knnEncoder: options.knn ?? null,
    },
    pairs: new Float32Array(0),
    pairCount: 0,
    evalMs: 1,
    metricsMs: 1,
  };
}
