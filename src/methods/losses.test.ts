/**
 * Each method's loss against a naive float64 implementation of its paper's formula (and, for redundancy reduction,
 * its gradient against central differences), and SimSiam's stop-gradient through the networks.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../core/config';
import { Rng } from '../core/rng';
import { negativeCosine, offDiagonalSquareSum } from '../ssl/losses';
import { type LossInputs, SslModel } from '../ssl/model';
import { cos, dot, randomRows, type Rows, unit, value } from '../testing/rows';
import { useBackend } from '../testing/tfBackend';
import { barlowInvariance, barlowTwinsLoss, crossCorrelation } from './barlow-twins/engine';
import { byolLoss, emaUpdate, momentumAt } from './byol/engine';
import { ntXent } from './simclr/engine';
import { simsiamLoss, simsiamTerm } from './simsiam/engine';
import { supervisedCrossEntropy } from './supervised/engine';
import { swappedCrossEntropy, swavCodes } from './swav/engine';
import { vicregCovariance, vicregInvariance, vicregLoss, vicregVariance } from './vicreg/engine';

beforeAll(() => useBackend('cpu'));

/** NT-Xent written the naive way: for each of the 2N views, −log softmax over the other 2N − 1. */
function naiveNtXent(z1: Rows, z2: Rows, tau: number): number {
  const views = [...z1, ...z2];
  const n = z1.length;
  let total = 0;
  views.forEach((v, i) => {
    const partner = i < n ? i + n : i - n;
    let denominator = 0;
    views.forEach((w, j) => {
      if (j !== i) denominator += Math.exp(cos(v, w) / tau);
    });
    total += -Math.log(Math.exp(cos(v, views[partner]!) / tau) / denominator);
  });
  return total / views.length;
}

describe('NT-Xent', () => {
  const z1 = randomRows(6, 4, 1);
  const z2 = randomRows(6, 4, 2);
  it.each([0.5, 0.1])('matches the naive definition at temperature %f', async (tau) => {
    const ours = await value(ntXent(tf.tensor2d(z1), tf.tensor2d(z2), tau, true));
    expect(ours).toBeCloseTo(naiveNtXent(z1, z2, tau), 4);
  });

  it('without negatives is −mean cos / τ, with the trivial bound −1/τ', async () => {
    const expected = -z1.reduce((s, v, i) => s + cos(v, z2[i]!), 0) / z1.length / 0.5;
    expect(await value(ntXent(tf.tensor2d(z1), tf.tensor2d(z2), 0.5, false))).toBeCloseTo(expected, 5);
    expect(await value(ntXent(tf.tensor2d(z1), tf.tensor2d(z1), 0.5, false))).toBeCloseTo(-2, 5);
  });
});

/** Softmax cross-entropy of a linear classifier on the unit-length rows, written the naive way in float64. */
function naiveSupervised(z: Rows, weight: Rows, bias: number[], labels: number[]): number {
  let total = 0;
  z.forEach((row, i) => {
    const x = unit(row);
    const logits = bias.map((b, c) => b + dot(x, weight.map((w) => w[c]!)));
    const logSum = Math.log(logits.reduce((sum, l) => sum + Math.exp(l), 0));
    total += logSum - logits[labels[i]!]!;
  });
  return total / z.length;
}

describe('Supervised cross-entropy', () => {
  const z = randomRows(7, 3, 31);
  const weight = randomRows(3, 4, 32).map((row) => row.map((x) => 3 * x));
  const bias = randomRows(1, 4, 33)[0]!;
  const labels = [0, 3, 1, 1, 2, 0, 3];
  const loss = (rows: Rows, y: number[]) =>
    value(supervisedCrossEntropy(tf.tensor2d(rows), { weight: tf.tensor2d(weight), bias: tf.tensor1d(bias) }, tf.tensor1d(y, 'int32')));

  it('matches the naive softmax cross-entropy on the l2-normalised z (no temperature)', async () => {
    expect(await loss(z, labels)).toBeCloseTo(naiveSupervised(z, weight, bias, labels), 5);
  });

  it('reads only the direction of z, and the labels', async () => {
    expect(await loss(z.map((row) => row.map((x) => 5 * x)), labels)).toBeCloseTo(naiveSupervised(z, weight, bias, labels), 5);
    const otherLabels = labels.map((y) => (y + 1) % 4);
    expect(Math.abs((await loss(z, otherLabels)) - (await loss(z, labels)))).toBeGreaterThan(0.1);
  });
});

