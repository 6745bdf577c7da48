/** Quality and collapse measures of one snapshot, each as its paper defines it (see src/metrics). */
export interface SnapshotMetrics {
  /** Wang & Isola L_align (α = 2) over the evaluation images' two fixed augmented views. */
  alignment: number;
  /** Wang & Isola L_uniform (t = 2) over up to 1,000 evaluation embeddings. */
  uniformity: number;
  /** RankMe effective rank of the evaluation embeddings (1 … d). */
  effectiveRank: number;
  /** kNN accuracy (k = 20, cosine) against the training images, on the projector output z; null when not measured at this snapshot. */
  knnProjector: number | null;
  /** The same on the encoder features h. */
  knnEncoder: number | null;
}

/** One evaluation of the fixed evaluation set. */
export interface Snapshot {
  step: number;
  dim: number;
  /** count × dim, l2-normalised rows. */
  embeddings: Float32Array;
  labels: Uint8Array;
  /** Mean training loss since the previous snapshot (NaN before the first step). */
  loss: number;
  /** Mean over dimensions of the per-dimension std of the normalised output (1/√d healthy, 0 collapsed). */
  collapseStd: number;
  metrics: SnapshotMetrics;
  /**
   * Positive pairs for drawing: the two augmented views' embeddings of the first `pairCount` evaluation
   * images, view 1 rows then view 2 rows (2 × pairCount × dim), l2-normalised.
   */
  pairs: Float32Array;
  pairCount: number;
  /** Milliseconds spent embedding the evaluation set and reading it back. */
  evalMs: number;
  /** Milliseconds spent computing the metrics (kNN included when measured). */
  metricsMs: number;
}
