import { describe, expect, it } from 'vitest';
import { uniformOnSphere } from '../testing/sphereSamples';
import { collapseStd } from './collapse';

describe('collapseStd', () => {
  it('is 0 when every row is the same point', () => {
    const rows = new Float32Array(300);
    for (let i = 0; i < 100; i++) rows.set([0.6, 0, 0.8], i * 3);
    expect(collapseStd(rows, 3)).toBeCloseTo(0, 6);
  });

  it.each([3, 16, 128])('is ≈ 1/√d for an isotropic sample on the sphere (d = %i)', (dim) => {
    const value = collapseStd(uniformOnSphere(4000, dim, dim), dim);
    expect(value * Math.sqrt(dim)).toBeGreaterThan(0.97);
    expect(value * Math.sqrt(dim)).toBeLessThan(1.03);
  });

  it('matches a hand computation on two points', () => {
    // Points (1,0) and (0,1): each coordinate is {1,0}, sample std = √0.5.
    expect(collapseStd(Float32Array.from([1, 0, 0, 1]), 2)).toBeCloseTo(Math.SQRT1_2, 6);
  });
});
