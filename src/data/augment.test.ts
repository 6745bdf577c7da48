import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { augmentInto, type AugmentConfig, sampleViewParams } from './augment';

beforeAll(() => useBackend('cpu'));

const SIZE = 28;
const AREA = SIZE * SIZE;
const unit = { mean: 0, std: 1 };
const identity: AugmentConfig = { ...defaultConfig(), cropMinArea: 1, flipProb: 0, jitterProb: 0, eraseProb: 0, noise: 0 };

/** `count` images with a different horizontal/vertical ramp each (bytes). */
function rampImages(count: number): Uint8Array {
  const pixels = new Uint8Array(count * AREA);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < AREA; i++) pixels[n * AREA + i] = (7 * (i % SIZE) + 3 * Math.floor(i / SIZE) + 11 * n) % 256;
  }
  return pixels;
}

function augment(pixels: Uint8Array, indices: number[], cfg: AugmentConfig, seed: number, normalisation = unit): Float32Array {
  const out = new Float32Array(indices.length * AREA);
  const params = sampleViewParams(new Rng(seed), indices.length, SIZE, cfg);
  augmentInto(pixels, SIZE, Int32Array.from(indices), params, cfg.noise, normalisation, out);
  return out;
}

describe('augmentInto', () => {
  it('crops, resizes and flips exactly as tf.image.cropAndResize', async () => {
    const pixels = rampImages(6);
    const cfg = { ...identity, cropMinArea: 0.25, flipProb: 0.5 };
    const indices = [5, 0, 3, 3, 1, 2];
    const params = sampleViewParams(new Rng(9), indices.length, SIZE, cfg);
    const out = new Float32Array(indices.length * AREA);
    augmentInto(pixels, SIZE, Int32Array.from(indices), params, 0, unit, out);
    const images = tf.div(tf.tensor4d(Float32Array.from(pixels), [6, SIZE, SIZE, 1]), 255) as tf.Tensor4D;
    const expected = await tf.image
      .cropAndResize(images, tf.tensor2d(params.boxes, [indices.length, 4]), tf.tensor1d(indices, 'int32'), [SIZE, SIZE])
      .data();
    let worst = 0;
    for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(out[i]! - expected[i]!));
    expect(worst).toBeLessThan(1e-5);
    // Some crop really zoomed in and some view really flipped, so the comparison covered both.
    expect(params.boxes.some((v, i) => i % 4 === 2 && v - params.boxes[i - 2]! < 0.9)).toBe(true);
    expect(Array.from({ length: indices.length }, (_, i) => params.boxes[i * 4 + 1]! > params.boxes[i * 4 + 3]!)).toContain(true);
  });

  it('is the identity when every augmentation is off, and a full-image flip reverses the columns', () => {
    const pixels = rampImages(3);
    const plain = augment(pixels, [0, 1, 2], identity, 2);
    const flipped = augment(pixels, [0, 1, 2], { ...identity, flipProb: 1 }, 3);
    for (let i = 0; i < plain.length; i++) {
      expect(plain[i]).toBeCloseTo(pixels[i]! / 255, 6);
      const mirrored = Math.floor(i / SIZE) * SIZE + (SIZE - 1 - (i % SIZE));
      expect(flipped[i]).toBeCloseTo(pixels[mirrored]! / 255, 6);
    }
  });

  it('jitters contrast around each image mean and scales brightness, as drawn', () => {
    const pixels = rampImages(4);
    const cfg = { ...identity, jitterProb: 1, contrast: 0.4, brightness: 0.2 };
    const params = sampleViewParams(new Rng(5), 4, SIZE, cfg);
    const out = new Float32Array(4 * AREA);
    augmentInto(pixels, SIZE, Int32Array.from([0, 1, 2, 3]), params, 0, unit, out);
    for (let n = 0; n < 4; n++) {
      const image = Array.from(pixels.subarray(n * AREA, (n + 1) * AREA), (v) => v / 255);
      const mean = image.reduce((a, b) => a + b, 0) / AREA;
      for (const i of [0, 100, 400, 783]) {
        const expected = Math.min(1, Math.max(0, ((image[i]! - mean) * params.contrast[n]! + mean) * params.brightness[n]!));
        expect(out[n * AREA + i]).toBeCloseTo(expected, 5);
      }
    }
    expect(new Set(params.contrast).size).toBe(4);
  });

  it('erases a rectangle of 2–20% of the image', () => {
    const white = new Uint8Array(8 * AREA).fill(255);
    const out = augment(white, [0, 1, 2, 3, 4, 5, 6, 7], { ...identity, eraseProb: 1 }, 4);
    for (let n = 0; n < 8; n++) {
      const erased = out.subarray(n * AREA, (n + 1) * AREA).filter((v) => v === 0).length / AREA;
      expect(erased).toBeGreaterThanOrEqual(0.015);
      expect(erased).toBeLessThanOrEqual(0.21);
    }
  });

  it('adds gaussian noise of the asked σ and clips to [0, 1]', () => {
    const grey = new Uint8Array(4 * AREA).fill(128);
    const out = augment(grey, [0, 1, 2, 3], { ...identity, noise: 0.05 }, 6);
    const deviations = Array.from(out, (v) => v - 128 / 255);
    const std = Math.sqrt(deviations.reduce((a, d) => a + d * d, 0) / deviations.length);
    expect(std).toBeGreaterThan(0.045);
    expect(std).toBeLessThan(0.055);
    const loud = augment(rampImages(4), [0, 1, 2, 3], { ...defaultConfig(), jitterProb: 1, noise: 0.5 }, 7);
    expect(Math.min(...loud)).toBe(0);
    expect(Math.max(...loud)).toBe(1);
  });

  it('writes the model input normalisation and the rows it is given', () => {
    const pixels = rampImages(2);
    const params = sampleViewParams(new Rng(8), 2, SIZE, identity);
    const out = new Float32Array(3 * AREA).fill(-7);
    augmentInto(pixels, SIZE, Int32Array.from([0, 1]), params, 0, { mean: 0.25, std: 0.5 }, out, 1);
    expect(out[0]).toBe(-7);
    expect(out[AREA + 10]).toBeCloseTo((pixels[10]! / 255 - 0.25) / 0.5, 5);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const cfg = defaultConfig();
    const pixels = rampImages(8);
    const indices = [0, 1, 2, 3, 4, 5, 6, 7];
    expect(augment(pixels, indices, cfg, 7)).toEqual(augment(pixels, indices, cfg, 7));
    expect(augment(pixels, indices, cfg, 7)).not.toEqual(augment(pixels, indices, cfg, 8));
  });
});
