import { augmentationKeys, colourAugmentationKeys, type ExperimentConfig } from '../core/config';
import { Rng } from '../core/rng';
import { type ImageChannels, LUMA } from './datasetFormat';

/** The augmentation strengths, a slice of the experiment config. */
export type AugmentConfig = Pick<ExperimentConfig, (typeof augmentationKeys)[number]>;

/**
 * The settings that act on images of `channels` channels, as one comparable value. Grey images leave the colour
 * settings out: changing them changes nothing there (and their runs keep the draws they had before colour).
 */
export function augmentationKey(augment: AugmentConfig, channels: ImageChannels): string {
  const acting = channels === 3 ? augmentationKeys : augmentationKeys.filter((key) => !(colourAugmentationKeys as readonly string[]).includes(key));
  return acting.map((key) => augment[key]).join(' ');
}

/** Per-image random choices for one view of a batch, drawn in JS from the seeded stream. */
export interface ViewParams {
  /** [y1, x1, y2, x2] per image, normalised; x1 > x2 means horizontally flipped. */
  boxes: Float32Array;
  /** Contrast factor (around each image's mean) and brightness factor, as torchvision's ColorJitter. */
  contrast: Float32Array;
  brightness: Float32Array;
  /** Colour images: saturation factor, hue shift (a fraction of the colour wheel), 1 where the view goes grey. */
  saturation: Float32Array;
  hue: Float32Array;
  grey: Uint8Array;
  /** 1 where a row / column lies inside the erased rectangle (all 0 when not erased). */
  eraseRows: Float32Array;
  eraseCols: Float32Array;
  noiseSeed: number;
}

const LOG_RATIO_CROP: [number, number] = [Math.log(3 / 4), Math.log(4 / 3)];
const LOG_RATIO_ERASE: [number, number] = [Math.log(0.3), Math.log(3.3)];
const ERASE_AREA: [number, number] = [0.02, 0.2];

/**
 * A rectangle of `areaFraction` of the image with a log-uniform aspect ratio, placed uniformly; the
 * same rejection sampling as torchvision's RandomResizedCrop / RandomErasing. Null when 10 tries fail.
 */
function sampleRect(rng: Rng, size: number, area: [number, number], logRatio: [number, number]) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const target = size * size * rng.uniform(area[0], area[1]);
    const ratio = Math.exp(rng.uniform(logRatio[0], logRatio[1]));
    const w = Math.round(Math.sqrt(target * ratio));
    const h = Math.round(Math.sqrt(target / ratio));
    if (w > 0 && h > 0 && w <= size && h <= size) {
      return { top: rng.int(size - h + 1), left: rng.int(size - w + 1), h, w };
    }
  }
  return null;
}

/** One view's random choices for `count` images; grey images draw nothing for the colour settings. */
export function sampleViewParams(rng: Rng, count: number, size: number, channels: ImageChannels, cfg: AugmentConfig): ViewParams {
  const p: ViewParams = {
    boxes: new Float32Array(count * 4),
    contrast: new Float32Array(count),
    brightness: new Float32Array(count),
    saturation: new Float32Array(count).fill(1),
    hue: new Float32Array(count),
    grey: new Uint8Array(count),
    eraseRows: new Float32Array(count * size),
    eraseCols: new Float32Array(count * size),
    noiseSeed: 0,
  };
  const last = size - 1;
  for (let i = 0; i < count; i++) {
    const crop = sampleRect(rng, size, [cfg.cropMinArea, 1], LOG_RATIO_CROP) ?? { top: 0, left: 0, h: size, w: size };
    // cropAndResize box corners are pixel centres scaled by (size - 1).
    const [y1, y2] = [crop.top / last, (crop.top + crop.h - 1) / last];
    let [x1, x2] = [crop.left / last, (crop.left + crop.w - 1) / last];
    if (rng.bernoulli(cfg.flipProb)) [x1, x2] = [x2, x1];
    p.boxes.set([y1, x1, y2, x2], i * 4);

    const jitter = rng.bernoulli(cfg.jitterProb);
    p.contrast[i] = jitter ? rng.uniform(1 - cfg.contrast, 1 + cfg.contrast) : 1;
    p.brightness[i] = jitter ? rng.uniform(1 - cfg.brightness, 1 + cfg.brightness) : 1;
    if (channels === 3) {
      if (jitter) {
        p.saturation[i] = rng.uniform(1 - cfg.saturation, 1 + cfg.saturation);
        p.hue[i] = rng.uniform(-cfg.hue, cfg.hue);
      }
      p.grey[i] = rng.bernoulli(cfg.greyProb) ? 1 : 0;
    }

    const erase = rng.bernoulli(cfg.eraseProb) ? sampleRect(rng, size, ERASE_AREA, LOG_RATIO_ERASE) : null;
    if (erase) {
      p.eraseRows.fill(1, i * size + erase.top, i * size + erase.top + erase.h);
      p.eraseCols.fill(1, i * size + erase.left, i * size + erase.left + erase.w);
    }
  }
  p.noiseSeed = rng.seed();
  return p;
}

