/**
 * The density shading's colour ramp: density relative to a uniform spread (1/4π per steradian), on a log
 * scale from ⅛× to 16×, from the plain shell's faint tint through deep blue to pale cyan. Cool and
 * unsaturated, so it reads as the surface beneath the class colours rather than as another class.
 */
import { hexToBytes, shellTint } from './palette';

/** log2 of the relative densities at the two ends of the ramp. */
const LOG2_LOW = -3;
const LOG2_HIGH = 4;

/** Ramp stops: position in [0, 1], then sRGB bytes and alpha byte. */
const stops: readonly (readonly [number, number, number, number, number])[] = [
  [0, ...hexToBytes(shellTint.color), Math.round(shellTint.opacity * 255)],
  [0.3, 30, 70, 130, 40],
  [0.55, 50, 120, 175, 75],
  [0.8, 120, 190, 220, 120],
  [1, 225, 245, 255, 170],
];

const LUT_SIZE = 256;

/** RGBA bytes at a position on the ramp, interpolated between the stops around it. */
function rampColour(position: number): number[] {
  const upper = Math.max(1, stops.findIndex(([at]) => at >= position));
  const [a, ...from] = stops[upper - 1]!;
  const [b, ...to] = stops[upper]!;
  const t = (position - a) / (b - a);
  return from.map((value, i) => Math.round(value + (to[i]! - value) * t));
}

const lut = new Uint8Array(LUT_SIZE * 4);
for (let i = 0; i < LUT_SIZE; i++) lut.set(rampColour(i / (LUT_SIZE - 1)), i * 4);

/** Position on the ramp (0 … 1) of a density per steradian. */
export function rampPosition(density: number): number {
  if (!(density > 0)) return 0;
  const log2Relative = Math.log2(density * 4 * Math.PI);
  return Math.min(1, Math.max(0, (log2Relative - LOG2_LOW) / (LOG2_HIGH - LOG2_LOW)));
}

/** Writes each density's ramp colour as RGBA bytes into `out` (4 × density.length). */
export function writeDensityColours(density: Float32Array, out: Uint8Array): void {
  for (let i = 0; i < density.length; i++) {
    const from = Math.round(rampPosition(density[i]!) * (LUT_SIZE - 1)) * 4;
    out[i * 4] = lut[from]!;
    out[i * 4 + 1] = lut[from + 1]!;
    out[i * 4 + 2] = lut[from + 2]!;
    out[i * 4 + 3] = lut[from + 3]!;
  }
}

/** The ramp as a CSS gradient, for its key, and the relative densities at its ends and middle. */
export const densityRampKey = {
  gradient: `linear-gradient(to right, ${stops.map(([at, r, g, b, alpha]) => `rgba(${r}, ${g}, ${b}, ${(alpha / 255).toFixed(2)}) ${at * 100}%`).join(', ')})`,
  low: 2 ** LOG2_LOW,
  uniformAt: -LOG2_LOW / (LOG2_HIGH - LOG2_LOW),
  high: 2 ** LOG2_HIGH,
};
