import { describe, expect, it } from 'vitest';
import { Fft } from './fft';

function naiveDft(re: number[], im: number[], sign: number): [number[], number[]] {
  const n = re.length;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let t = 0; t < n; t++) {
      const angle = (sign * 2 * Math.PI * k * t) / n;
      sr += re[t]! * Math.cos(angle) - im[t]! * Math.sin(angle);
      si += re[t]! * Math.sin(angle) + im[t]! * Math.cos(angle);
    }
    outRe.push(sr);
    outIm.push(si);
  }
  return [outRe, outIm];
}

describe('Fft', () => {
  it.each([2, 8, 64])('matches the textbook DFT, both ways, for n = %i', (n) => {
    const re = Array.from({ length: n }, (_, i) => Math.sin(i * 1.3) + (i % 3));
    const im = Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
    for (const inverse of [false, true]) {
      const [expectedRe, expectedIm] = naiveDft(re, im, inverse ? 1 : -1);
      const fre = Float64Array.from(re);
      const fim = Float64Array.from(im);
      new Fft(n).transform(fre, fim, inverse);
      fre.forEach((x, k) => expect(x).toBeCloseTo(expectedRe[k]!, 9));
      fim.forEach((x, k) => expect(x).toBeCloseTo(expectedIm[k]!, 9));
    }
  });

  it('refuses sizes that are not powers of two', () => {
    expect(() => new Fft(12)).toThrow(RangeError);
    expect(() => new Fft(1)).toThrow(RangeError);
  });
});
