import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { FlatAdam, FlatMomentum } from './optimizers';

afterAll(() => useBackend('cpu'));

const SIZE = 97;
const STEPS = 6;
const LR = 0.01;

function values(seed: number, scale = 1): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: SIZE }, () => rng.normal() * scale);
}
/** 1 on the first two thirds, 0 on the rest (a frozen part, e.g. the predictor switched off). */
const maskValues = Float32Array.from({ length: SIZE }, (_, i) => (i < (2 * SIZE) / 3 ? 1 : 0));

/** The parameters (and the optimiser's buffers) after STEPS steps of `optimizer` with seeded gradients. */
async function trainFlat(make: () => FlatAdam | FlatMomentum, masked: boolean, buffers: Float32Array[] = []): Promise<Float32Array> {
  const params = tf.variable(tf.tensor1d(values(1)));
  const optimizer = make();
  const mask = masked ? tf.tensor1d(maskValues) : null;
  for (let s = 0; s < STEPS; s++) {
    const grad = tf.tensor1d(values(100 + s, 0.1 * (s + 1)));
    optimizer.step(params, grad, mask);
    grad.dispose();
  }
  const result = (await params.data()) as Float32Array;
  for (const buffer of optimizer.state().buffers) buffers.push((await buffer.data()) as Float32Array);
  tf.dispose([params, mask!].filter(Boolean));
  optimizer.dispose();
  return result;
}

/** The same steps through tfjs's own optimiser (no mask). */
async function trainReference(optimizer: tf.Optimizer): Promise<Float32Array> {
  const params = tf.variable(tf.tensor1d(values(1)));
  for (let s = 0; s < STEPS; s++) {
    const grad = tf.tensor1d(values(100 + s, 0.1 * (s + 1)));
    optimizer.applyGradients({ [params.name]: grad });
    grad.dispose();
  }
  const result = (await params.data()) as Float32Array;
  params.dispose();
  optimizer.dispose();
  return result;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((worst, x, i) => Math.max(worst, Math.abs(x - b[i]!)), 0);
}

/** Where the mask is 1 the masked run trained as the unmasked one (up to rounding); where 0 its values never moved. */
function expectFrozenWhereMasked(masked: Float32Array, unmasked: Float32Array, start: Float32Array): void {
  maskValues.forEach((k, i) => {
    if (k) expect(Math.abs(masked[i]! - unmasked[i]!)).toBeLessThan(1e-6);
    else expect(masked[i]).toBe(start[i]);
  });
}

describe.each(['cpu', 'wasm'] as const)('flat optimisers on %s', (backend) => {
  it('Adam follows tfjs’s Adam (PyTorch’s formula), and a mask freezes its part, moments included', async () => {
    await useBackend(backend);
    const ours = await trainFlat(() => new FlatAdam(SIZE, LR), false);
    const reference = await trainReference(tf.train.adam(LR, 0.9, 0.999, 1e-8));
    expect(maxAbsDiff(ours, reference)).toBeLessThan(1e-6);
    expect(maxAbsDiff(ours, values(1))).toBeGreaterThan(STEPS * LR * 0.5); // it moved

    const moments: Float32Array[] = [];
    const masked = await trainFlat(() => new FlatAdam(SIZE, LR), true, moments);
    const start = values(1);
    expectFrozenWhereMasked(masked, ours, start);
    for (const moment of moments) maskValues.forEach((k, i) => expect(moment[i] === 0).toBe(k === 0));
  });

  it('SGD with momentum follows tfjs’s momentum optimiser, and a mask freezes its part, its buffer included', async () => {
    await useBackend(backend);
    const ours = await trainFlat(() => new FlatMomentum(SIZE, LR, 0.9), false);
    const reference = await trainReference(tf.train.momentum(LR, 0.9));
    expect(maxAbsDiff(ours, reference)).toBeLessThan(1e-6);
    const buffers: Float32Array[] = [];
    const masked = await trainFlat(() => new FlatMomentum(SIZE, LR, 0.9), true, buffers);
    const start = values(1);
    expectFrozenWhereMasked(masked, ours, start);
    maskValues.forEach((k, i) => expect(buffers[0]![i] === 0).toBe(k === 0));
  });
});
