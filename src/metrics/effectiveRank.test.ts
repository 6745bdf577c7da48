import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { effectiveRank, symmetricEigenvalues } from './effectiveRank';

const EPS = 1e-7;

function gaussian(count: number, dim: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const rows = new Float32Array(count * dim);
  for (let i = 0; i < rows.length; i++) rows[i] = rng.normal();
  return rows;
}

/** RankMe from known singular values, straight from the paper's formula. */
function rankMeOf(sigma: number[]): number {
  const total = sigma.reduce((a, b) => a + b, 0);
  let entropy = 0;
  for (const s of sigma) {
    const p = s / total + EPS;
    entropy -= p * Math.log(p);
  }
  return Math.exp(entropy);
}

/** Q diag(λ) Qᵀ with Q = I − 2vvᵀ/vᵀv (a Householder reflection), upper triangle filled: eigenvalues λ. */
function withEigenvalues(lambda: number[], seed: number): Float64Array {
  const n = lambda.length;
  const rng = new Rng(seed);
  const v = Array.from({ length: n }, () => rng.normal());
  const vv = v.reduce((a, b) => a + b * b, 0);
  const q = (i: number, j: number): number => (i === j ? 1 : 0) - (2 * v[i]! * v[j]!) / vv;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += q(i, k) * lambda[k]! * q(j, k);
      a[i * n + j] = sum;
    }
  }
  return a;
}

function sortedDesc(values: Float64Array): number[] {
  return Array.from(values).sort((a, b) => b - a);
}

describe('symmetricEigenvalues', () => {
  it('solves a 2 × 2 case by hand: [[2, 1], [1, 2]] → 3, 1', () => {
    expect(sortedDesc(symmetricEigenvalues(Float64Array.from([2, 1, 1, 2]), 2))).toEqual([
      expect.closeTo(3, 12),
      expect.closeTo(1, 12),
    ]);
  });

  it('ignores the lower triangle and handles 1 × 1 and diagonal input', () => {
    expect(sortedDesc(symmetricEigenvalues(Float64Array.from([2, 1, 99, 2]), 2))[0]).toBeCloseTo(3, 12);
    expect(Array.from(symmetricEigenvalues(Float64Array.from([-5]), 1))).toEqual([-5]);
    expect(Array.from(symmetricEigenvalues(Float64Array.from([4, 0, 0, 0, 1, 0, 0, 0, 9]), 3))).toEqual([4, 1, 9]);
  });

  it.each([8, 40, 128])('recovers known eigenvalues of a dense %i × %i matrix (repeated, negative, zero)', (n) => {
    const rng = new Rng(n);
    const lambda = Array.from({ length: n }, (_, i) => (i < 3 ? 7 : i === 3 ? 0 : i === 4 ? -2.5 : rng.uniform(-10, 10)));
    const got = sortedDesc(symmetricEigenvalues(withEigenvalues(lambda, n + 1), n));
    const want = [...lambda].sort((a, b) => b - a);
    for (let i = 0; i < n; i++) expect(got[i]).toBeCloseTo(want[i]!, 9);
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() => symmetricEigenvalues(new Float64Array(5), 2)).toThrow(/expected 4 entries/);
  });
});

describe('effectiveRank', () => {
  it('is ≈ 1 for rank-1 data (every row a multiple of one vector)', () => {
    const rng = new Rng(1);
    const dim = 16;
    const direction = Array.from({ length: dim }, () => rng.normal());
    const rows = new Float32Array(500 * dim);
    for (let i = 0; i < 500; i++) {
      const scale = rng.uniform(-3, 3);
      for (let j = 0; j < dim; j++) rows[i * dim + j] = scale * direction[j]!;
    }
    // Float32 rounding leaves ~1e-7-sized singular values; with ε they add ~1e-5 to the entropy.
    expect(effectiveRank(rows, dim)).toBeCloseTo(1, 4);
  });

  it.each([3, 16, 128])('is within 1% of d for an isotropic gaussian sample (d = %i)', (dim) => {
    // It cannot exceed d; 4,000 rows leave the singular values within ±18% of each other at d = 128 (0.996 d).
    expect(effectiveRank(gaussian(4000, dim, dim), dim) / dim).toBeGreaterThan(0.99);
  });

  it('matches the formula for known singular values σ = (3, 1)', () => {
    // By hand: p = (0.75, 0.25), H = −0.75 ln 0.75 − 0.25 ln 0.25 = 0.5623, RankMe = e^H ≈ 1.7548.
    const expected = rankMeOf([3, 1]);
    expect(expected).toBeCloseTo(1.7548, 4);
    expect(effectiveRank(Float32Array.from([3, 0, 0, 1]), 2)).toBeCloseTo(expected, 10);
    // Same singular values after a rotation of the columns and an extra zero row.
    const c = Math.cos(0.7);
    const s = Math.sin(0.7);
    const rotated = Float32Array.from([3 * c, 3 * s, -s, c, 0, 0]);
    expect(effectiveRank(rotated, 2)).toBeCloseTo(expected, 6);
    // Split the σ = 3 direction over two rows (1² + (2√2)² = 9): still σ = (3, 1).
    expect(effectiveRank(Float32Array.from([1, 0, 2 * Math.SQRT2, 0, 0, 1]), 2)).toBeCloseTo(expected, 6);
  });

  it('sums over min(N, K) singular values, as the paper does, when there are fewer rows than dims', () => {
    // Two rows in d = 5: σ = (3, 1); three more ε terms would move the value by ~5e-6.
    const rows = Float32Array.from([3, 0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(effectiveRank(rows, 5)).toBeCloseTo(rankMeOf([3, 1]), 10);
  });

  it('is invariant to scale', () => {
    const rows = gaussian(300, 6, 7);
    const scaled = rows.map((v) => v * 1000);
    expect(effectiveRank(scaled, 6)).toBeCloseTo(effectiveRank(rows, 6), 6);
  });

  it('uses the raw matrix, not a centred one: a cloud far from the origin looks rank-1', () => {
    const rows = gaussian(2000, 8, 8);
    for (let i = 0; i < 2000; i++) rows[i * 8]! += 100;
    expect(effectiveRank(rows, 8)).toBeLessThan(1.5);
  });

  it('is 0 for an all-zero matrix and NaN for non-finite input', () => {
    expect(effectiveRank(new Float32Array(30), 3)).toBe(0);
    const rows = gaussian(10, 3, 9);
    rows[4] = Number.NaN;
    expect(effectiveRank(rows, 3)).toBeNaN();
  });

  it('rejects malformed input', () => {
    expect(() => effectiveRank(new Float32Array(7), 3)).toThrow(/multiple of dim/);
    expect(() => effectiveRank(new Float32Array(0), 3)).toThrow(/at least one row/);
    expect(() => effectiveRank(new Float32Array(6), 0)).toThrow(/dim/);
  });
});
