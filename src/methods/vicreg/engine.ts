import * as tf from '@tensorflow/tfjs';
import { matMul } from '../../ssl/matMul';
import { offDiagonalSquareSum } from '../../ssl/losses';
import type { LossInputs } from '../../ssl/model';
import type { MethodEngine } from '../method';

/** ε inside the square root of the variance term (the paper's). */
const VARIANCE_EPSILON = 1e-4;

/** s(Z, Z′): the mean squared error between the two views, over batch and dimensions (as the official code). */
export function vicregInvariance(z1: tf.Tensor2D, z2: tf.Tensor2D): tf.Scalar {
  return tf.mean(tf.squaredDifference(z1, z2)) as tf.Scalar;
}

/** v(Z) = mean_j max(0, 1 − √(Var_j + ε)), the variance over the batch with N − 1: a hinge on each dimension's std. */
export function vicregVariance(z: tf.Tensor2D): tf.Scalar {
  const n = z.shape[0];
  const unbiased = tf.mul(tf.moments(z, 0).variance, n / (n - 1));
  return tf.mean(tf.relu(tf.sub(1, tf.sqrt(tf.add(unbiased, VARIANCE_EPSILON))))) as tf.Scalar;
}

/** c(Z) = Σ_{i≠j} Cov_ij² / d, the covariance over the batch with N − 1. */
export function vicregCovariance(z: tf.Tensor2D): tf.Scalar {
  const [n, d] = z.shape;
  const centred = tf.sub(z, tf.mean(z, 0, true)) as tf.Tensor2D;
  const covariance = tf.div(matMul(tf.transpose(centred), centred), n - 1) as tf.Tensor2D;
  return tf.div(offDiagonalSquareSum(covariance), d) as tf.Scalar;
}

/**
 * VICReg (Bardes et al. 2022): L = w_inv·s(Z, Z′) + w_var·[v(Z) + v(Z′)] + w_cov·[c(Z) + c(Z′)] on the raw
 * projections (no l2 normalisation), the two branches' terms summed as in the paper. The variance term is what
 * prevents complete collapse; the covariance term prevents dimensional collapse.
 */
export function vicregLoss({ z, config }: LossInputs): tf.Scalar {
  const weight = (on: boolean, value: number) => (on ? value : 0);
  // A switched-off term keeps weight 0 rather than leaving the graph: with all off the gradient is zero, not an error.
  return tf.addN([
    tf.mul(vicregInvariance(z.first, z.second), weight(config.invariance, config.invarianceWeight)),
    tf.mul(tf.add(vicregVariance(z.first), vicregVariance(z.second)), weight(config.variance, config.varianceWeight)),
    tf.mul(tf.add(vicregCovariance(z.first), vicregCovariance(z.second)), weight(config.covariance, config.covarianceWeight)),
  ]) as tf.Scalar;
}

export const vicregEngine: MethodEngine = {
  loss: vicregLoss,
  model: () => ({ target: false, prototypes: null }),
  trains: () => ({ predictor: false, prototypes: false }),
};