describe('SwAV loss', () => {
  it('is the swapped cross-entropy −Σ q log softmax(s/τ), averaged over the batch', async () => {
    const q = [[0.7, 0.3], [0.2, 0.8]];
    const s = [[0.5, -0.5], [0.1, 0.4]];
    const tau = 0.1;
    const expected =
      q.reduce((total, row, i) => {
        const logits = s[i]!.map((v) => v / tau);
        const lse = Math.log(logits.reduce((a, v) => a + Math.exp(v), 0));
        return total - row.reduce((a, qk, k) => a + qk * (logits[k]! - lse), 0);
      }, 0) / q.length;
    expect(await value(swappedCrossEntropy(tf.tensor2d(q), tf.tensor2d(s), tau))).toBeCloseTo(expected, 4);
  });

  it('without Sinkhorn uses the plain softmax of the scores over ε', async () => {
    const s = tf.tensor2d([[0.5, -0.5, 0.1]]);
    const codes = await swavCodes(s, { sinkhorn: false, epsilon: 0.5, sinkhornIters: 3 }).data();
    const e = [1, -1, 0.2].map(Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    e.forEach((v, k) => expect(codes[k]).toBeCloseTo(v / sum, 5));
  });
});

describe('BYOL', () => {
  it('loss is 2 − 2 cos(p, z′) averaged over both directions; 0 when predictions match targets', async () => {
    const config = { ...defaultConfig('byol'), momentum: 0, predictor: false };
    const model = new SslModel({ dim: 3, batchNorm: true, prototypes: null, target: false }, new Rng(7));
    const view = randomRows(8, 784, 8);
    const other = randomRows(8, 784, 9);
    // Without predictor and with the target equal to the online network, two equal views align exactly.
    const same = model.lossInputs(model.unpack(), tf.tensor2d([...view, ...view]), config);
    expect(await value(byolLoss(same))).toBeCloseTo(0, 4);
    const different = model.lossInputs(model.unpack(), tf.tensor2d([...view, ...other]), config);
    const [z1, z2] = [await different.z.first.array(), await different.z.second.array()];
    const expected = z1.reduce((s, v, i) => s + (2 - 2 * cos(v, z2[i]!)), 0) / z1.length;
    expect(await value(byolLoss(different))).toBeCloseTo(expected, 4);
  });

  it('EMA update moves the target (1 − τ) of the way to the online weights', async () => {
    const target = tf.variable(tf.tensor1d([1, 2]));
    emaUpdate(target, tf.tensor1d([3, 6]), 0.9);
    const updated = await target.data();
    expect(updated[0]).toBeCloseTo(1.2, 5);
    expect(updated[1]).toBeCloseTo(2.4, 5);
  });

  it('cosine momentum schedule runs from τ to 1', () => {
    const config = { momentum: 0.9, momentumSchedule: 'cosine' as const, steps: 100 };
    expect(momentumAt(config, 0)).toBeCloseTo(0.9, 6);
    expect(momentumAt(config, 50)).toBeCloseTo(0.95, 6);
    expect(momentumAt(config, 100)).toBeCloseTo(1, 6);
    expect(momentumAt({ ...config, momentumSchedule: 'constant' }, 50)).toBe(0.9);
  });
});

// ------------------------------------------------------------------------------- redundancy reduction
// Each term written the naive way in float64 (loops over samples and dimensions, from the papers' formulas);
// its gradient is the naive term's central difference. The lab's tfjs terms (float32) must match both.

const columns = (z: Rows) => z[0]!.map((_, j) => z.map((row) => row[j]!));
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
/** Σ_b (a_b − mean a)(b_b − mean b) / divisor. */
function centredDot(a: number[], b: number[], divisor: number): number {
  const [ma, mb] = [mean(a), mean(b)];
  return a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0) / divisor;
}
/** Each column minus its mean, over √(biased variance + 1e-5). */
function naiveStandardize(z: Rows): Rows {
  const stats = columns(z).map((c) => ({ m: mean(c), s: Math.sqrt(centredDot(c, c, c.length) + 1e-5) }));
  return z.map((row) => row.map((x, j) => (x - stats[j]!.m) / stats[j]!.s));
}
/** C_ij = Σ_b s1_bi s2_bj / N. */
function naiveCrossCorrelation(z1: Rows, z2: Rows): Rows {
  const [s1, s2] = [naiveStandardize(z1), naiveStandardize(z2)];
  const d = z1[0]!.length;
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => s1.reduce((s, row, b) => s + row[i]! * s2[b]![j]!, 0) / z1.length));
}
function naiveOffDiagonal(m: Rows): number {
  return m.reduce((s, row, i) => s + row.reduce((t, x, j) => t + (i === j ? 0 : x * x), 0), 0);
}
const naiveBarlowInvariance = (z1: Rows, z2: Rows) => naiveCrossCorrelation(z1, z2).reduce((s, row, i) => s + (1 - row[i]!) ** 2, 0);
const naiveBarlowOffDiagonal = (z1: Rows, z2: Rows) => naiveOffDiagonal(naiveCrossCorrelation(z1, z2));
const naiveVicregInvariance = (z1: Rows, z2: Rows) =>
  z1.reduce((s, row, b) => s + row.reduce((t, x, j) => t + (x - z2[b]![j]!) ** 2, 0), 0) / (z1.length * z1[0]!.length);
