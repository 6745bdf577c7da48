import * as tf from '@tensorflow/tfjs';
import { negativeCosine } from '../../ssl/losses';
import { stopGradient } from '../../ssl/stopGradient';
import type { LossInputs } from '../../ssl/model';
import type { MethodEngine } from '../method';

/** One direction of the loss: D(p, z) with the target z behind a stop-gradient when asked. */
export function simsiamTerm(p: tf.Tensor2D, z: tf.Tensor2D, stopGrad: boolean): tf.Scalar {
  return negativeCosine(p, stopGrad ? stopGradient(z) : z);
}

/**
 * SimSiam (Chen & He 2021): symmetrised negative cosine between each view's prediction and the other
 * view's projection, L = ½ D(p1, sg(z2)) + ½ D(p2, sg(z1)). The stop-gradient is what prevents
 * collapse; so does the predictor. Either switch off and every image maps to one point.
 */
export function simsiamLoss({ z, predict, config }: LossInputs): tf.Scalar {
  const p = config.predictor ? predict(z) : z;
  return tf.mul(tf.add(simsiamTerm(p.first, z.second, config.stopGrad), simsiamTerm(p.second, z.first, config.stopGrad)), 0.5) as tf.Scalar;
}

export const simsiamEngine: MethodEngine = {
  loss: simsiamLoss,
  model: () => ({ target: false, prototypes: null }),
  trains: (config) => ({ predictor: config.predictor, prototypes: false }),
};
