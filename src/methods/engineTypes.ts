import type * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../core/config';
import type { LossInputs, SslModel } from '../ssl/model';

/** A method: its loss, what its model holds and trains, and what it does after each optimiser step. */
export interface MethodEngine {
  loss: (inputs: LossInputs) => tf.Scalar;
  /** The parts the model needs beyond the embedding network and the predictor. */
  model: (config: ExperimentConfig) => { target: boolean; prototypes: number | null };
  /** Which optional parts get gradients this step (the embedding network always does). */
  trains: (config: ExperimentConfig) => { predictor: boolean; prototypes: boolean };
  /** E.g. BYOL's EMA update of the target, SwAV's renormalisation of the prototypes. */
  afterStep?: (model: SslModel, config: ExperimentConfig, step: number) => void;
}
