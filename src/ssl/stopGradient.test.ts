import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { negativeCosine } from './losses';
import { simsiamLoss, simsiamTerm } from './methods/simsiam';
import { SslModel } from './model';
import { stopGradient } from './stopGradient';
import type { BatchStats } from './layers';

beforeAll(() => useBackend('cpu'));

describe('stopGradient', () => {
  it('passes values through unchanged', async () => {
    const x = tf.tensor1d([1.5, -2, 3]);
    expect(Array.from(await stopGradient(x).data())).toEqual([1.5, -2, 3]);
  });

  it('blocks the gradient: d/dx sum(sg(x)·x) = x, not 2x', async () => {
    const x = tf.tensor1d([1, 2, 3]);
    const grad = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(stopGradient(v), v)))(x);
    expect(Array.from(await grad.data())).toEqual([1, 2, 3]);
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
  const mode = () => ({ training: true as const, stats: [] as BatchStats[] });

  it('with stop-gradient equals the gradient of the loss against constant targets', async () => {
    const model = new SslModel({ dim: 3, batchNorm: true, prototypes: null, target: false }, new Rng(11));
    const r = new Rng(5);
    const values = (n: number) => Float32Array.from({ length: n }, () => r.normal());
    const view1 = tf.tensor2d(values(8 * 784), [8, 784]);
    const view2 = tf.tensor2d(values(8 * 784), [8, 784]);
    const variables = [...model.online.variables(), ...model.predictor.variables()];
    const gradsOf = (f: () => tf.Scalar) => {
      const { grads } = tf.variableGrads(f, variables);
      return variables.map((v) => grads[v.name]!);
    };
    // Independent reference: compute the targets in a separate forward pass, as plain constants.
    const z1 = tf.tensor(await model.embed(view1, mode()).data(), [8, 3]) as tf.Tensor2D;
    const z2 = tf.tensor(await model.embed(view2, mode()).data(), [8, 3]) as tf.Tensor2D;
    const reference = gradsOf(() => {
      const p1 = model.predictor.apply(model.embed(view1, mode()), mode());
      const p2 = model.predictor.apply(model.embed(view2, mode()), mode());
      return tf.mul(tf.add(negativeCosine(p1, z2), negativeCosine(p2, z1)), 0.5) as tf.Scalar;
    });
    const config = { ...defaultConfig('simsiam') };
    const withSg = gradsOf(() => simsiamLoss({ model, view1, view2, mode: mode(), config: { ...config, stopGrad: true } }));
    const withoutSg = gradsOf(() => simsiamLoss({ model, view1, view2, mode: mode(), config: { ...config, stopGrad: false } }));
    let maxDiffSg = 0;
    let maxDiffNoSg = 0;
    for (let i = 0; i < variables.length; i++) {
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
