/** The scalar figures of one snapshot: what the charts, the metrics panel and collapse detection read. */
import type { Snapshot } from '../../worker/protocol';

export interface MetricPoint {
  step: number;
  dim: number;
  /** Mean training loss since the previous snapshot (NaN before the first step). */
  loss: number;
  /** Collapse std × √d: ≈ 1 when the points spread over the sphere, 0 when collapsed, for any d. */
  stdScaled: number;
  alignment: number;
  uniformity: number;
  effectiveRank: number;
  /** kNN accuracy on the projector output z; NaN when not measured at this snapshot. */
  knnZ: number;
  /** kNN accuracy on the encoder features h; NaN when not measured at this snapshot. */
  knnH: number;
}

export type MetricKey = Exclude<keyof MetricPoint, 'step' | 'dim'>;

export function metricPointOf(snapshot: Snapshot): MetricPoint {
  const { metrics } = snapshot;
  return {
    step: snapshot.step,
    dim: snapshot.dim,
    loss: snapshot.loss,
    stdScaled: snapshot.collapseStd * Math.sqrt(snapshot.dim),
    alignment: metrics.alignment,
    uniformity: metrics.uniformity,
    effectiveRank: metrics.effectiveRank,
    knnZ: metrics.knnProjector ?? NaN,
    knnH: metrics.knnEncoder ?? NaN,
  };
}
