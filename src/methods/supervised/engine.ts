import * as tf from '@tensorflow/tfjs';
import { l2Normalize } from '../../ssl/losses';
import type { Classifier, LossInputs } from '../../ssl/model';
import type { MethodEngine } from '../method';

/**
 * Softmax cross-entropy of a linear classifier on the l2-normalised embedding: mean over the batch of
 * logsumexp(logits) − logit of the true class, logits = (z/‖z‖)·W + b. No temperature on the logits, as in Wang &
 * Isola's code and the reference: on unit-length z their scale is the weight norm, which is free to grow.
 */
export function supervisedCrossEntropy(z: tf.Tensor2D, { weight, bias }: Classifier, labels: tf.Tensor1D): tf.Scalar {
  const logits = tf.add(tf.matMul(l2Normalize(z), weight), bias);
  const trueLogit = tf.sum(tf.mul(logits, tf.oneHot(labels, weight.shape[1])), 1);
  return tf.mean(tf.sub(tf.logSumExp(logits, 1), trueLogit)) as tf.Scalar;
}

/** One augmented view per image, as the reference: the first view's z (BatchNorm takes each view's statistics apart). */
function supervisedLoss({ z, classifier, labels }: LossInputs): tf.Scalar {
  if (!classifier || !labels) throw new Error('The supervised baseline needs its classifier and the batch’s labels.');
  return supervisedCrossEntropy(z.first, classifier, labels);
}

export const supervisedEngine: MethodEngine = {
  loss: supervisedLoss,
  model: () => ({ target: false, prototypes: null, classifier: true }),
  trains: () => ({ predictor: false, prototypes: false }),
};
