import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { batchNormTraining, Dense } from './layers';

beforeAll(() => useBackend('cpu'));

function randomTensor(shape: [number, number], seed: number): tf.Tensor2D {
  const rng = new Rng(seed);
  return tf.tensor2d(Float32Array.from({ length: shape[0] * shape[1] }, () => rng.normal() * 2 + 0.5), shape);
}

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  return (await tf.max(tf.abs(tf.sub(a, b))).data())[0]!;
}

describe('batchNormTraining', () => {
  it('matches tfjs batchNorm with batch moments, in value and in every gradient', async () => {
    const x = randomTensor([16, 5], 1);
    const gamma = tf.tensor1d([1.5, -0.5, 2, 1, 0.3]);
    const beta = tf.tensor1d([0.1, 0.2, -0.3, 0, 1]);
    const weights = randomTensor([16, 5], 2); // makes the loss depend on every output differently
    const ours = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.mul(batchNormTraining(a as tf.Tensor2D, g as tf.Tensor1D, b as tf.Tensor1D, () => {}), weights));
    const reference = (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(a, 0);
      return tf.sum(tf.mul(tf.batchNorm(a, mean, variance, b, g, 1e-5), weights));
    };
    expect(await maxAbsDiff(ours(x, gamma, beta), reference(x, gamma, beta))).toBeLessThan(1e-4);
    const gradsOurs = tf.grads(ours)([x, gamma, beta]);
    const gradsRef = tf.grads(reference)([x, gamma, beta]);
    for (let i = 0; i < 3; i++) expect(await maxAbsDiff(gradsOurs[i]!, gradsRef[i]!)).toBeLessThan(1e-4);
  });

  it('reports the batch mean and biased variance', async () => {
    const x = tf.tensor2d([[1, 10], [3, 30]]);
    let reported: number[][] = [];
    batchNormTraining(x, tf.ones([2]), tf.zeros([2]), (mean, variance) => {
      reported = [Array.from(mean.dataSync()), Array.from(variance.dataSync())];
    });
    expect(reported).toEqual([[2, 20], [1, 100]]);
  });
});

describe('Dense', () => {
  it('has the gradient of a plain matMul (explicit transposes instead of transposeA/B)', async () => {
    const layer = new Dense('test', 4, 3, new Rng(3), { bias: true, inputGrad: true });
    const x = randomTensor([6, 4], 4);
    const ours = tf.grads((a: tf.Tensor, _w: tf.Tensor) => tf.sum(tf.square(layer.apply(a as tf.Tensor2D))))([x, layer.weight]);
    const reference = tf.grads((a: tf.Tensor, w: tf.Tensor) =>
      tf.sum(tf.square(tf.add(tf.matMul(a as tf.Tensor2D, w as tf.Tensor2D), layer.bias!))),
    )([x, layer.weight]);
    for (let i = 0; i < 2; i++) expect(await maxAbsDiff(ours[i]!, reference[i]!)).toBeLessThan(1e-4);
  });
});