/** Where augmented values go: the model's input normalisation (x − mean) / std, or { mean 0, std 1 } for [0, 1] pixels. */
export interface Normalisation {
  mean: number;
  std: number;
}

const clampByte = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/**
 * Colour jitter and greyscale of one cropped colour image in place (planes R, G, B of `area` values, 0–255), in
 * torchvision's ColorJitter order with the order fixed: contrast around the image's mean luma and brightness,
 * saturation (a blend with the pixel's luma), hue (a rotation of the colour wheel), then greyscale; clamped to
 * 0–255 after each, as torchvision does.
 */
function colourJitter(crop: Float32Array, area: number, mean: number, params: ViewParams, i: number): void {
  const contrast = params.contrast[i]!;
  const brightness = params.brightness[i]!;
  const saturation = params.saturation[i]!;
  const sextants = params.hue[i]! * 6;
  const grey = params.grey[i] === 1;
  for (let p = 0; p < area; p++) {
    let r = clampByte(((crop[p]! - mean) * contrast + mean) * brightness);
    let g = clampByte(((crop[area + p]! - mean) * contrast + mean) * brightness);
    let b = clampByte(((crop[2 * area + p]! - mean) * contrast + mean) * brightness);
    if (saturation !== 1) {
      const l = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
      r = clampByte(l + (r - l) * saturation);
      g = clampByte(l + (g - l) * saturation);
      b = clampByte(l + (b - l) * saturation);
    }
    if (sextants !== 0) {
      // HSV's hue in sextants of the wheel; turning it keeps the largest and smallest channel (V and S).
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const chroma = max - min;
      if (chroma > 0) {
        const h = max === r ? (g - b) / chroma : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
        const turned = (((h + sextants) % 6) + 6) % 6;
        const sector = Math.floor(turned);
        const rising = min + chroma * (turned - sector);
        const falling = max - chroma * (turned - sector);
        // (r, g, b) in each sixth of the wheel; a switch, not a table, so that no pixel allocates.
        switch (sector) {
          case 0: r = max; g = rising; b = min; break;
          case 1: r = falling; g = max; b = min; break;
          case 2: r = min; g = max; b = rising; break;
          case 3: r = min; g = falling; b = max; break;
          case 4: r = rising; g = min; b = max; break;
          default: r = max; g = min; b = falling;
        }
      }
    }
    if (grey) r = g = b = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
    crop[p] = r;
    crop[area + p] = g;
    crop[2 * area + p] = b;
  }
}

/**
 * Writes one augmented view of the images at `indices` (each `channels` planes of `size`×`size` bytes in `pixels`)
 * into `out`, one row of channels·size² values per image from row `firstRow`: crop + flip with bilinear resampling
 * exactly as tf.image.cropAndResize does it (the same box on every plane), contrast jitter around each crop's mean
 * and a brightness factor (multiplicative, so a black background stays black), on colour images saturation, hue and
 * greyscale (colourJitter), then random erasing, gaussian noise, clip to [0, 1], then `normalisation`.
 * Plain typed-array code: it runs anywhere (a worker, Node) and costs no tfjs kernels.
 */