const naiveVicregVariance = (z: Rows) => mean(columns(z).map((c) => Math.max(0, 1 - Math.sqrt(centredDot(c, c, c.length - 1) + 1e-4))));
function naiveVicregCovariance(z: Rows): number {
  const cols = columns(z);
  return naiveOffDiagonal(cols.map((a) => cols.map((b) => centredDot(a, b, z.length - 1)))) / cols.length;
}

/** ∂f/∂z for each batch z, by central differences of a float64 function of one or two batches. */
function numericGradients(f: (...batches: Rows[]) => number, batches: Rows[]): number[][] {
  const h = 1e-6;
  return batches.map((batch, which) =>
    batch.flatMap((row, b) =>
      row.map((_, j) => {
        const shifted = (delta: number) => {
          const copies = batches.map((z) => z.map((r) => [...r]));
          copies[which]![b]![j]! += delta;
          return f(...copies);
        };
        return (shifted(h) - shifted(-h)) / (2 * h);
      }),
    ),
  );
}

/** The lab's term and its gradient with respect to every batch it reads, against the naive value and differences. */
async function expectTermMatches(term: (...batches: tf.Tensor2D[]) => tf.Scalar, naive: (...batches: Rows[]) => number, batches: Rows[]) {
  const { value: lab, grads } = tf.valueAndGrads((...inputs: tf.Tensor[]) => term(...(inputs as tf.Tensor2D[])))(batches.map((z) => tf.tensor2d(z)));
  const expected = naive(...batches);
  expect(Math.abs((await value(lab)) - expected)).toBeLessThan(1e-5 * Math.max(1, Math.abs(expected)));
  const expectedGrads = numericGradients(naive, batches);
  const scale = Math.max(...expectedGrads.flat().map(Math.abs));
  expect(scale).toBeGreaterThan(1e-3);
  for (const [i, g] of grads.entries()) {
    const ours = Array.from(await g.data());
    ours.forEach((x, j) => expect(Math.abs(x - expectedGrads[i]![j]!), `∂/∂z${i + 1}[${j}]`).toBeLessThan(1e-4 * scale));
  }
}

