import * as tf from '@tensorflow/tfjs';
import { constant, type CustomGradientFunc } from './blocks';
import { matMul } from './matMul';

/** Rows scaled to unit length; the floor keeps the gradient finite for an all-zero row. */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.mul(x, tf.rsqrt(tf.maximum(tf.sum(tf.square(x), 1, true), 1e-12)));
}

/** Row-wise cosine similarity of two batches. */
export function rowCosine(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(l2Normalize(a), l2Normalize(b)), 1) as tf.Tensor1D;
}

/** −mean cos(p, z) over rows: SimSiam's D(p, z); −1 when every pair points the same way. */
export function negativeCosine(p: tf.Tensor2D, z: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(rowCosine(p, z))) as tf.Scalar;
}

/** Pairwise similarity matrix a·bᵀ of row vectors. */
export function similarity(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D {
  return matMul(a, tf.transpose(b));
}

/** −1e9 on the diagonal, kept (a new one each step cost two passes over N² entries). */
function diagonalMask(n: number): tf.Tensor2D {
  return constant(`diagonal mask ${n} ${tf.getBackend()}`, () => tf.mul(tf.eye(n), -1e9));
}

/**
 * Per row i of the square logits x, log Σ_{j≠i} exp(x_ij) (tfjs's logSumExp, the diagonal masked out), as one op
 * with a hand-written gradient, softmax(row) · dy: tfjs's own runs ~10 more passes over the N² entries (through
 * its max and the broadcasts), the part of SimCLR and align-uniform that grows fastest with the batch.
 */
export const offDiagonalLogSumExp = tf.customGrad(((x: tf.Tensor2D, save: tf.GradSaveFunc) => {
  const masked = tf.add(x, diagonalMask(x.shape[0]));
  const max = tf.max(masked, 1, true);
  const exps = tf.exp(tf.sub(masked, max));
  const sums = tf.sum(exps, 1, true);
  save([exps, sums]);
  return {
    value: tf.add(tf.reshape(max, [-1]), tf.log(tf.reshape(sums, [-1]))),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [e, sum] = saved as [tf.Tensor2D, tf.Tensor2D];
      return tf.mul(e, tf.div(tf.reshape(dy, [-1, 1]), sum));
    },
  };
}) as CustomGradientFunc) as (x: tf.Tensor2D) => tf.Tensor1D;

/**
 * Wang & Isola's alignment, L_align = E ||x − y||^α over positive pairs (α = 2), on normalised
 * embeddings: 0 when the two views of every image coincide.
 */
export function alignmentLoss(z1: tf.Tensor2D, z2: tf.Tensor2D, alpha = 2): tf.Scalar {
  const distance = tf.sqrt(tf.maximum(tf.sum(tf.square(tf.sub(l2Normalize(z1), l2Normalize(z2))), 1), 1e-12));
  return tf.mean(tf.pow(distance, alpha)) as tf.Scalar;
}

/**
 * Wang & Isola's uniformity, L_uniform = log E exp(−t ||x − y||²) over distinct pairs of a batch, on
 * normalised embeddings (t = 2): 0 when all points coincide, ≈ −2.08 for the uniform 2-sphere.
 * ||x − y||² = 2 − 2 x·y for unit vectors, so −t||x − y||² = 2t·x·y − 2t: the log-sum-exp is taken over the
 * off-diagonal entries of 2t·x·y, row by row and then over the rows, and the constant −2t added after.
 */
export function uniformityLoss(z: tf.Tensor2D, t = 2): tf.Scalar {
  const n = z.shape[0];
  const unit = l2Normalize(z);
  const rows = offDiagonalLogSumExp(tf.mul(similarity(unit, unit), 2 * t) as tf.Tensor2D);
  return tf.sub(tf.logSumExp(rows), 2 * t + Math.log(n * (n - 1))) as tf.Scalar;
}

/** Σ_{i≠j} m_ij² of a square matrix: what Barlow Twins and VICReg push to 0 to decorrelate dimensions. */
export function offDiagonalSquareSum(m: tf.Tensor2D): tf.Scalar {
  return tf.sum(tf.mul(tf.square(m), tf.sub(1, tf.eye(m.shape[0])))) as tf.Scalar;
}
