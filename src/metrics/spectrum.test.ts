import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { uniformOnSphere } from '../testing/sphereSamples';
import { spectrum } from './spectrum';

/** Unit rows near ±axis 0 (two antipodal clumps), spread by `noise` in the other dimensions. */
function antipodalClumps(count: number, dim: number, noise: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const rows = new Float32Array(count * dim);
  for (let p = 0; p < count; p++) {
    const row = Array.from({ length: dim }, (_, axis) => (axis === 0 ? (p % 2 ? 1 : -1) : noise * (rng.next() - 0.5)));
    const norm = Math.hypot(...row);
    row.forEach((x, axis) => (rows[p * dim + axis] = x / norm));
  }
  return rows;
}

describe('spectrum', () => {
  it('gives the singular values of the centred rows divided by their sum, sorted', () => {
    // Centred already; columns orthogonal: σ = (2, √2), so the shares are 2 / (2 + √2) and √2 / (2 + √2).
    const rows = Float32Array.from([1, 0, -1, 0, 1, 0, -1, 0, 0, 1, 0, -1]);
    const shares = spectrum(rows, 2);
    expect(shares[0]).toBeCloseTo(2 / (2 + Math.SQRT2), 6);
    expect(shares[1]).toBeCloseTo(Math.SQRT2 / (2 + Math.SQRT2), 6);
    // The mean is removed first: the same points moved off the origin have the same spectrum.
    const moved = rows.map((x, i) => x + (i % 2 === 0 ? 3 : -1));
    spectrum(moved, 2).forEach((share, k) => expect(share).toBeCloseTo(shares[k]!, 6));
  });

  it('is flat (each ≈ 1/d) for points spread uniformly over the sphere', () => {
    for (const dim of [3, 16]) {
      const shares = spectrum(uniformOnSphere(4000, dim, 5), dim);
      expect(shares).toHaveLength(dim);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      for (const share of shares) expect(share).toBeCloseTo(1 / dim, 1);
      expect(shares[0]! * dim).toBeLessThan(1.1);
    }
  });

  it('puts nearly everything on one direction for two antipodal clumps (dimensional collapse)', () => {
    const shares = spectrum(antipodalClumps(1000, 16, 0.02, 2), 16);
    expect(shares[0]).toBeGreaterThan(0.8);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
  });

  it('pads with zeros past the rank, and is all zeros for identical rows', () => {
    const two = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0]);
    expect(spectrum(two, 4)).toEqual([1, 0, 0, 0]);
    expect(spectrum(Float32Array.from([0, 1, 0, 0, 1, 0]), 3)).toEqual([0, 0, 0]);
    expect(spectrum(Float32Array.from([NaN, 1, 0, 0]), 2).every(Number.isNaN)).toBe(true);
  });
});
