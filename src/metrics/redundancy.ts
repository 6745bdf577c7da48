/**
 * What redundancy reduction looks at (Barlow Twins, VICReg), measured on the raw projector outputs z of the
 * evaluation set's two views (before l2 normalisation, as the losses see them):
 * - the cross-correlation matrix C of the two views' standardised z (Barlow Twins drives it to the identity:
 *   1 on the diagonal, the views agree per dimension; 0 off it, the dimensions carry different information);
 * - each dimension's std over the images, √(Var + 1e-4), which VICReg's variance hinge keeps at 1 or more;
 * - the covariance matrix of view 1, whose off-diagonal VICReg's covariance term drives to 0.
 * Matrices are the top-left `size` × `size` block (d ≤ size: all of it), so a snapshot stays small at any d.
 */

/** Matrices larger than this are shown as their top-left block. */
export const REDUNDANCY_BLOCK = 32;
const STANDARDIZE_EPSILON = 1e-5;
const VARIANCE_EPSILON = 1e-4;

export interface RedundancyFigures {
  /** The side of the matrices: min(d, REDUNDANCY_BLOCK). */
  size: number;
  /** size × size, row-major: C_ij between view 1's dimension i and view 2's dimension j, in [−1, 1]. */
  crossCorrelation: number[];
  /** size × size, row-major, view 1's covariance (N − 1). */
  covariance: number[];
  /** d values: view 1's std per dimension, √(Var + 1e-4) with N − 1. */
  std: number[];
}

/** `view1` and `view2` are count × dim rows of raw z, image i's two views in row i of each. */
export function redundancyFigures(view1: Float32Array, view2: Float32Array, count: number, dim: number): RedundancyFigures {
  const size = Math.min(dim, REDUNDANCY_BLOCK);
  const first = columnMoments(view1, count, dim);
  const second = columnMoments(view2, count, dim);
  const crossCorrelation = new Array<number>(size * size).fill(0);
  const covariance = new Array<number>(size * size).fill(0);
  for (let r = 0; r < count; r++) {
    const a = r * dim;
    for (let i = 0; i < size; i++) {
      const centredI = view1[a + i]! - first.mean[i]!;
      for (let j = 0; j < size; j++) {
        covariance[i * size + j]! += centredI * (view1[a + j]! - first.mean[j]!);
        crossCorrelation[i * size + j]! += centredI * (view2[a + j]! - second.mean[j]!);
      }
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      covariance[i * size + j]! /= count - 1;
      // Standardised with the biased variance and ε inside the root, as Barlow Twins' affine-free BatchNorm.
      const scale = Math.sqrt((first.sumSquares[i]! / count + STANDARDIZE_EPSILON) * (second.sumSquares[j]! / count + STANDARDIZE_EPSILON));
      crossCorrelation[i * size + j] = crossCorrelation[i * size + j]! / count / scale;
    }
  }
  const std = Array.from(first.sumSquares, (sum) => Math.sqrt(sum / (count - 1) + VARIANCE_EPSILON));
  return { size, crossCorrelation, covariance, std };
}

/** Per column: the mean and the sum of squared deviations from it (two passes, for accuracy in float64). */
function columnMoments(rows: Float32Array, count: number, dim: number): { mean: Float64Array; sumSquares: Float64Array } {
  const mean = new Float64Array(dim);
  const sumSquares = new Float64Array(dim);
  for (let r = 0; r < count; r++) for (let k = 0; k < dim; k++) mean[k]! += rows[r * dim + k]!;
  for (let k = 0; k < dim; k++) mean[k]! /= count;
  for (let r = 0; r < count; r++) {
    for (let k = 0; k < dim; k++) {
      const centred = rows[r * dim + k]! - mean[k]!;
      sumSquares[k]! += centred * centred;
    }
  }
  return { mean, sumSquares };
}
