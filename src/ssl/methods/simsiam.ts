import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../core/config';
import type { Mode } from '../layers';
import { negativeCosine } from '../losses';
import type { SslModel } from '../model';
import { stopGradient } from '../stopGradient';

/**
 * SimSiam (Chen & He 2021): symmetrised negative cosine between each view's prediction and the other
 * view's projection, L = ½ D(p1, sg(z2)) + ½ D(p2, sg(z1)). The stop-gradient is what prevents
 * collapse; so does the predictor. Either switch off and every image maps to one point.
 */
/** One direction of the loss: D(p, z) with the target z behind a stop-gradient when asked. */
export function simsiamTerm(p: tf.Tensor2D, z: tf.Tensor2D, stopGrad: boolean): tf.Scalar {
  return negativeCosine(p, stopGrad ? stopGradient(z) : z);
}

export function simsiamLoss(
  model: SslModel,
  view1: tf.Tensor2D,
  view2: tf.Tensor2D,
  mode: Mode,
  config: Pick<ExperimentConfig, 'stopGrad' | 'predictor'>,
): tf.Scalar {
  const z1 = model.embed(view1, mode);
  const z2 = model.embed(view2, mode);
  const predict = (z: tf.Tensor2D) => (config.predictor ? model.predictor.apply(z, mode) : z);
  const p1 = predict(z1);
  const p2 = predict(z2);
  return tf.mul(tf.add(simsiamTerm(p1, z2, config.stopGrad), simsiamTerm(p2, z1, config.stopGrad)), 0.5);
}
