import type * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../core/config';
import type { Mode } from '../layers';
import type { SslModel } from '../model';

/** Everything a method's loss sees for one step. */
export interface LossInputs {
  model: SslModel;
  view1: tf.Tensor2D;
  view2: tf.Tensor2D;
  mode: Mode;
  config: ExperimentConfig;
}

/** A method: its loss, the variables it trains, and what it does after each optimiser step. */
export interface MethodEngine {
  loss: (inputs: LossInputs) => tf.Scalar;
  trainableVariables: (model: SslModel, config: ExperimentConfig) => tf.Variable[];
  /** E.g. BYOL's EMA update of the target, SwAV's renormalisation of the prototypes. */
  afterStep?: (model: SslModel, config: ExperimentConfig, step: number) => void;
}
