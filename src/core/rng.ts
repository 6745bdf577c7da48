/**
 * Seeded pseudo-random numbers. Everything random in an experiment (initialisation, batch order,
 * augmentations, the display projection) draws from an Rng forked off the experiment seed, so the same
 * seed reproduces the same run on the same backend.
 */

/** 32-bit string hash (FNV-1a): turns a stream label into seed material. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 finaliser: decorrelates nearby seeds (seed 1 and seed 2 give unrelated streams). */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Acklam's rational approximation of the standard normal quantile function (relative error < 1.2e-9). */
function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

const NORMAL_TABLE_BITS = 16;
let normalTable: Float32Array | null = null;

/** The standard normal's quantiles at (i + ½)/65,536: one uniform pick from it is a normal draw, binned to 1/65,536 of probability. */
function quantileTable(): Float32Array {
  normalTable ??= Float32Array.from({ length: 1 << NORMAL_TABLE_BITS }, (_, i) => normalQuantile((i + 0.5) / (1 << NORMAL_TABLE_BITS)));
  return normalTable;
}

export class Rng {
  private state: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.state = mix32(seed >>> 0);
  }

  /** An independent stream for one purpose; forking never advances this stream. */
  fork(label: string): Rng {
    return new Rng(mix32(this.state ^ hashLabel(label)));
  }

  /** Uniform in [0, 1) (mulberry32). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** A uniform 32-bit integer (mulberry32's output). */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /**
   * Fills `out` with standard normal draws from a 65,536-quantile table: for bulk noise (augmentation), where
   * Box–Muller's log, sqrt and sin per draw cost ~10× more. The tails end at ±4.3σ.
   */
  fillNormal(out: Float32Array): void {
    const table = quantileTable();
    const shift = 32 - NORMAL_TABLE_BITS;
    for (let i = 0; i < out.length; i++) out[i] = table[this.uint32() >>> shift]!;
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, caching the second value). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A seed for APIs that take an integer seed (e.g. tf.randomNormal). */
  seed(): number {
    return Math.floor(this.next() * 2147483647);
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: T[] | Uint32Array | Int32Array): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
  }
}
