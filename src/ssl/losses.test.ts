import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cos, dot, randomRows, type Rows, unit, value } from '../testing/rows';
import { useBackend } from '../testing/tfBackend';
import { alignmentLoss, uniformityLoss } from './losses';
import { sinkhorn } from './sinkhorn';

beforeAll(() => useBackend('cpu'));

describe('alignment and uniformity (Wang & Isola)', () => {
  it('alignment is the mean squared distance of normalised pairs; 0 for identical, 4 for antipodal', async () => {
    const a = randomRows(5, 3, 3);
    const b = randomRows(5, 3, 4);
    const expected = a.reduce((s, v, i) => s + (2 - 2 * cos(v, b[i]!)), 0) / a.length;
    expect(await value(alignmentLoss(tf.tensor2d(a), tf.tensor2d(b)))).toBeCloseTo(expected, 4);
    expect(await value(alignmentLoss(tf.tensor2d(a), tf.tensor2d(a)))).toBeCloseTo(0, 4);
    expect(await value(alignmentLoss(tf.tensor2d(a), tf.neg(tf.tensor2d(a)) as tf.Tensor2D))).toBeCloseTo(4, 4);
  });

  it('uniformity is log of the mean exp(−2‖x−y‖²) over distinct pairs; 0 for identical points', async () => {
    const x = randomRows(7, 3, 5);
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < x.length; i++) {
      for (let j = i + 1; j < x.length; j++) {
        sum += Math.exp(-2 * (2 - 2 * cos(x[i]!, x[j]!)));
        pairs++;
      }
    }
    expect(await value(uniformityLoss(tf.tensor2d(x)))).toBeCloseTo(Math.log(sum / pairs), 4);
    expect(await value(uniformityLoss(tf.tensor2d(Array.from({ length: 5 }, () => [0.3, 0.4, 0.5]))))).toBeCloseTo(0, 4);
  });
});

/** Sinkhorn-Knopp as SwAV writes it, in float64: exp(s/ε) stays representable for every score in [−1, 1] at ε ≥ 0.01. */
function naiveSinkhorn(s: Rows, eps: number, iterations: number): Rows {
  const [batch, prototypes] = [s.length, s[0]!.length];
  let q = s.map((row) => row.map((v) => Math.exp(v / eps)));
  for (let i = 0; i < iterations; i++) {
    const colSums = q[0]!.map((_, k) => q.reduce((a, row) => a + row[k]!, 0));
    q = q.map((row) => row.map((v, k) => v / colSums[k]! / prototypes));
    q = q.map((row) => row.map((v) => v / row.reduce((a, x) => a + x, 0) / batch));
  }
  return q.map((row) => row.map((v) => v * batch));
}

/** Largest |ours − float64| over the codes, with every code finite. */
async function sinkhornError(s: Rows, eps: number, iterations: number): Promise<number> {
  const ours = (await sinkhorn(tf.tensor2d(s), eps, iterations).array()).flat();
  // Scores as the float32 tensor holds them: the test measures Sinkhorn's error, not the inputs' rounding.
  const expected = naiveSinkhorn(s.map((row) => row.map(Math.fround)), eps, iterations).flat();
  for (const v of ours) expect(Number.isFinite(v)).toBe(true);
  return Math.max(...ours.map((v, i) => Math.abs(v - expected[i]!)));
}

describe('Sinkhorn-Knopp', () => {
  const scores = () => tf.tensor2d(randomRows(8, 4, 6).map((r) => unit(r).map((v) => v * 0.9)));

  it('gives codes whose samples sum to 1 and whose prototypes each receive B/K', async () => {
    const codes = sinkhorn(scores(), 0.5, 20);
    for (const s of await tf.sum(codes, 1).data()) expect(s).toBeCloseTo(1, 4);
    for (const s of await tf.sum(codes, 0).data()) expect(s).toBeCloseTo(8 / 4, 2);
  });

  it('honours the iteration count: one iteration is closer to raw softmax than twenty', async () => {
    const columnError = async (iterations: number) => {
      const sums = await tf.sum(sinkhorn(scores(), 0.05, iterations), 0).data();
      return Math.max(...Array.from(sums, (s) => Math.abs(s - 2)));
    };
    expect(await columnError(1)).toBeGreaterThan(await columnError(20));
  });

  it('matches a hand computation of one iteration', async () => {
    const s = [[0.1, 0.5], [0.3, -0.2], [0.9, 0.0]];
    const eps = 0.5;
    let q = s.map((row) => row.map((v) => Math.exp(v / eps)));
    const total = q.flat().reduce((a, b) => a + b, 0);
    q = q.map((row) => row.map((v) => v / total));
    const colSums = [0, 1].map((k) => q.reduce((a, row) => a + row[k]!, 0));
    q = q.map((row) => row.map((v, k) => v / colSums[k]! / 2));
    q = q.map((row) => {
      const rowSum = row[0]! + row[1]!;
      return row.map((v) => (v / rowSum / 3) * 3);
    });
    const ours = await sinkhorn(tf.tensor2d(s), eps, 1).array();
    ours.forEach((row, i) => row.forEach((v, k) => expect(v).toBeCloseTo(q[i]![k]!, 5)));
  });

  it('spreads codes more evenly with a larger ε', async () => {
    const sharp = await tf.max(sinkhorn(scores(), 0.02, 3)).data();
    const soft = await tf.max(sinkhorn(scores(), 0.5, 3)).data();
    expect(soft[0]).toBeLessThan(sharp[0]!);
  });

  it('keeps a sample whose every score is far below the best (ε 0.015): in float32 exp(s/ε) of its row underflows to 0', async () => {
    // Prototypes e1 and e2; the second sample scores −0.707 against both: e^(−1.707/0.015) ≈ e^−114.
    expect(await sinkhornError([[1, 0], [-0.707, -0.707]], 0.015, 3)).toBeLessThan(1e-5);
  });

  it('matches float64 at ε 0.01, the smallest the settings allow, at the default size (B 256, K 32, d 3)', async () => {
    // Prototypes crowded near one pole and samples all over the sphere: the far samples' rows underflow in float32.
    const rows = randomRows(256 + 32, 3, 7).map(unit);
    const prototypes = rows.slice(256).map((p) => unit([p[0]! * 0.3, p[1]! * 0.3, 1]));
    const s = rows.slice(0, 256).map((z) => prototypes.map((p) => dot(z, p)));
    for (const iterations of [3, 20]) expect(await sinkhornError(s, 0.01, iterations)).toBeLessThan(1e-5);
  });
});
