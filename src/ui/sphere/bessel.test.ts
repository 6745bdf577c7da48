import { describe, expect, it } from 'vitest';
import { scaledBesselI } from './bessel';

describe('scaledBesselI', () => {
  /** The power series of Ik(x), fine for moderate x. */
  function besselSeries(k: number, x: number): number {
    let term = (x / 2) ** k / Array.from({ length: k }, (_, i) => i + 1).reduce((a, b) => a * b, 1);
    let sum = term;
    for (let m = 1; m < 200; m++) {
      term *= (x * x) / 4 / (m * (m + k));
      sum += term;
    }
    return sum;
  }

  it.each([0.01, 1, 7.5, 30])('gives e^(−x)·Ik(x) for x = %f', (x) => {
    const out = new Float64Array(12);
    scaledBesselI(x, out);
    out.forEach((value, k) => expect(value).toBeCloseTo(Math.exp(-x) * besselSeries(k, x), 12));
  });

  it('is 1, 0, 0, … at x = 0', () => {
    const out = new Float64Array(4);
    scaledBesselI(0, out);
    expect(Array.from(out)).toEqual([1, 0, 0, 0]);
  });
});
