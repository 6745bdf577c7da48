import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { augmentBatch, sampleViewParams } from './augment';

beforeAll(() => useBackend('wasm'));

const SIZE = 28;
const identity = { ...defaultConfig(), cropMinArea: 1, flipProb: 0, jitterProb: 0, eraseProb: 0, noise: 0 };

function gradientImages(count: number): tf.Tensor4D {
  const values = new Float32Array(count * SIZE * SIZE);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < SIZE * SIZE; i++) values[n * SIZE * SIZE + i] = ((i % SIZE) + n) / (SIZE + count);
  }
  return tf.tensor4d(values, [count, SIZE, SIZE, 1]);
}

describe('augmentBatch', () => {
  it('keeps the shape and the [0, 1] range with every augmentation on', async () => {
    const cfg = { ...defaultConfig(), jitterProb: 1, eraseProb: 1, noise: 0.3 };
    const out = augmentBatch(gradientImages(16), sampleViewParams(new Rng(1), 16, SIZE, cfg), cfg.noise);
    expect(out.shape).toEqual([16, SIZE, SIZE, 1]);
    const values = await out.data();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
  });

  it('is the identity when every augmentation is off', async () => {
    const images = gradientImages(4);
    const out = augmentBatch(images, sampleViewParams(new Rng(2), 4, SIZE, identity), 0);
    const diff = await tf.max(tf.abs(tf.sub(out, images))).data();
    expect(diff[0]).toBeLessThan(1e-5);
  });

  it('flips horizontally: a full-image flip reverses the columns', async () => {
    const images = gradientImages(4);
    const out = augmentBatch(images, sampleViewParams(new Rng(3), 4, SIZE, { ...identity, flipProb: 1 }), 0);
    const diff = await tf.max(tf.abs(tf.sub(out, tf.reverse(images, 2)))).data();
    expect(diff[0]).toBeLessThan(1e-5);
  });

  it('erases a rectangle of 2–20% of the image', async () => {
    const images = tf.ones([8, SIZE, SIZE, 1]) as tf.Tensor4D;
    const out = augmentBatch(images, sampleViewParams(new Rng(4), 8, SIZE, { ...identity, eraseProb: 1 }), 0);
    const erasedFraction = await tf.sub(1, tf.mean(out, [1, 2, 3])).data();
    for (const fraction of erasedFraction) {
      expect(fraction).toBeGreaterThanOrEqual(0.015);
      expect(fraction).toBeLessThanOrEqual(0.21);
    }
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const cfg = defaultConfig();
    const run = async (seed: number) =>
      augmentBatch(gradientImages(8), sampleViewParams(new Rng(seed), 8, SIZE, cfg), cfg.noise).data();
    const [a, b, c] = [await run(7), await run(7), await run(8)];
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});