/** Two correlated views, N = 8, d = 4, with dimensions of different spread (so the variance hinge is active in some). */
function twoViews(seed: number): [Rows, Rows] {
  const spread = [0.3, 0.6, 1.8, 0.9];
  const z1 = randomRows(8, 4, seed).map((row) => row.map((x, j) => x * spread[j]!));
  const noise = randomRows(8, 4, seed + 1);
  return [z1, z1.map((row, b) => row.map((x, j) => 0.8 * x + 0.4 * noise[b]![j]! + 0.3 * row[(j + 1) % 4]!))];
}

function lossInputs(z1: tf.Tensor2D, z2: tf.Tensor2D, config: ExperimentConfig): LossInputs {
  return { z: { both: tf.concat([z1, z2]), first: z1, second: z2 }, predict: (z) => z, target: null, prototypes: null, classifier: null, labels: null, config };
}

describe('Barlow Twins', () => {
  const [z1, z2] = twoViews(11);

  it('pins the invariance term Σ(1 − C_ii)² and the off-diagonal term Σ_{i≠j} C_ij² (value and gradient)', async () => {
    await expectTermMatches((a, b) => barlowInvariance(crossCorrelation(a, b)), naiveBarlowInvariance, [z1, z2]);
    await expectTermMatches((a, b) => offDiagonalSquareSum(crossCorrelation(a, b)), naiveBarlowOffDiagonal, [z1, z2]);
  });

  it('weighs the off-diagonal term by λ, and drops it with the switch off', async () => {
    const config = { ...defaultConfig('barlow-twins'), barlowLambda: 0.3 };
    const loss = (c: ExperimentConfig) => value(barlowTwinsLoss(lossInputs(tf.tensor2d(z1), tf.tensor2d(z2), c)));
    expect(await loss(config)).toBeCloseTo(naiveBarlowInvariance(z1, z2) + 0.3 * naiveBarlowOffDiagonal(z1, z2), 4);
    expect(await loss({ ...config, offDiagonal: false })).toBeCloseTo(naiveBarlowInvariance(z1, z2), 4);
  });

  it('gives d for a collapsed batch (standardised to 0, so C = 0): collapse does not minimise it', async () => {
    const collapsed = tf.tensor2d(Array.from({ length: 8 }, () => [0.3, -1.2, 2, 0.5]));
    expect(await value(barlowTwinsLoss(lossInputs(collapsed, collapsed, defaultConfig('barlow-twins'))))).toBeCloseTo(4, 4);
  });
});

describe('VICReg', () => {
  const [z1, z2] = twoViews(21);

  it('pins the invariance, variance and covariance terms (value and gradient)', async () => {
    await expectTermMatches(vicregInvariance, naiveVicregInvariance, [z1, z2]);
    await expectTermMatches(vicregVariance, naiveVicregVariance, [z1]);
    await expectTermMatches(vicregCovariance, naiveVicregCovariance, [z1]);
  });

  it('is w_inv·s + w_var·(v1 + v2) + w_cov·(c1 + c2), each term dropped with its switch off', async () => {
    const config = { ...defaultConfig('vicreg'), invarianceWeight: 2, varianceWeight: 3, covarianceWeight: 0.5 };
    const loss = (c: ExperimentConfig) => value(vicregLoss(lossInputs(tf.tensor2d(z1), tf.tensor2d(z2), c)));
    const terms = {
      invariance: 2 * naiveVicregInvariance(z1, z2),
      variance: 3 * (naiveVicregVariance(z1) + naiveVicregVariance(z2)),
      covariance: 0.5 * (naiveVicregCovariance(z1) + naiveVicregCovariance(z2)),
    };
    for (const term of Object.values(terms)) expect(term).toBeGreaterThan(0.01);
    const total = terms.invariance + terms.variance + terms.covariance;
    expect(await loss(config)).toBeCloseTo(total, 4);
    for (const [key, term] of Object.entries(terms)) expect(await loss({ ...config, [key]: false }), key).toBeCloseTo(total - term, 4);
  });

  it('at collapse: the variance term alone is left (2 · 25 · (1 − √1e-4)); without it collapse is the minimum, 0', async () => {
    const collapsed = tf.tensor2d(Array.from({ length: 8 }, () => [0.3, -1.2, 2, 0.5]));
    const loss = (c: ExperimentConfig) => value(vicregLoss(lossInputs(collapsed, collapsed, c)));
    expect(await loss(defaultConfig('vicreg'))).toBeCloseTo(2 * 25 * (1 - 0.01), 4);
    expect(await loss({ ...defaultConfig('vicreg'), variance: false })).toBeCloseTo(0, 6);
  });
});

