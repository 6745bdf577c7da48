import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { type BlockShape, type BlockStats, evaluationBlock, trainingBlock } from './blocks';

beforeAll(() => useBackend('cpu'));

function randomTensor(shape: number[], seed: number, scale = 1, shift = 0): tf.Tensor {
  const rng = new Rng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: size }, () => rng.normal() * scale + shift), shape);
}

async function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  return (await tf.max(tf.abs(tf.sub(a, b))).data())[0]!;
}

/** The same block from tfjs's own ops, each view normalised in its own pass. */
function referenceBlock(shape: BlockShape, x: tf.Tensor2D, weight: tf.Tensor, a: tf.Tensor, b: tf.Tensor | null, groups: number): tf.Tensor2D {
  const product = tf.matMul(x, weight as tf.Tensor2D);
  let pre: tf.Tensor2D;
  if (shape.norm) {
    const parts = (groups === 1 ? [product] : tf.split(product, groups, 0)).map((part) => {
      const { mean, variance } = tf.moments(part, 0);
      return tf.batchNorm(part, mean, variance, b!, a, 1e-5);
    });
    pre = tf.concat(parts, 0) as tf.Tensor2D;
  } else {
    pre = tf.add(product, a);
  }
  return shape.relu ? tf.relu(pre) : pre;
}

describe('trainingBlock', () => {
  const cases: [string, BlockShape, number][] = [
    ['BatchNorm + ReLU, two views', { inputs: 6, outputs: 5, norm: true, relu: true }, 2],
    ['BatchNorm + ReLU, one group', { inputs: 6, outputs: 5, norm: true, relu: true }, 1],
    ['bias + ReLU (BatchNorm off)', { inputs: 6, outputs: 5, norm: false, relu: true }, 2],
    ['linear output with bias', { inputs: 6, outputs: 5, norm: false, relu: false }, 2],
  ];

  it.each(cases)('%s: matches tfjs ops in value and in every gradient', async (_, shape, groups) => {
    const x = randomTensor([8, 6], 1, 2, 0.5) as tf.Tensor2D;
    const weight = randomTensor([6, 5], 2);
    const a = shape.norm ? tf.tensor1d([1.5, -0.5, 2, 1, 0.3]) : tf.tensor1d([0.1, 0.2, -0.3, 0, 1]);
    const b = shape.norm ? tf.tensor1d([0.1, 0.2, -0.3, 0, 1]) : null;
    const outputWeights = randomTensor([8, 5], 3); // the loss depends on every output differently
    const params = (w: tf.Tensor, p: tf.Tensor, q: tf.Tensor | undefined) =>
      shape.norm ? { weight: w as tf.Tensor2D, gamma: p as tf.Tensor1D, beta: q as tf.Tensor1D } : { weight: w as tf.Tensor2D, bias: p as tf.Tensor1D };
    const ours = (xs: tf.Tensor, w: tf.Tensor, p: tf.Tensor, q?: tf.Tensor) =>
      tf.sum(tf.mul(trainingBlock(shape, params(w, p, q), { x: xs as tf.Tensor2D, needsGrad: true }, { groups, stats: null }), outputWeights));
    const reference = (xs: tf.Tensor, w: tf.Tensor, p: tf.Tensor, q?: tf.Tensor) =>
      tf.sum(tf.mul(referenceBlock(shape, xs as tf.Tensor2D, w, p, q ?? null, groups), outputWeights));
    const inputs = b ? [x, weight, a, b] : [x, weight, a];
    expect(await maxAbsDiff(ours(...(inputs as [tf.Tensor, tf.Tensor, tf.Tensor])), reference(...(inputs as [tf.Tensor, tf.Tensor, tf.Tensor])))).toBeLessThan(1e-4);
    const gradsOurs = tf.grads(ours as (...t: tf.Tensor[]) => tf.Tensor)(inputs);
    const gradsRef = tf.grads(reference as (...t: tf.Tensor[]) => tf.Tensor)(inputs);
    for (let i = 0; i < inputs.length; i++) expect(await maxAbsDiff(gradsOurs[i]!, gradsRef[i]!), `gradient ${i}`).toBeLessThan(1e-4);
  });

  it('takes no gradient for a data input and uses its transpose when given', async () => {
    const shape = { inputs: 6, outputs: 5, norm: true, relu: true };
    const x = randomTensor([8, 6], 4) as tf.Tensor2D;
    const weight = randomTensor([6, 5], 5);
    const [gamma, beta] = [tf.ones([5]), tf.zeros([5])];
    const loss = (xT: tf.Tensor2D | undefined) => (w: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
      tf.sum(tf.square(trainingBlock(shape, { weight: w as tf.Tensor2D, gamma: g as tf.Tensor1D, beta: b as tf.Tensor1D }, { x, xT, needsGrad: false }, { groups: 2, stats: null })));
    const plain = tf.grads(loss(undefined))([weight, gamma, beta]);
    const withTranspose = tf.grads(loss(tf.transpose(x)))([weight, gamma, beta]);
    for (let i = 0; i < 3; i++) expect(await maxAbsDiff(plain[i]!, withTranspose[i]!)).toBe(0);
  });

  it('records each view’s batch mean and biased variance', async () => {
    const x = tf.tensor2d([[1, 0], [0, 1], [3, 0], [0, 2]]);
    const stats: BlockStats[] = [];
    trainingBlock({ inputs: 2, outputs: 2, norm: true, relu: false }, { weight: tf.eye(2) as tf.Tensor2D, gamma: tf.ones([2]), beta: tf.zeros([2]) }, { x, needsGrad: false }, { groups: 2, stats });
    expect(await stats[0]!.mean.array()).toEqual([[0.5, 0.5], [1.5, 1]]);
    expect(await stats[0]!.variance.array()).toEqual([[0.25, 0.25], [2.25, 1]]);
  });
});

describe('evaluationBlock', () => {
  it('normalises with the running statistics given', async () => {
    const x = tf.tensor2d([[2, 4]]);
    const out = evaluationBlock(
      { inputs: 2, outputs: 2, norm: true, relu: true },
      { weight: tf.eye(2) as tf.Tensor2D, gamma: tf.tensor1d([1, 2]), beta: tf.tensor1d([0, -10]) },
      x,
      { mean: tf.tensor1d([1, 1]), variance: tf.tensor1d([1, 4]) },
    );
    const [first, second] = await out.data();
    expect(first).toBeCloseTo(1, 4);
    expect(second).toBe(0); // 2·(4 − 1)/2 − 10 < 0, cut by the ReLU
  });
});
