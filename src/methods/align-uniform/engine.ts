import * as tf from '@tensorflow/tfjs';
import { alignmentLoss, uniformityLoss } from '../../ssl/losses';
import type { LossInputs } from '../../ssl/model';
import type { MethodEngine } from '../method';

/**
 * Wang & Isola (2020): L = L_align(α = 2) + λ·L_uniform(t = 2), the uniformity averaged over the two
 * views' batches. Each term can be switched off: alignment alone collapses; uniformity alone spreads
 * the points but ignores which images belong together.
 */
function alignUniformLoss({ z, config }: LossInputs): tf.Scalar {
  const align = alignmentLoss(z.first, z.second);
  const uniform = tf.mul(tf.add(uniformityLoss(z.first), uniformityLoss(z.second)), 0.5);
  // A switched-off term keeps weight 0 rather than leaving the graph: with both off the gradient is
  // zero and nothing moves, instead of an error.
  return tf.add(tf.mul(align, config.alignment ? 1 : 0), tf.mul(uniform, config.uniformity ? config.lambda : 0)) as tf.Scalar;
}

export const alignUniformEngine: MethodEngine = {
  loss: alignUniformLoss,
  model: () => ({ target: false, prototypes: null }),
  trains: () => ({ predictor: false, prototypes: false }),
};
