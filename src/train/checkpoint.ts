import type { ExperimentConfig } from '../core/config';

/**
 * Everything a run needs to go on elsewhere (a new worker after the old one died): the model's flat vectors,
 * the optimiser's state and the step. Batches and augmentations are a function of (seed, step), so a run resumed
 * from a checkpoint takes exactly the steps the original would have taken.
 */
export interface Checkpoint {
  config: ExperimentConfig;
  step: number;
  params: Float32Array;
  /** BYOL's target network (null without one). */
  target: Float32Array | null;
  optimizer: { steps: number; buffers: Float32Array[] };
  /** Running statistics: embedding mean, variance, predictor mean, variance. */
  running: Float32Array[];
  /** The loss sum and count since the last snapshot, and the latest loss. */
  losses: { sum: number; count: number; latest: number };
}

/** The arrays of a checkpoint, for postMessage's transfer list. */
export function checkpointBuffers(checkpoint: Checkpoint): ArrayBuffer[] {
  const arrays = [checkpoint.params, checkpoint.target, ...checkpoint.optimizer.buffers, ...checkpoint.running];
  return arrays.filter((a): a is Float32Array => a !== null).map((a) => a.buffer as ArrayBuffer);
}
