import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { Rng } from '../core/rng';
import { useBackend } from '../testing/tfBackend';
import { augmentationKey, augmentInto, type AugmentConfig, sampleViewParams } from './augment';

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
  const params = sampleViewParams(new Rng(seed), indices.length, SIZE, 1, cfg);
  augmentInto(pixels, SIZE, 1, Int32Array.from(indices), params, cfg.noise, normalisation, out);
  return out;
}

describe('augmentInto', () => {
  it('crops, resizes and flips exactly as tf.image.cropAndResize', async () => {
    const pixels = rampImages(6);
    const cfg = { ...identity, cropMinArea: 0.25, flipProb: 0.5 };
    const indices = [5, 0, 3, 3, 1, 2];
    const params = sampleViewParams(new Rng(9), indices.length, SIZE, 1, cfg);
    const out = new Float32Array(indices.length * AREA);
    augmentInto(pixels, SIZE, 1, Int32Array.from(indices), params, 0, unit, out);
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
    const params = sampleViewParams(new Rng(5), 4, SIZE, 1, cfg);
    const out = new Float32Array(4 * AREA);
    augmentInto(pixels, SIZE, 1, Int32Array.from([0, 1, 2, 3]), params, 0, unit, out);
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
    const params = sampleViewParams(new Rng(8), 2, SIZE, 1, identity);
    const out = new Float32Array(3 * AREA).fill(-7);
    augmentInto(pixels, SIZE, 1, Int32Array.from([0, 1]), params, 0, { mean: 0.25, std: 0.5 }, out, 1);
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

describe('colour images', () => {
  const SIDE = 8;
  const PLANE = SIDE * SIDE;
  const colourOff: AugmentConfig = { ...identity, greyProb: 0 };

  /** `colours.length` images, each one flat colour (planes R, G, B). */
  function flatImages(colours: [number, number, number][]): Uint8Array {
    const pixels = new Uint8Array(colours.length * 3 * PLANE);
    colours.forEach((rgb, n) => rgb.forEach((v, c) => pixels.fill(v, (n * 3 + c) * PLANE, (n * 3 + c + 1) * PLANE)));
    return pixels;
  }

  /** Each image's first pixel, as bytes [r, g, b], after one view with hand-set colour choices. */
  function firstPixels(colours: [number, number, number][], set: { saturation?: number; hue?: number; grey?: boolean; contrast?: number; brightness?: number }) {
    const params = sampleViewParams(new Rng(1), colours.length, SIDE, 3, colourOff);
    params.saturation.fill(set.saturation ?? 1);
    params.hue.fill(set.hue ?? 0);
    params.grey.fill(set.grey ? 1 : 0);
    params.contrast.fill(set.contrast ?? 1);
    params.brightness.fill(set.brightness ?? 1);
    const out = new Float32Array(colours.length * 3 * PLANE);
    augmentInto(flatImages(colours), SIDE, 3, Int32Array.from(colours.keys()), params, 0, unit, out);
    return colours.map((_, n) => [0, 1, 2].map((c) => out[(n * 3 + c) * PLANE]! * 255));
  }

  const colours: [number, number, number][] = [[255, 128, 0], [30, 200, 90], [12, 40, 230], [200, 200, 200]];
  const luma = ([r, g, b]: number[]) => 0.299 * r! + 0.587 * g! + 0.114 * b!;

  it('leaves colours as they are when every augmentation is off, plane by plane', () => {
    firstPixels(colours, {}).forEach((rgb, n) => rgb.forEach((v, c) => expect(v).toBeCloseTo(colours[n]![c]!, 3)));
  });

  it('turns the hue: a third of the wheel moves red to green, half of it gives each channel as max + min − itself', () => {
    expect(firstPixels([[255, 0, 0], [0, 0, 255]], { hue: 1 / 3 }).map((rgb) => rgb.map(Math.round))).toEqual([[0, 255, 0], [255, 0, 0]]);
    expect(firstPixels([[255, 0, 0]], { hue: -1 / 3 }).map((rgb) => rgb.map(Math.round))).toEqual([[0, 0, 255]]);
    firstPixels(colours, { hue: 0.5 }).forEach((rgb, n) => {
      const source = colours[n]!;
      const [max, min] = [Math.max(...source), Math.min(...source)];
      rgb.forEach((v, c) => expect(v).toBeCloseTo(max + min - source[c]!, 3));
    });
  });

  it('saturation 0 and greyscale give the luma in every channel; saturation 2 doubles the distance from it', () => {
    for (const view of [firstPixels(colours, { saturation: 0 }), firstPixels(colours, { grey: true })]) {
      view.forEach((rgb, n) => rgb.forEach((v) => expect(v).toBeCloseTo(luma(colours[n]!), 3)));
    }
    firstPixels([[100, 120, 140]], { saturation: 2 })[0]!.forEach((v, c) => {
      const l = luma([100, 120, 140]);
      expect(v).toBeCloseTo(l + 2 * ([100, 120, 140][c]! - l), 3);
    });
  });

  it('scales brightness and clamps each channel to 0–255', () => {
    firstPixels([[100, 50, 200]], { brightness: 1.5 })[0]!.forEach((v, c) => expect(v).toBeCloseTo(Math.min(255, 1.5 * [100, 50, 200][c]!), 3));
  });

  it('jitters contrast around the image mean luma', () => {
    // Half the image one colour, half another: its mean luma lies between them.
    const [a, b]: number[][] = [[240, 20, 20], [20, 20, 240]];
    const pixels = new Uint8Array(3 * PLANE);
    for (let c = 0; c < 3; c++) {
      pixels.fill(a![c]!, c * PLANE, c * PLANE + PLANE / 2);
      pixels.fill(b![c]!, c * PLANE + PLANE / 2, (c + 1) * PLANE);
    }
    const params = sampleViewParams(new Rng(1), 1, SIDE, 3, colourOff);
    params.contrast.fill(0.5);
    const out = new Float32Array(3 * PLANE);
    augmentInto(pixels, SIDE, 3, Int32Array.from([0]), params, 0, unit, out);
    const mean = (luma(a!) + luma(b!)) / 2;
    for (let c = 0; c < 3; c++) expect(out[c * PLANE]! * 255).toBeCloseTo(mean + 0.5 * (a![c]! - mean), 3);
  });

  it('draws saturation, hue and greyscale within their ranges, seeded; grey images draw none of them', () => {
    const cfg = { ...defaultConfig(), jitterProb: 1, saturation: 0.8, hue: 0.2, greyProb: 0.5 };
    const params = sampleViewParams(new Rng(4), 200, SIDE, 3, cfg);
    expect(Math.min(...params.saturation)).toBeGreaterThanOrEqual(0.2);
    expect(Math.max(...params.saturation)).toBeLessThanOrEqual(1.8);
    expect(Math.max(...params.hue.map(Math.abs))).toBeLessThanOrEqual(0.2);
    const greys = params.grey.reduce((a, b) => a + b, 0);
    expect(greys).toBeGreaterThan(70);
    expect(greys).toBeLessThan(130);
    expect(sampleViewParams(new Rng(4), 200, SIDE, 3, cfg)).toEqual(params);
    // Grey images: the colour settings change nothing, not even the other draws.
    const grey = sampleViewParams(new Rng(4), 50, SIZE, 1, cfg);
    expect(sampleViewParams(new Rng(4), 50, SIZE, 1, { ...cfg, saturation: 0, hue: 0, greyProb: 1 })).toEqual(grey);
    expect(grey.grey.every((g) => g === 0) && grey.hue.every((h) => h === 0)).toBe(true);
    expect(augmentationKey(cfg, 1)).toBe(augmentationKey({ ...cfg, hue: 0.4, greyProb: 0 }, 1));
    expect(augmentationKey(cfg, 3)).not.toBe(augmentationKey({ ...cfg, hue: 0.4 }, 3));
  });

  it('crops every plane with the same box, and erases all three', () => {
    const pixels = new Uint8Array(3 * PLANE);
    for (let c = 0; c < 3; c++) for (let i = 0; i < PLANE; i++) pixels[c * PLANE + i] = (i * 3 + c * 50) % 256;
    const cfg = { ...colourOff, cropMinArea: 0.3, flipProb: 0.5, eraseProb: 1 };
    const params = sampleViewParams(new Rng(12), 1, SIDE, 3, cfg);
    const erased = { ...params, eraseRows: new Float32Array(SIDE), eraseCols: new Float32Array(SIDE) };
    const [out, whole] = [new Float32Array(3 * PLANE), new Float32Array(3 * PLANE)];
    augmentInto(pixels, SIDE, 3, Int32Array.from([0]), params, 0, unit, out);
    augmentInto(pixels, SIDE, 3, Int32Array.from([0]), erased, 0, unit, whole);
    for (let c = 0; c < 3; c++) {
      // Each plane alone, as a grey image under the same box, gives the same values.
      const plane = new Float32Array(PLANE);
      augmentInto(pixels.subarray(c * PLANE, (c + 1) * PLANE), SIDE, 1, Int32Array.from([0]), erased, 0, unit, plane);
      for (let i = 0; i < PLANE; i++) expect(whole[c * PLANE + i]).toBeCloseTo(plane[i]!, 6);
    }
    const zeroed = [0, 1, 2].map((c) => Array.from(out.subarray(c * PLANE, (c + 1) * PLANE), (v, i) => (v === 0 && whole[c * PLANE + i] !== 0 ? i : -1)).filter((i) => i >= 0));
    expect(zeroed[0]!.length).toBeGreaterThan(0);
    expect(zeroed[1]).toEqual(zeroed[0]);
    expect(zeroed[2]).toEqual(zeroed[0]);
  });
});
