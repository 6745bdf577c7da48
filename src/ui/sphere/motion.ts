/** Smooth motion between snapshots: points ease from where they are drawn toward the new positions. */
import { writeUnit } from './projection';

export const EASE_MS = 300;

/** Fast start, gentle arrival. */
export function easeOutCubic(t: number): number {
  const clamped = Math.min(1, Math.max(0, t));
  return 1 - (1 - clamped) ** 3;
}

/**
 * out = the blend of `from` and `to` (count×3) at `alpha`, renormalised so the points stay on the
 * sphere. A blend with no direction (two antipodal points half-way) takes the target.
 */
export function blendOnSphere(from: Float32Array, to: Float32Array, alpha: number, count: number, out: Float32Array): void {
  for (let p = 0; p < count; p++) {
    const i = p * 3;
    const x = from[i]! + (to[i]! - from[i]!) * alpha;
    const y = from[i + 1]! + (to[i + 1]! - from[i + 1]!) * alpha;
    const z = from[i + 2]! + (to[i + 2]! - from[i + 2]!) * alpha;
    if (Math.hypot(x, y, z) > 1e-6) writeUnit(out, p, x, y, z);
    else writeUnit(out, p, to[i]!, to[i + 1]!, to[i + 2]!);
  }
}
