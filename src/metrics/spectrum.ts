/**
 * The dimensional-collapse spectrum (Jing et al. 2022, "Understanding Dimensional Collapse in Contrastive
 * Self-supervised Learning"): the singular values of the centred, l2-normalised embeddings, sorted descending
 * and divided by their sum. A healthy embedding spreads over every direction (each ≈ 1/d); one that lines up
 * puts most of it on the first (points on a line, or two antipodal clumps: the top share → 1) while the
 * collapse std can still look healthy. Jing et al. plot the log eigenvalues of the covariance, σ²/N of the same
 * matrix; σ/Σσ keeps the scale of RankMe's p_k.
 */
import { singularValues } from './effectiveRank';

/** `rows` is count × dim, l2-normalised. Returns dim shares (zeros past min(count, dim)); all zeros when every row is the same. */
export function spectrum(rows: Float32Array, dim: number): number[] {
  const sigma = singularValues(rows, dim, { centred: true });
  let total = 0;
  for (const value of sigma) total += value;
  const shares = new Array<number>(dim).fill(0);
  if (!(total > 0)) return Number.isNaN(total) ? shares.fill(NaN) : shares;
  sigma.forEach((value, k) => (shares[k] = value / total));
  return shares;
}
