/**
 * Alignment (Wang & Isola 2020, "Understanding Contrastive Representation Learning through Alignment and
 * Uniformity on the Hypersphere", §4.1): L_align = E_{(x,y) ~ positive pairs} ||f(x) − f(y)||_2^α.
 * Row i of `a` and row i of `b` are the two views of one input; both are row-major `count × dim` and
 * already l2-normalised (the paper's f maps to the sphere), so the value lies in [0, 2^α]:
 * 0 when every pair coincides, 2^α when every pair is antipodal. Lower is better.
 */
export function alignment(a: Float32Array, b: Float32Array, dim: number, alpha = 2): number {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`alignment: dim must be a positive integer, got ${dim}`);
  if (a.length % dim !== 0) throw new Error(`alignment: a has length ${a.length}, not a multiple of dim ${dim}`);
  if (a.length !== b.length) {
    throw new Error(`alignment: a and b must hold the same number of rows (${a.length / dim} vs ${b.length / dim})`);
  }
  if (a.length === 0) throw new Error('alignment: needs at least one positive pair');
  if (!(alpha > 0)) throw new Error(`alignment: alpha must be > 0, got ${alpha}`);

  const count = a.length / dim;
  // The paper's default α = 2 needs no pow: ||·||² is the sum of squares itself.
  const halfAlpha = alpha / 2;
  let total = 0;
  for (let i = 0; i < count; i++) {
    const sq = pairSquaredDistance(a, b, i, dim);
    total += halfAlpha === 1 ? sq : Math.pow(sq, halfAlpha);
  }
  return total / count;
}

/** ‖a_i − b_i‖² of row i of two row-major (count × dim) arrays: one positive pair's squared distance. */
export function pairSquaredDistance(a: Float32Array, b: Float32Array, i: number, dim: number): number {
  const base = i * dim;
  let sq = 0;
  for (let j = 0; j < dim; j++) {
    const diff = a[base + j]! - b[base + j]!;
    sq += diff * diff;
  }
  return sq;
}
