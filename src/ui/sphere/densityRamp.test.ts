import { describe, expect, it } from 'vitest';
import { densityRampKey, rampPosition, writeDensityColours } from './densityRamp';
import { hexToBytes, shellTint } from './palette';

const uniform = 1 / (4 * Math.PI);

function colour(density: number): number[] {
  const out = new Uint8Array(4);
  writeDensityColours(new Float32Array([density]), out);
  return Array.from(out);
}

describe('the density ramp', () => {
  it('puts the uniform density where its key says and clamps outside ⅛×–16×', () => {
    expect(rampPosition(uniform)).toBeCloseTo(densityRampKey.uniformAt, 10);
    expect(rampPosition(uniform * densityRampKey.low)).toBeCloseTo(0, 10);
    expect(rampPosition(uniform * densityRampKey.high)).toBeCloseTo(1, 10);
    expect(rampPosition(uniform * 1000)).toBe(1);
    expect(rampPosition(0)).toBe(0);
    expect(rampPosition(NaN)).toBe(0);
  });

  it('draws empty regions like the plain shell, and grows more opaque and brighter with density', () => {
    expect(colour(0)).toEqual([...hexToBytes(shellTint.color), Math.round(shellTint.opacity * 255)]);
    // Brightness as blended onto the dark stage: colour × alpha.
    const levels = [0, 0.25, 1, 4, 16].map((relative) => colour(uniform * relative));
    const brightness = ([r, g, b, alpha]: number[]) => (r! + g! + b!) * alpha!;
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]![3]).toBeGreaterThan(levels[i - 1]![3]!);
      expect(brightness(levels[i]!)).toBeGreaterThan(brightness(levels[i - 1]!));
    }
  });

  it('describes itself as a CSS gradient', () => {
    expect(densityRampKey.gradient).toMatch(/^linear-gradient\(to right, rgba\(/);
  });
});
