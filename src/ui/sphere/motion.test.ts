import { describe, expect, it } from 'vitest';
import { blendOnSphere, easeOutCubic } from './motion';

describe('easeOutCubic', () => {
  it('runs from 0 to 1, clamped outside', () => {
    expect(easeOutCubic(-1)).toBe(0);
    expect(easeOutCubic(0)).toBe(0);
    expect(easeOutCubic(1)).toBe(1);
    expect(easeOutCubic(2)).toBe(1);
    expect(easeOutCubic(0.5)).toBeGreaterThan(0.5);
  });
});

describe('blendOnSphere', () => {
  const from = new Float32Array([1, 0, 0, 0, 1, 0]);
  const to = new Float32Array([0, 0, 1, 0, -1, 0]);

  it('keeps blended points on the sphere', () => {
    const out = new Float32Array(6);
    blendOnSphere(from, to, 0.3, 1, out);
    expect(Math.hypot(out[0]!, out[1]!, out[2]!)).toBeCloseTo(1, 6);
    expect(out[0]).toBeGreaterThan(out[2]!);
  });

  it('starts at the source and ends at the target', () => {
    const out = new Float32Array(6);
    blendOnSphere(from, to, 0, 2, out);
    expect(Array.from(out)).toEqual(Array.from(from));
    blendOnSphere(from, to, 1, 2, out);
    expect(Array.from(out)).toEqual(Array.from(to));
  });

  it('takes the target when antipodal points meet half-way', () => {
    const out = new Float32Array(6);
    blendOnSphere(from, to, 0.5, 2, out);
    expect(Array.from(out.slice(3))).toEqual([0, -1, 0]);
  });
});
