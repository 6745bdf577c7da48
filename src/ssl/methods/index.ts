import type * as tf from '@tensorflow/tfjs';
import type { ConfigKey, ExperimentConfig, MethodName } from '../../core/config';
import type { Mode } from '../layers';
import type { SslModel } from '../model';
import { simsiamLoss } from './simsiam';

/** A method is data plus one loss function over the shared networks; the training loop is shared. */
export interface MethodSpec {
  title: string;
  /** The config switches that apply to this method (the UI shows only these). */
  switches: ConfigKey[];
  /** Whether the predictor's variables take part in training under this config. */
  usesPredictor: (config: ExperimentConfig) => boolean;
  loss: (model: SslModel, view1: tf.Tensor2D, view2: tf.Tensor2D, mode: Mode, config: ExperimentConfig) => tf.Scalar;
}

export const methods: Record<MethodName, MethodSpec> = {
  simsiam: {
    title: 'SimSiam',
    switches: ['stopGrad', 'predictor'],
    usesPredictor: (config) => config.predictor,
    loss: simsiamLoss,
  },
};
