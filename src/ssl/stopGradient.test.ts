import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../core/config';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { negativeCosine } from './losses';
import { simsiamLoss, simsiamTerm } from '../methods/simsiam/engine';
import { SslModel } from './model';
import { stopGradient } from './stopGradient';
import type { LossInputs } from './model';

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
        loss(model.lossInputs({ embedding: tensors.slice(0, count), predictor: tensors.slice(count), prototypes: null }, views, cfg)),
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
