import type * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../core/config';
import type { SslModel, Views } from '../ssl/model';

/** Everything a method's loss sees for one step: both views through the networks it asks for. */
export interface LossInputs {
  /** The online embedding network's output z for both views (training mode, per-view BatchNorm). */
  z: Views;
  /** The predictor applied to both views of an output. */
  predict: (z: Views) => Views;
  /** BYOL's target network on the same views (nothing flows back into it); null when the model has none. */
  target: (() => Views) | null;
  /** SwAV's prototypes, d × K; null when the model has none. */
  prototypes: tf.Tensor2D | null;
  config: ExperimentConfig;
}

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
