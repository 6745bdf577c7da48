import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { linearProbeAccuracy } from './linearProbe';

beforeAll(async () => {
  await useBackend('wasm');
});

/** Rows whose class is the sign of the first feature (margin 0.5), under `noise` other features of std 3. */
function halfSpaces(count: number, noise: number, seed: number) {
  const rng = new Rng(seed);
  const dim = noise + 1;
  const rows = new Float32Array(count * dim);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    rows[i * dim] = (labels[i] ? 1 : -1) * rng.uniform(0.5, 1.5);
    for (let j = 1; j < dim; j++) rows[i * dim + j] = 3 * rng.normal();
  }
  return { x: tf.tensor2d(rows, [count, dim]), labels };
}

/** Gaussian rows with labels that have nothing to do with them. */
function randomLabels(count: number, dim: number, classes: number, seed: number) {
  const rng = new Rng(seed);
  const rows = Float32Array.from({ length: count * dim }, () => rng.normal());
  const labels = Uint8Array.from({ length: count }, () => Math.floor(rng.uniform(0, classes)));
  return { x: tf.tensor2d(rows, [count, dim]), labels };
}

describe('linearProbeAccuracy', () => {
  it('classifies linearly separable held-out rows perfectly, where neighbours drown in the noisy features', async () => {
    const bank = halfSpaces(2000, 63, 1);
    const queries = halfSpaces(500, 63, 2);
    expect(await linearProbeAccuracy(bank.x, bank.labels, queries.x, queries.labels, 2)).toBe(1);
    tf.dispose([bank.x, queries.x]);
  });

  it('scores random labels at chance (10 classes)', async () => {
    const bank = randomLabels(4000, 32, 10, 3);
    const queries = randomLabels(2000, 32, 10, 4);
    const accuracy = await linearProbeAccuracy(bank.x, bank.labels, queries.x, queries.labels, 10);
    expect(accuracy).toBeGreaterThan(0.06);
    expect(accuracy).toBeLessThan(0.14);
    tf.dispose([bank.x, queries.x]);
  });

  it('is deterministic, and frees every tensor it makes (the inputs stay)', async () => {
    const bank = randomLabels(1000, 16, 10, 5);
    const queries = randomLabels(300, 16, 10, 6);
    // Learnable labels: the class of the largest of the first ten features.
    const argmaxLabels = async (t: tf.Tensor2D) => Uint8Array.from((await tf.argMax(tf.slice(t, [0, 0], [-1, 10]), 1).data()) as Int32Array);
    const [bankLabels, queryLabels] = [await argmaxLabels(bank.x), await argmaxLabels(queries.x)];
    const before = tf.memory().numTensors;
    const first = await linearProbeAccuracy(bank.x, bankLabels, queries.x, queryLabels, 10);
    expect(tf.memory().numTensors).toBe(before);
    const second = await linearProbeAccuracy(bank.x, bankLabels, queries.x, queryLabels, 10);
    expect(second).toBe(first);
    expect(first).toBeGreaterThan(0.8);
    expect(bank.x.isDisposed).toBe(false);
    tf.dispose([bank.x, queries.x]);
  });

  it('refuses mismatched shapes and labels', async () => {
    const bank = randomLabels(10, 4, 2, 7);
    const queries = randomLabels(5, 3, 2, 8);
    await expect(linearProbeAccuracy(bank.x, bank.labels, queries.x, queries.labels, 2)).rejects.toThrow(/3 features, the bank 4/);
    await expect(linearProbeAccuracy(bank.x, bank.labels.subarray(1), bank.x, bank.labels, 2)).rejects.toThrow(/10 bank rows but 9/);
    tf.dispose([bank.x, queries.x]);
  });
});
