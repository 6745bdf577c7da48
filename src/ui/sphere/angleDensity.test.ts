import { describe, expect, it } from 'vitest';
import { ANGLE_BINS, angleDensity, angleDensityByClass, pairAngles, vonMisesKernel } from './angleDensity';

const binWidth = (2 * Math.PI) / ANGLE_BINS;
const binCentre = (bin: number) => -Math.PI + (bin + 0.5) * binWidth;

describe('pairAngles', () => {
  it('takes the angle of the chosen coordinates, NaN where they are both zero', () => {
    const rows = new Float32Array([0.6, 0, 0.8, 0, 1, 0, -0.5, 0.5, Math.SQRT1_2]);
    const out = new Float32Array(3);
    pairAngles(rows, 3, 3, [0, 2], out);
    expect(out[0]).toBeCloseTo(Math.atan2(0.8, 0.6), 6);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(Math.atan2(Math.SQRT1_2, -0.5), 6);
  });
});

describe('angleDensityByClass', () => {
  const kernel = vonMisesKernel(ANGLE_BINS, 16);

  it('gives each class a density that integrates to 1 over the circle', () => {
    const count = 500;
    const angles = Float32Array.from({ length: count }, (_, p) => Math.sin(p * 12.9898) * Math.PI);
    const labels = Uint8Array.from({ length: count }, (_, p) => p % 3);
    const density = angleDensityByClass(angles, labels, count, 4, kernel);
    for (let c = 0; c < 3; c++) {
      const integral = density.subarray(c * ANGLE_BINS, (c + 1) * ANGLE_BINS).reduce((sum, x) => sum + x * binWidth, 0);
      expect(integral).toBeCloseTo(1, 6);
    }
    expect(density.subarray(3 * ANGLE_BINS).every((x) => x === 0)).toBe(true);
  });

  it('is the von Mises density around a single point, peaking at its angle', () => {
    const bin = 40;
    const density = angleDensityByClass(new Float32Array([binCentre(bin)]), new Uint8Array([0]), 1, 1, kernel);
    // e^κ / (2π I0(κ)) at κ = 16, from I0(16) = 893446.2279…
    expect(density[bin]).toBeCloseTo(Math.exp(16) / (2 * Math.PI * 893446.227920105), 6);
    expect(density[bin + 10]).toBeCloseTo((Math.exp(16 * Math.cos(10 * binWidth)) / (2 * Math.PI * 893446.227920105)), 6);
    expect(Math.max(...density)).toBe(density[bin]);
  });

  it('leaves out NaN angles and labels beyond the class count', () => {
    const density = angleDensityByClass(new Float32Array([NaN, 0.3, 0.3]), new Uint8Array([0, 0, 5]), 3, 2, kernel);
    expect(density.subarray(0, ANGLE_BINS).reduce((sum, x) => sum + x * binWidth, 0)).toBeCloseTo(1, 6);
  });
});

describe('angleDensity', () => {
  it('pools every class: two thirds of the points at one angle, one third a quarter turn on', () => {
    // Four bins, centred on −3π/4, −π/4, π/4, 3π/4; κ = 1: kernel d = e^(cos(dπ/2) − 1) / (2π·e^(−1)·I0(1)), I0(1) = 1.2660658777…
    const kernel = vonMisesKernel(4, 1);
    const norm = 1 / (2 * Math.PI * 1.2660658777520082);
    expect([...kernel].map((k) => k / norm)).toEqual([1, Math.exp(-1), Math.exp(-2), Math.exp(-1)].map((k) => expect.closeTo(k * Math.E, 9)));
    // Angles 0.3 (bin 2, twice) and 1.9 (bin 3); NaN is left out. The densities are float32: six places.
    const density = angleDensity(new Float32Array([0.3, 1.9, NaN, 0.3]), 4, kernel);
    const [k0, k1, k2] = [kernel[0]!, kernel[1]!, kernel[2]!];
    expect(density[2]).toBeCloseTo((2 / 3) * k0 + (1 / 3) * k1, 6);
    expect(density[3]).toBeCloseTo((2 / 3) * k1 + (1 / 3) * k0, 6);
    expect(density[0]).toBeCloseTo((2 / 3) * k2 + (1 / 3) * k1, 6);
    expect(density[1]).toBeCloseTo((2 / 3) * k1 + (1 / 3) * k2, 6);
  });
});