describe('SimSiam term D(p, sg(z))', () => {
  const p = () => tf.tensor2d([[1, 0.5, -0.2], [0.3, -1, 0.8]]);
  const z = () => tf.tensor2d([[0.2, 1, 0.1], [-0.5, 0.4, 1.2]]);

  it('sends no gradient to the target with stop-gradient on, and some with it off', async () => {
    const gradOn = tf.grad((target: tf.Tensor) => simsiamTerm(p(), target as tf.Tensor2D, true))(z());
    const gradOff = tf.grad((target: tf.Tensor) => simsiamTerm(p(), target as tf.Tensor2D, false))(z());
    expect(Math.max(...(await tf.abs(gradOn).data()))).toBe(0);
    expect(Math.max(...(await tf.abs(gradOff).data()))).toBeGreaterThan(1e-3);
  });

  it('has the same value either way and still trains the prediction', async () => {
    expect((await simsiamTerm(p(), z(), true).data())[0]).toBeCloseTo((await simsiamTerm(p(), z(), false).data())[0]!, 6);
    const gradP = tf.grad((pred: tf.Tensor) => simsiamTerm(pred as tf.Tensor2D, z(), true))(p());
    expect(Math.max(...(await tf.abs(gradP).data()))).toBeGreaterThan(1e-3);
  });
});

describe('SimSiam loss through the networks', () => {
  it('with stop-gradient equals the gradient of the loss against constant targets', async () => {
    const model = new SslModel({ dim: 3, batchNorm: true, prototypes: null, target: false }, new Rng(11));
    const r = new Rng(5);
    const views = tf.tensor2d(Float32Array.from({ length: 16 * 784 }, () => r.normal()), [16, 784]);
    const config = defaultConfig('simsiam');
    const { embedding, predictor } = model.unpack();
    const count = embedding.length;
    const trained = [...embedding, ...predictor];
    const gradsOf = (loss: (inputs: LossInputs) => tf.Scalar, cfg: ExperimentConfig) =>
      tf.grads((...tensors: tf.Tensor[]) =>
        loss(model.lossInputs({ embedding: tensors.slice(0, count), predictor: tensors.slice(count), prototypes: null, classifier: null }, views, cfg)),
      )(trained);
    // Independent reference: the targets from a separate forward pass, as plain constants.
    const z = model.lossInputs(model.unpack(), views, config).z;
    const [z1, z2] = [tf.tensor(await z.first.data(), [8, 3]) as tf.Tensor2D, tf.tensor(await z.second.data(), [8, 3]) as tf.Tensor2D];
    const reference = gradsOf(({ z: online, predict }) => {
      const p = predict(online);
      return tf.mul(tf.add(negativeCosine(p.first, z2), negativeCosine(p.second, z1)), 0.5) as tf.Scalar;
    }, config);
    const withSg = gradsOf(simsiamLoss, { ...config, stopGrad: true });
    const withoutSg = gradsOf(simsiamLoss, { ...config, stopGrad: false });
    let maxDiffSg = 0;
    let maxDiffNoSg = 0;
    for (let i = 0; i < trained.length; i++) {
      const ref = await reference[i]!.data();
      const a = await withSg[i]!.data();
      const b = await withoutSg[i]!.data();
      for (let j = 0; j < ref.length; j++) {
        maxDiffSg = Math.max(maxDiffSg, Math.abs(a[j]! - ref[j]!));
        maxDiffNoSg = Math.max(maxDiffNoSg, Math.abs(b[j]! - ref[j]!));
      }
    }
    expect(maxDiffSg).toBeLessThan(1e-5);
    // Without the stop-gradient, gradient also flows through the targets: clearly different.
    expect(maxDiffNoSg).toBeGreaterThan(1e-4);
  });
});
