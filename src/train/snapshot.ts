import type { RedundancyFigures } from '../metrics/redundancy';
import type { SnapshotFigures } from '../metrics/snapshotFigures';

/** One evaluation of the fixed evaluation set: its figures, and the points to draw. */
export interface Snapshot extends SnapshotFigures {
  /** count × dim, l2-normalised rows. */
  embeddings: Float32Array;
  labels: Uint8Array;
  /**
   * Positive pairs for drawing: the two augmented views' embeddings of the first `pairCount` evaluation
   * images, view 1 rows then view 2 rows (2 × pairCount × dim), l2-normalised.
   */
  pairs: Float32Array;
  pairCount: number;
  /** Redundancy reduction's own views (cross-correlation, stds, covariance), for the methods that show them. */
  redundancy: RedundancyFigures | null;
  /** Milliseconds spent embedding the evaluation set and reading it back. */
  evalMs: number;
  /** Milliseconds spent computing the metrics (kNN and the linear probe included when measured). */
  metricsMs: number;
  /** Of metricsMs, the milliseconds of the two linear probes (z and h); null when they were not measured. */
  probeMs: number | null;
}
