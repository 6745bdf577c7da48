import * as tf from '@tensorflow/tfjs';

/**
 * Sinkhorn-Knopp (SwAV, Caron et al. 2020): turns prototype scores [B, K] into soft codes whose
 * assignments are spread equally over the K prototypes across the batch (each prototype receives B/K
 * of the mass) while each sample's code sums to 1. This equipartition is SwAV's hidden uniformity term.
 * Returns codes [B, K] with rows summing to 1; no gradient is meant to flow through it.
 *
 * It runs on log codes: in float32, exp(s/ε) of a sample scoring well below the batch's best score underflows
 * to a row of zeros once ε is small (0.015 already: scores 1 and −0.7 give e^−113), and 0/0 makes the codes NaN.
 * Constant factors (the first normalisation, the 1/K and 1/B shares) are dropped: the next normalisation
 * removes them, and the last one leaves rows summing to 1.
 */
export function sinkhorn(scores: tf.Tensor2D, epsilon: number, iterations: number): tf.Tensor2D {
  return tf.tidy(() => {
    let logQ: tf.Tensor = tf.div(scores, epsilon);
    for (let i = 0; i < iterations; i++) {
      logQ = tf.sub(logQ, tf.logSumExp(logQ, 0, true)); // each prototype gets an equal share of the mass
      logQ = tf.sub(logQ, tf.logSumExp(logQ, 1, true)); // each sample's code sums to 1
    }
    return tf.exp(logQ) as tf.Tensor2D;
  });
}
