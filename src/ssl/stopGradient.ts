import * as tf from '@tensorflow/tfjs';
import type { CustomGradientFunc } from './blocks';

/**
 * tfjs has no stop-gradient op: an identity whose gradient is zero does the job. The forward value is
 * a clone, so the branch computes the same numbers; backprop sees zeros and nothing reaches the
 * network through this path.
 */
const identityWithZeroGradient = (x: tf.Tensor) => ({
  value: x.clone(),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
});

export const stopGradient = tf.customGrad(identityWithZeroGradient as CustomGradientFunc) as <T extends tf.Tensor>(x: T) => T;
