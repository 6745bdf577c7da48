import * as tf from '@tensorflow/tfjs';

/** Rows scaled to unit length; the floor keeps the gradient finite for an all-zero row. */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), 1, true), 1e-12)));
}

/** −mean cos(p, z) over rows: SimSiam's D(p, z); −1 when every pair points the same way. */
export function negativeCosine(p: tf.Tensor2D, z: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(l2Normalize(p), l2Normalize(z)), 1))) as tf.Scalar;
}