export function augmentInto(
  pixels: Uint8Array,
  size: number,
  channels: ImageChannels,
  indices: Int32Array,
  params: ViewParams,
  noise: number,
  normalisation: Normalisation,
  out: Float32Array,
  firstRow = 0,
): void {
  const area = size * size;
  const values = channels * area;
  const last = size - 1;
  const crop = new Float32Array(values);
  const left = new Int32Array(size);
  const right = new Int32Array(size);
  const xLerp = new Float32Array(size);
  const inside = new Uint8Array(size);
  const noiseRng = noise > 0 ? new Rng(params.noiseSeed) : null;
  const normals = new Float32Array(noiseRng ? values : 0);
  const invStd = 1 / normalisation.std;
  const offset = normalisation.mean / normalisation.std;
  // The contrast jitter's mean: of the grey values, or of a colour image's luma.
  const weights = channels === 3 ? LUMA : [1];
  for (let i = 0; i < indices.length; i++) {
    const source = indices[i]! * values;
    const y1 = params.boxes[i * 4]!;
    const x1 = params.boxes[i * 4 + 1]!;
    const y2 = params.boxes[i * 4 + 2]!;
    const x2 = params.boxes[i * 4 + 3]!;
    // tfjs's (y2 − y1)(imageHeight − 1)/(cropHeight − 1), written the same way so the numbers match it exactly.
    const heightScale = ((y2 - y1) * last) / last;
    const widthScale = ((x2 - x1) * last) / last;
    for (let x = 0; x < size; x++) {
      const xInd = x1 * last + x * widthScale;
      inside[x] = xInd >= 0 && xInd <= last ? 1 : 0;
      left[x] = Math.floor(xInd);
      right[x] = Math.ceil(xInd);
      xLerp[x] = xInd - left[x]!;
    }
    // Bilinear crop in pixel units (0–255); positions off the image read as 0, as tfjs's extrapolation value.
    let sum = 0;
    for (let y = 0; y < size; y++) {
      const yInd = y1 * last + y * heightScale;
      const row = y * size;
      if (yInd < 0 || yInd > last) {
        for (let c = 0; c < channels; c++) crop.fill(0, c * area + row, c * area + row + size);
        continue;
      }
      const yl = yInd - Math.floor(yInd);
      for (let c = 0; c < channels; c++) {
        const top = source + c * area + Math.floor(yInd) * size;
        const bottom = source + c * area + Math.ceil(yInd) * size;
        const target = c * area + row;
        const weight = weights[c]!;
        for (let x = 0; x < size; x++) {
          if (!inside[x]) {
            crop[target + x] = 0;
            continue;
          }
          const l = left[x]!;
          const r = right[x]!;
          const xl = xLerp[x]!;
          const topValue = pixels[top + l]! + (pixels[top + r]! - pixels[top + l]!) * xl;
          const bottomValue = pixels[bottom + l]! + (pixels[bottom + r]! - pixels[bottom + l]!) * xl;
          const value = topValue + (bottomValue - topValue) * yl;
          crop[target + x] = value;
          sum += value * weight;
        }
      }
    }
    const mean = sum / area;
    const contrast = params.contrast[i]!;
    const brightness = params.brightness[i]!;
    if (channels === 3) colourJitter(crop, area, mean, params, i);
    const eraseRows = params.eraseRows.subarray(i * size, (i + 1) * size);
    const eraseCols = params.eraseCols.subarray(i * size, (i + 1) * size);
    const target = (firstRow + i) * values;
    noiseRng?.fillNormal(normals);
    for (let c = 0; c < channels; c++) {
      const plane = c * area;
      for (let y = 0; y < size; y++) {
        const erasedRow = eraseRows[y] === 1;
        for (let x = 0; x < size; x++) {
          const k = plane + y * size + x;
          let value = channels === 3 ? crop[k]! : ((crop[k]! - mean) * contrast + mean) * brightness;
          if (erasedRow && eraseCols[x] === 1) value = 0;
          value *= 1 / 255;
          if (noiseRng) value += noise * normals[k]!;
          value = value < 0 ? 0 : value > 1 ? 1 : value;
          out[target + k] = value * invStd - offset;
        }
      }
    }
  }
}
