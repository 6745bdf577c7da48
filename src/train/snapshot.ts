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
  /** Milliseconds spent embedding the evaluation set and reading it back. */
  evalMs: number;
}
