/**
 * The alignment histogram (Wang & Isola 2020, Fig. 1, "alignment analysis"): the distribution of
 * ‖f(x) − f(y)‖² over the positive pairs, whose mean is L_align (α = 2, alignment.ts). Both views are
 * l2-normalised, so each squared distance lies in [0, 4]: 0 where a pair coincides, 2 where its views are
 * orthogonal, 4 where they are antipodal. The bins are fixed (40 of width 0.1 over [0, 4]) so that any two
 * snapshots or runs share one axis and overlay bar for bar; 0.1 is fine enough to show a trained run's pairs
 * piled under 0.5 (the paper's aligned encoder) and coarse enough that 2,000 pairs fill the bins they reach.
 */

import { pairSquaredDistance } from './alignment';

/** How many bins, each PAIR_DISTANCE_MAX / PAIR_DISTANCE_BINS wide. */
export const PAIR_DISTANCE_BINS = 40;
/** The largest squared distance of two unit vectors. */
export const PAIR_DISTANCE_MAX = 4;

/**
 * Row i of `a` and of `b` (row-major count × dim, l2-normalised) are the two views of one input. Returns the
 * share of the pairs in each bin (summing to 1); bin k holds [k·0.1, (k+1)·0.1), the last also holds 4 (and a
 * rounding past it). All NaN when any distance is not finite.
 */
export function pairDistanceHistogram(a: Float32Array, b: Float32Array, dim: number): number[] {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`pairDistanceHistogram: dim must be a positive integer, got ${dim}`);
  if (a.length !== b.length || a.length % dim !== 0) {
    throw new Error(`pairDistanceHistogram: a and b must hold the same whole number of rows of ${dim}`);
  }
  if (a.length === 0) throw new Error('pairDistanceHistogram: needs at least one positive pair');
  const count = a.length / dim;
  const shares = new Array<number>(PAIR_DISTANCE_BINS).fill(0);
  const binWidth = PAIR_DISTANCE_MAX / PAIR_DISTANCE_BINS;
  for (let i = 0; i < count; i++) {
    const sq = pairSquaredDistance(a, b, i, dim);
    if (!Number.isFinite(sq)) return shares.fill(NaN);
    const bin = Math.min(PAIR_DISTANCE_BINS - 1, Math.max(0, Math.floor(sq / binWidth)));
    shares[bin]!++;
  }
  return shares.map((n) => n / count);
}
