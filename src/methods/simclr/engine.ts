import * as tf from '@tensorflow/tfjs';
import { l2Normalize, offDiagonalLogSumExp, rowCosine, similarity } from '../../ssl/losses';
import type { LossInputs } from '../../ssl/model';
import type { MethodEngine } from '../method';

/**
 * NT-Xent (SimCLR, Chen et al. 2020) over the 2N views of a batch: each view's positive is its
 * partner; the other 2N − 2 views are its negatives. With `negatives` off only the positive term
 * remains, −mean cos/τ: alignment alone, whose minimum (−1/τ) is every image at one point.
 */
export function ntXent(z1: tf.Tensor2D, z2: tf.Tensor2D, temperature: number, negatives: boolean): tf.Scalar {
  const positive = tf.div(rowCosine(z1, z2), temperature);
  if (!negatives) return tf.neg(tf.mean(positive)) as tf.Scalar;
  const views = l2Normalize(tf.concat([z1, z2], 0));
  const logits = tf.div(similarity(views, views), temperature) as tf.Tensor2D;
  // −log softmax at the partner = logsumexp over the row's other views − the positive logit (same for both halves).
  const partnerLogits = tf.concat([positive, positive], 0);
  return tf.mean(tf.sub(offDiagonalLogSumExp(logits), partnerLogits)) as tf.Scalar;
}

function simclrLoss({ z, config }: LossInputs): tf.Scalar {
  return ntXent(z.first, z.second, config.temperature, config.negatives);
}

export const simclrEngine: MethodEngine = {
  loss: simclrLoss,
  model: () => ({ target: false, prototypes: null }),
  trains: () => ({ predictor: false, prototypes: false }),
};
