import * as tf from '@tensorflow/tfjs';

/**
 * Sinkhorn-Knopp (SwAV, Caron et al. 2020): turns prototype scores [B, K] into soft codes whose
 * assignments are spread equally over the K prototypes across the batch (each prototype receives B/K
 * of the mass) while each sample's code sums to 1. This equipartition is SwAV's hidden uniformity term.
 * Returns codes [B, K] with rows summing to 1; no gradient is meant to flow through it.
 */
export function sinkhorn(scores: tf.Tensor2D, epsilon: number, iterations: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [batch, prototypes] = scores.shape;
    // Subtracting the max changes nothing after normalisation and keeps exp() finite.
    let q = tf.exp(tf.div(tf.sub(scores, tf.max(scores)), epsilon));
    q = tf.div(q, tf.sum(q));
    for (let i = 0; i < iterations; i++) {
      q = tf.div(tf.div(q, tf.sum(q, 0, true)), prototypes); // each prototype gets 1/K of the mass
      q = tf.div(tf.div(q, tf.sum(q, 1, true)), batch); // each sample gets 1/B
    }
    return tf.mul(q, batch) as tf.Tensor2D;
  });
}
