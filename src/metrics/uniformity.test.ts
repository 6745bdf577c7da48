import { describe, expect, it } from 'vitest';
import { uniformOnSphere } from '../testing/sphereSamples';
import { UNIFORMITY_BOUND_S2, uniformSphereUniformity, uniformity } from './uniformity';

/** n points evenly spaced on the unit circle. */
function circle(n: number): Float32Array {
  const rows = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    rows[2 * i] = Math.cos((2 * Math.PI * i) / n);
    rows[2 * i + 1] = Math.sin((2 * Math.PI * i) / n);
  }
  return rows;
}

/** Modified Bessel function of the first kind, I_ν(x) = Σ_m (x/2)^{2m+ν} / (m! (m+ν)!), for integer ν. */
function besselI(nu: number, x: number): number {
  let term = Math.pow(x / 2, nu);
  for (let f = 2; f <= nu; f++) term /= f;
  let sum = term;
  for (let m = 1; m < 60; m++) {
    term *= (x * x) / 4 / (m * (m + nu));
    sum += term;
  }
  return sum;
}

/** The paper's estimator written the slow, obvious way (all pairs, plain mean, then log). */
function naiveUniformity(x: Float32Array, dim: number, t: number): number {
  const count = x.length / dim;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      let sq = 0;
      for (let k = 0; k < dim; k++) sq += (x[i * dim + k]! - x[j * dim + k]!) ** 2;
      sum += Math.exp(-t * sq);
    }
  }
  return Math.log(sum / ((count * (count - 1)) / 2));
}

describe('uniformity', () => {
  it('is 0 when every point is the same', () => {
    const rows = new Float32Array(300);
    for (let i = 0; i < 100; i++) rows.set([0.6, 0, 0.8], i * 3);
    expect(uniformity(rows, 3)).toBe(0);
  });

  it('matches a hand computation on two and three points', () => {
    // Two antipodal points: one pair at ||·||² = 4 → log e^{−8} = −8.
    expect(uniformity(Float32Array.from([1, 0, -1, 0]), 2)).toBeCloseTo(-8, 10);
    // (1,0), (0,1), (−1,0): squared distances 2, 4, 2 → log((2e^{−4} + e^{−8}) / 3).
    const three = Float32Array.from([1, 0, 0, 1, -1, 0]);
    expect(uniformity(three, 2)).toBeCloseTo(Math.log((2 * Math.exp(-4) + Math.exp(-8)) / 3), 10);
    expect(uniformity(three, 2, 1)).toBeCloseTo(Math.log((2 * Math.exp(-2) + Math.exp(-4)) / 3), 10);
  });

  it.each([
    [3, 2, 37],
    [16, 2, 50],
    [128, 2, 41],
    [5, 0.5, 23],
  ])('equals the naive all-pairs estimator (d = %i, t = %f, %i points: covers the 4-row tail)', (dim, t, n) => {
    const rows = uniformOnSphere(n, dim, dim);
    expect(uniformity(rows, dim, t)).toBeCloseTo(naiveUniformity(rows, dim, t), 10);
  });

  it('uses only the first maxPoints rows', () => {
    const rows = uniformOnSphere(300, 4, 5);
    expect(uniformity(rows, 4, 2, 120)).toBe(uniformity(rows.subarray(0, 120 * 4), 4, 2, 1000));
    expect(uniformity(rows, 4)).toBe(uniformity(rows, 4, 2, 300));
  });

  it('stays finite when every exp(−t‖x − y‖²) underflows (stable log-mean-exp)', () => {
    // Squared distances 400 and 1600 at t = 10: exponents −4000 and −16000, far below exp's range.
    const rows = Float32Array.from([0, 0, 20, 0, 40, 0]);
    const expected = -4000 + Math.log((2 + Math.exp(-12000)) / 3);
    expect(uniformity(rows, 2, 10)).toBeCloseTo(expected, 8);
  });

  it('is ≈ the S² bound for a large uniform sample (d = 3)', () => {
    // For uniform points the U-statistic's first-order variance term vanishes (E[k(x, y) | x] is the same for
    // every x by symmetry), so with 1,000 points its sd is √(2 Var k / n²) / E k ≈ 0.0024 (40 seeds measured
    // 0.0024, max error 0.005): 0.01 is a ~4 sd tolerance.
    expect(Math.abs(uniformity(uniformOnSphere(2000, 3, 11), 3) - UNIFORMITY_BOUND_S2)).toBeLessThan(0.01);
  });

  it('is ≈ log(e^{−4} I0(4)) for points evenly spaced on the circle', () => {
    // With μ = mean over all n² ordered pairs (= e^{−4} I0(4) to machine precision: a trapezoid sum of a periodic
    // analytic function), dropping the n pairs i = j (each k = 1) gives exactly (nμ − 1) / (n − 1).
    const n = 1000;
    const mu = Math.exp(-4) * besselI(0, 4);
    expect(uniformity(circle(n), 2, 2, n)).toBeCloseTo(Math.log((n * mu - 1) / (n - 1)), 6);
    expect(Math.abs(uniformity(circle(n), 2, 2, n) - Math.log(mu))).toBeLessThan(0.005);
  });

  it('rejects malformed input', () => {
    expect(() => uniformity(new Float32Array(7), 3)).toThrow(/multiple of dim/);
    expect(() => uniformity(new Float32Array(3), 3)).toThrow(/at least 2 rows/);
    expect(() => uniformity(new Float32Array(6), 3, 0)).toThrow(/t must be/);
    expect(() => uniformity(new Float32Array(6), 3, 2, 1)).toThrow(/maxPoints/);
    expect(() => uniformity(new Float32Array(6), 0)).toThrow(/dim/);
  });
});

