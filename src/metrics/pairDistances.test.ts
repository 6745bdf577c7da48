import { describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { uniformOnSphere } from '../testing/sphereSamples';
import { alignment } from './alignment';
import { PAIR_DISTANCE_BINS, PAIR_DISTANCE_MAX, pairDistanceHistogram } from './pairDistances';

/** Unit rows of d = 2 at the given angles. */
function circle(angles: number[]): Float32Array {
  return Float32Array.from(angles.flatMap((angle) => [Math.cos(angle), Math.sin(angle)]));
}

describe('pairDistanceHistogram', () => {
  it('puts known pairs in their bins of 0.1 over [0, 4], as shares of the pairs', () => {
    // ‖f(x) − f(y)‖² = 2 − 2 cos θ: 0 (same point), 2 (orthogonal), 4 (antipodal), 1 (θ = 60°).
    const a = circle([0, 0, 0, 0]);
    const b = circle([0, Math.PI / 2, Math.PI, Math.PI / 3]);
    const shares = pairDistanceHistogram(a, b, 2);
    expect(shares).toHaveLength(PAIR_DISTANCE_BINS);
    expect(PAIR_DISTANCE_MAX / PAIR_DISTANCE_BINS).toBeCloseTo(0.1, 12);
    const filled = Object.fromEntries(shares.flatMap((share, bin) => (share > 0 ? [[bin, share]] : [])));
    // 2 and 1 land on their bins' lower edges up to float32 rounding: bin 19 or 20, 9 or 10; 4 goes in the last.
    const at = (lo: number) => (filled[lo] ?? 0) + (filled[lo + 1] ?? 0);
    expect(filled[0]).toBe(0.25);
    expect(at(19)).toBe(0.25);
    expect(at(9)).toBe(0.25);
    expect(filled[39]).toBe(0.25);
    expect(Object.keys(filled)).toHaveLength(4);
  });

  it('sums to 1, and its mean from the bin centres is within half a bin of the alignment', () => {
    const rng = new Rng(12);
    const dim = 8;
    const a = uniformOnSphere(2000, dim, 11);
    // Second views near the first: a + noise, normalised, so the pairs spread over the lower bins.
    const b = Float32Array.from(a);
    for (let p = 0; p < 2000; p++) {
      let norm = 0;
      for (let j = 0; j < dim; j++) {
        b[p * dim + j]! += 0.6 * (rng.next() - 0.5);
        norm += b[p * dim + j]! ** 2;
      }
      for (let j = 0; j < dim; j++) b[p * dim + j]! /= Math.sqrt(norm);
    }
    const shares = pairDistanceHistogram(a, b, dim);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
    expect(shares.filter((share) => share > 0).length).toBeGreaterThan(3);
    const mean = shares.reduce((sum, share, bin) => sum + share * (bin + 0.5) * 0.1, 0);
    const exact = alignment(a, b, dim);
    expect(exact).toBeGreaterThan(0.05);
    expect(Math.abs(mean - exact)).toBeLessThanOrEqual(0.05);
  });

  it('is all NaN when a distance is not finite, and refuses mismatched views', () => {
    expect(pairDistanceHistogram(circle([0, 1]), Float32Array.from([1, 0, NaN, 0]), 2).every(Number.isNaN)).toBe(true);
    expect(() => pairDistanceHistogram(circle([0]), circle([0, 1]), 2)).toThrow(/same whole number of rows/);
    expect(() => pairDistanceHistogram(new Float32Array(0), new Float32Array(0), 2)).toThrow(/at least one/);
  });
});
