/**
 * Wang & Isola's picture of features on the circle: the angle of each embedding in a chosen pair of
 * coordinates (the whole embedding when d = 2), and a von Mises kernel density of those angles, of all
 * points and per class.
 * Angles are binned first, then circularly convolved with the kernel: cost independent of the point count.
 */
import { scaledBesselI } from './bessel';

/** Bins over the circle; bin i is centred on −π + (i + ½)·2π/bins. */
export const ANGLE_BINS = 180;
/** Concentration of the kernel: about 14° wide (1/√κ). */
export const ANGLE_KAPPA = 16;

/**
 * out[p] = the angle, in (−π, π], of row p's coordinates (first, second) — normalising that 2-D pair does
 * not change it — or NaN where the pair has no direction.
 */
export function pairAngles(
  embeddings: Float32Array,
  dim: number,
  count: number,
  [first, second]: readonly [number, number],
  out: Float32Array,
): void {
  for (let p = 0; p < count; p++) {
    const x = embeddings[p * dim + first]!;
    const y = embeddings[p * dim + second]!;
    out[p] = x * x + y * y > 1e-12 ? Math.atan2(y, x) : NaN;
  }
}

/** The von Mises density at each of the `bins` angle differences 2πd/bins: e^(κ(cos − 1)) / (2π·e^(−κ)·I0(κ)). */
export function vonMisesKernel(bins: number, kappa: number): Float64Array {
  const scaledI0 = new Float64Array(1);
  scaledBesselI(kappa, scaledI0);
  const normaliser = 1 / (2 * Math.PI * scaledI0[0]!);
  return Float64Array.from({ length: bins }, (_, d) => normaliser * Math.exp(kappa * (Math.cos((2 * Math.PI * d) / bins) - 1)));
}

/**
 * Per class (rows of `kernel.length` bins), the kernel density of the angles per radian at the bin
 * centres; a class without points gets a row of zeros. NaN angles are left out.
 */
export function angleDensityByClass(
  angles: Float32Array,
  labels: Uint8Array,
  count: number,
  classCount: number,
  kernel: Float64Array,
): Float32Array {
  const bins = kernel.length;
  const counts = new Float64Array(classCount * bins);
  const totals = new Float64Array(classCount);
  for (let p = 0; p < count; p++) {
    const angle = angles[p]!;
    const label = labels[p]!;
    if (Number.isNaN(angle) || label >= classCount) continue;
    const bin = Math.floor(((angle + Math.PI) / (2 * Math.PI)) * bins) % bins;
    counts[label * bins + bin]!++;
    totals[label]!++;
  }
  const density = new Float32Array(classCount * bins);
  for (let c = 0; c < classCount; c++) {
    if (totals[c] === 0) continue;
    const row = c * bins;
    for (let source = 0; source < bins; source++) {
      const weight = counts[row + source]! / totals[c]!;
      if (weight === 0) continue;
      for (let target = 0; target < bins; target++) {
        const difference = (target - source + bins) % bins;
        density[row + target] = density[row + target]! + weight * kernel[difference]!;
      }
    }
  }
  return density;
}

/** The kernel density of all the points' angles (every label alike), per radian at the bin centres. */
export function angleDensity(angles: Float32Array, count: number, kernel: Float64Array): Float32Array {
  return angleDensityByClass(angles, new Uint8Array(count), count, 1, kernel);
}
