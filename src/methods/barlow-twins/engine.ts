import * as tf from '@tensorflow/tfjs';
import { matMul } from '../../ssl/matMul';
import { offDiagonalSquareSum } from '../../ssl/losses';
import type { LossInputs } from '../../ssl/model';
import type { MethodEngine } from '../method';

/** ε inside the square root of the standardisation: PyTorch BatchNorm's, as the official code uses one. */
const STANDARDIZE_EPSILON = 1e-5;

/**
 * Each dimension standardised over the batch, (z − mean) / √(var + ε) with the biased variance (÷ N): an
 * affine-free BatchNorm in training mode, as in the official Barlow Twins code.
 */
function batchStandardize(z: tf.Tensor2D): tf.Tensor2D {
  const { mean, variance } = tf.moments(z, 0, true);
  return tf.mul(tf.sub(z, mean), tf.rsqrt(tf.add(variance, STANDARDIZE_EPSILON)));
}

/** C = z̃1ᵀ z̃2 / N of the two views' standardised projections: d × d, each entry a correlation in [−1, 1]. */
export function crossCorrelation(z1: tf.Tensor2D, z2: tf.Tensor2D): tf.Tensor2D {
  return tf.div(matMul(tf.transpose(batchStandardize(z1)), batchStandardize(z2)), z1.shape[0]);
}

/** Σ_i (1 − C_ii)²: the invariance term, each dimension of one view correlated 1 with the same one of the other. */
export function barlowInvariance(c: tf.Tensor2D): tf.Scalar {
  const diagonal = tf.sum(tf.mul(c, tf.eye(c.shape[0])), 1);
  return tf.sum(tf.square(tf.sub(1, diagonal))) as tf.Scalar;
}

/**
 * Barlow Twins (Zbontar et al. 2021): L = Σ_i (1 − C_ii)² + λ·Σ_{i≠j} C_ij² on the raw projections (no l2
 * normalisation). The off-diagonal term decorrelates the dimensions; without it nothing stops them from all
 * carrying the same signal (dimensional collapse), while the standardisation keeps every one spread.
 */
export function barlowTwinsLoss({ z, config }: LossInputs): tf.Scalar {
  const c = crossCorrelation(z.first, z.second);
  // A switched-off term keeps weight 0 rather than leaving the graph, as in the other methods.
  return tf.add(barlowInvariance(c), tf.mul(offDiagonalSquareSum(c), config.offDiagonal ? config.barlowLambda : 0)) as tf.Scalar;
}

export const barlowTwinsEngine: MethodEngine = {
  loss: barlowTwinsLoss,
  model: () => ({ target: false, prototypes: null }),
  trains: () => ({ predictor: false, prototypes: false }),
};