describe('uniformSphereUniformity', () => {
  it('matches the closed form on S² (d = 3) for several t', () => {
    expect(uniformSphereUniformity(3)).toBeCloseTo(UNIFORMITY_BOUND_S2, 10);
    // log(1/8) = −2.07944 would drop the e^{−8} term; the exact value is −2.07978.
    expect(UNIFORMITY_BOUND_S2).toBeCloseTo(-2.07978, 5);
    for (const t of [0.5, 1, 5]) {
      expect(uniformSphereUniformity(3, t)).toBeCloseTo(Math.log((1 - Math.exp(-4 * t)) / (4 * t)), 10);
    }
  });

  it('matches the Bessel forms on S¹ (d = 2) and S³ (d = 4)', () => {
    expect(besselI(0, 4)).toBeCloseTo(11.3019219521, 9);
    expect(uniformSphereUniformity(2)).toBeCloseTo(Math.log(Math.exp(-4) * besselI(0, 4)), 10);
    expect(uniformSphereUniformity(2)).toBeCloseTo(-1.5750, 4);
    // S³: u = cos θ has density ∝ √(1 − u²) and ∫ e^{au} √(1 − u²) du = π I1(a) / a, so with a = 2t,
    // E exp(−2t(1 − u)) = e^{−a} · 2 I1(a) / a.
    expect(uniformSphereUniformity(4)).toBeCloseTo(Math.log(Math.exp(-4) * besselI(1, 4) / 2), 10);
    expect(uniformSphereUniformity(4, 1)).toBeCloseTo(Math.log(Math.exp(-2) * besselI(1, 2)), 10);
  });

  it('is exact on S⁰ (d = 1): two points, each pair equal or antipodal with probability ½', () => {
    expect(uniformSphereUniformity(1)).toBeCloseTo(Math.log((1 + Math.exp(-8)) / 2), 12);
  });

  it.each([
    [16, 0.002 * 4],
    [128, 0.0005 * 4],
  ])('agrees with a large uniform sample in d = %i', (dim, tolerance) => {
    // Tolerances are ~4 measured sds of the 1,000-point estimate (40 seeds: 0.0020 at d = 16, 0.0005 at d = 128).
    const value = uniformity(uniformOnSphere(1000, dim, 100 + dim), dim);
    expect(Math.abs(value - uniformSphereUniformity(dim))).toBeLessThan(tolerance);
  });

  it('decreases with d: more room on bigger spheres', () => {
    let previous = 0;
    for (const dim of [1, 2, 3, 8, 32, 128, 512]) {
      const value = uniformSphereUniformity(dim);
      expect(value).toBeLessThan(previous);
      previous = value;
    }
    // Large d: u = x·y ≈ N(0, 1/d), so log E exp(−2t(1 − u)) ≈ −2t + 2t²/d = −4 + 8/d, above the limit −4.
    expect(previous).toBeGreaterThan(-4);
    expect(uniformSphereUniformity(4096)).toBeCloseTo(-4 + 8 / 4096, 6);
  });

  it('rejects a bad dim or t', () => {
    expect(() => uniformSphereUniformity(0)).toThrow(/dim/);
    expect(() => uniformSphereUniformity(2.5)).toThrow(/dim/);
    expect(() => uniformSphereUniformity(3, -1)).toThrow(/t must be/);
  });
});
