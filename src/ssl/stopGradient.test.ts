import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../testing/tfBackend';
import { stopGradient } from './stopGradient';

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
