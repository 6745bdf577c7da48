import { describe, expect, it } from 'vitest';
import { uniformOnSphere } from '../testing/sphereSamples';
import { alignment } from './alignment';

describe('alignment', () => {
  it('is 0 when both views are identical', () => {
    const a = uniformOnSphere(200, 16, 1);
    expect(alignment(a, a.slice(), 16)).toBe(0);
  });

  it('is 4 (α = 2) and 2 (α = 1) when every pair is antipodal', () => {
    const a = uniformOnSphere(200, 8, 2);
    const b = a.map((v) => -v);
    expect(alignment(a, b, 8)).toBeCloseTo(4, 5);
    expect(alignment(a, b, 8, 1)).toBeCloseTo(2, 5);
  });

  it('matches a hand computation', () => {
    // Pair 1: (1,0) vs (0,1) → ||·||² = 2. Pair 2: (1,0) vs (0.6,0.8) → 0.16 + 0.64 = 0.8.
    const a = Float32Array.from([1, 0, 1, 0]);
    const b = Float32Array.from([0, 1, 0.6, 0.8]);
    expect(alignment(a, b, 2)).toBeCloseTo((2 + 0.8) / 2, 6);
    expect(alignment(a, b, 2, 1)).toBeCloseTo((Math.SQRT2 + Math.sqrt(0.8)) / 2, 6);
    expect(alignment(a, b, 2, 4)).toBeCloseTo((4 + 0.64) / 2, 5);
  });

  it('is ≈ 2 (α = 2) for independent uniform points: E||x − y||² = 2 − 2E[x·y] = 2', () => {
    expect(alignment(uniformOnSphere(4000, 32, 3), uniformOnSphere(4000, 32, 4), 32)).toBeCloseTo(2, 1);
  });

  it('rejects malformed input', () => {
    const a = new Float32Array(6);
    expect(() => alignment(a, new Float32Array(6), 4)).toThrow(/multiple of dim/);
    expect(() => alignment(a, new Float32Array(9), 3)).toThrow(/same number of rows/);
    expect(() => alignment(new Float32Array(0), new Float32Array(0), 3)).toThrow(/at least one/);
    expect(() => alignment(a, a, 0)).toThrow(/dim/);
    expect(() => alignment(a, a, 3, 0)).toThrow(/alpha/);
  });
});
