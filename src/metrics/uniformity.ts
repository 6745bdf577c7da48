/**
 * Uniformity (Wang & Isola 2020, §4.1): L_uniform = log E_{x,y ~ data} exp(−t ||f(x) − f(y)||²), estimated
 * over the distinct pairs i < j exactly as the paper's `torch.pdist(x).pow(2).mul(-t).exp().mean().log()`.
 * Lower is better: 0 when every point is the same, about −2.08 (t = 2) for points spread uniformly over S².
 */

/** The asymptotic optimum on S² (d = 3) at t = 2: for u = cos θ uniform on [−1, 1],
 *  E exp(−2t(1 − u)) = (1 − e^{−4t}) / (4t). */
export const UNIFORMITY_BOUND_S2 = Math.log((1 - Math.exp(-8)) / 8);

/** Rows compared at once in the pair loop. */
const LANES = 4;

/**
 * `x` is row-major `count × dim` (l2-normalised for the paper's meaning, though any points work).
 * Only the first `maxPoints` rows are used, so the cost is at most maxPoints²/2 pairs: the evaluation set
 * is not sorted by class, so its first rows are a fair sample, and the value is deterministic.
 */
export function uniformity(x: Float32Array, dim: number, t = 2, maxPoints = 1000): number {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`uniformity: dim must be a positive integer, got ${dim}`);
  if (x.length % dim !== 0) throw new Error(`uniformity: x has length ${x.length}, not a multiple of dim ${dim}`);
  if (!(t > 0) || !Number.isFinite(t)) throw new Error(`uniformity: t must be a positive number, got ${t}`);
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new Error(`uniformity: maxPoints must be an integer ≥ 2, got ${maxPoints}`);
  }
  const count = Math.min(x.length / dim, maxPoints);
  if (count < 2) throw new Error(`uniformity: needs at least 2 rows, got ${count}`);

  // Float64 copy padded with LANES − 1 zero rows, so the last block of a row needs no separate tail loop
  // (the padding lanes are computed and ignored). Float64 reads also skip a float32→double conversion.
  const rows = new Float64Array((count + LANES - 1) * dim);
  for (let i = 0; i < count * dim; i++) rows[i] = x[i]!;
  const sq = new Float64Array(LANES);

  // Streaming log-sum-exp: keep the running maximum m of the exponents v = −t·||xi − xj||² and
  // s = Σ exp(v − m), rescaling s when m grows, so nothing under- or overflows whatever t and the spread.
  let m = -Infinity;
  let s = 0;
  for (let i = 0; i < count - 1; i++) {
    const bi = i * dim;
    for (let j = i + 1; j < count; j += LANES) {
      // Row i against rows j..j+3 at once: each x_i value is loaded once for four distances (~2.5× faster
      // than one pair at a time at d = 128).
      const b0 = j * dim;
      const b1 = b0 + dim;
      const b2 = b1 + dim;
      const b3 = b2 + dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < dim; k++) {
        const v = rows[bi + k]!;
        const e0 = v - rows[b0 + k]!;
        const e1 = v - rows[b1 + k]!;
        const e2 = v - rows[b2 + k]!;
        const e3 = v - rows[b3 + k]!;
        s0 += e0 * e0;
        s1 += e1 * e1;
        s2 += e2 * e2;
        s3 += e3 * e3;
      }
      sq[0] = s0;
      sq[1] = s1;
      sq[2] = s2;
      sq[3] = s3;
      const lanes = Math.min(LANES, count - j);
      for (let l = 0; l < lanes; l++) {
        const v = -t * sq[l]!;
        if (v <= m) {
          s += Math.exp(v - m);
        } else {
          s = s * Math.exp(m - v) + 1;
          m = v;
        }
      }
    }
  }
  const pairs = (count * (count - 1)) / 2;
  return m + Math.log(s) - Math.log(pairs);
}

/** Simpson intervals for the angle integral: the integrand's narrowest feature (width ~ 1/√d or 1/√t) is still
 *  ~20 steps wide at d = 4096 or t = 1000, far beyond what a chart uses; the cost is ~4k exp/pow calls. */
const SIMPSON_INTERVALS = 4096;

/**
 * The uniformity of the uniform distribution on S^{dim−1}: the large-sample value an encoder that spreads its
 * points perfectly would reach (a finite set of n points can sit slightly below it, by O(1/n), because the
 * paper's mean skips the i = j pairs). For two independent uniform points the angle θ between them has
 * density ∝ sin^{dim−2} θ on [0, π] and ||x − y||² = 2 − 2 cos θ, so
 *   E exp(−t||x − y||²) = ∫ exp(−2t(1 − cos θ)) sin^{dim−2} θ dθ / ∫ sin^{dim−2} θ dθ,
 * integrated here with Simpson's rule. Closed forms it reproduces: dim = 2 gives e^{−2t} I0(2t),
 * dim = 3 gives (1 − e^{−4t}) / (4t). dim = 1 (S⁰ = {−1, +1}) is exact: (1 + e^{−4t}) / 2.
 */
export function uniformSphereUniformity(dim: number, t = 2): number {
  if (!Number.isInteger(dim) || dim < 1) {
    throw new Error(`uniformSphereUniformity: dim must be a positive integer, got ${dim}`);
  }
  if (!(t > 0) || !Number.isFinite(t)) throw new Error(`uniformSphereUniformity: t must be a positive number, got ${t}`);
  if (dim === 1) return Math.log((1 + Math.exp(-4 * t)) / 2);

  const h = Math.PI / SIMPSON_INTERVALS;
  let num = 0;
  let den = 0;
  for (let i = 0; i <= SIMPSON_INTERVALS; i++) {
    const theta = i * h;
    const coef = i === 0 || i === SIMPSON_INTERVALS ? 1 : i % 2 === 1 ? 4 : 2;
    // Math.pow(0, 0) = 1 keeps dim = 2 (flat weight) right at the end points.
    const w = coef * Math.pow(Math.sin(theta), dim - 2);
    num += w * Math.exp(-2 * t * (1 - Math.cos(theta)));
    den += w;
  }
  return Math.log(num / den);
}
