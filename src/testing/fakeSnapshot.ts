/** Small fake snapshots for the history, timeline, export and report tests. */
import type { Snapshot } from '../train/snapshot';

/** A snapshot of `count` points at d = 3 (count × 3 × 4 bytes of embeddings) with the given figures. */
export function fakeSnapshot(step: number, options: { count?: number; collapseStd?: number; uniformity?: number; knn?: number | null; linear?: number | null } = {}): Snapshot {
  const count = options.count ?? 2;
  const collapseStd = options.collapseStd ?? 0.5;
  return {
    step,
    dim: 3,
    loss: step === 0 ? null : -0.5,
    collapseStd,
    stdScaled: collapseStd * Math.sqrt(3),
    alignment: 0.4,
    uniformity: options.uniformity ?? -1.5,
    effectiveRank: 2.6,
    knnZ: options.knn ?? null,
    knnH: options.knn ?? null,
    linearZ: options.linear ?? null,
    linearH: options.linear ?? null,
    spectrum: [0.4, 0.35, 0.25],
    // Every pair at ‖f(x) − f(y)‖² in [0.4, 0.5): the alignment's 0.4 (40 bins of 0.1 over [0, 4]).
    pairDistances: Array.from({ length: 40 }, (_, k) => (k === 4 ? 1 : 0)),
    embeddings: new Float32Array(count * 3).fill(step),
    labels: new Uint8Array(count),
    pairs: new Float32Array(0),
    pairCount: 0,
    redundancy: null,
    evalMs: 1,
    metricsMs: 1,
    probeMs: options.linear === undefined || options.linear === null ? null : 1,
  };
}
