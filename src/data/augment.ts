import type { ExperimentConfig } from '../core/config';
import { Rng } from '../core/rng';

/** The augmentation strengths, a slice of the experiment config. */
export type AugmentConfig = Pick<
  ExperimentConfig,
  'cropMinArea' | 'flipProb' | 'jitterProb' | 'contrast' | 'brightness' | 'eraseProb' | 'noise'
>;

/** Per-image random choices for one view of a batch, drawn in JS from the seeded stream. */
export interface ViewParams {
  /** [y1, x1, y2, x2] per image, normalised; x1 > x2 means horizontally flipped. */
  boxes: Float32Array;
  /** Contrast factor (around each image's mean) and brightness factor, as torchvision's ColorJitter. */
  contrast: Float32Array;
  brightness: Float32Array;
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

export function sampleViewParams(rng: Rng, count: number, size: number, cfg: AugmentConfig): ViewParams {
  const p: ViewParams = {
    boxes: new Float32Array(count * 4),
    contrast: new Float32Array(count),
    brightness: new Float32Array(count),
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

/**
 * Writes one augmented view of the images at `indices` (each `size`×`size` bytes in `pixels`) into `out`, one row
 * of size² values per image from row `firstRow`: crop + flip with bilinear resampling exactly as
 * tf.image.cropAndResize does it, contrast jitter around each crop's mean and a brightness factor (multiplicative,
 * so a black background stays black), random erasing, gaussian noise, clip to [0, 1], then `normalisation`.
 * Plain typed-array code: it runs anywhere (a worker, Node) and costs no tfjs kernels.
 */
export function augmentInto(
  pixels: Uint8Array,
  size: number,
  indices: Int32Array,
  params: ViewParams,
  noise: number,
  normalisation: Normalisation,
  out: Float32Array,
  firstRow = 0,
): void {
  const area = size * size;
  const last = size - 1;
  const crop = new Float32Array(area);
  const left = new Int32Array(size);
  const right = new Int32Array(size);
  const xLerp = new Float32Array(size);
  const inside = new Uint8Array(size);
  const noiseRng = noise > 0 ? new Rng(params.noiseSeed) : null;
  const normals = new Float32Array(noiseRng ? area : 0);
  const invStd = 1 / normalisation.std;
  const offset = normalisation.mean / normalisation.std;
  for (let i = 0; i < indices.length; i++) {
    const source = indices[i]! * area;
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
        crop.fill(0, row, row + size);
        continue;
      }
      const top = source + Math.floor(yInd) * size;
      const bottom = source + Math.ceil(yInd) * size;
      const yl = yInd - Math.floor(yInd);
      for (let x = 0; x < size; x++) {
        if (!inside[x]) {
          crop[row + x] = 0;
          continue;
        }
        const l = left[x]!;
        const r = right[x]!;
        const xl = xLerp[x]!;
        const topValue = pixels[top + l]! + (pixels[top + r]! - pixels[top + l]!) * xl;
        const bottomValue = pixels[bottom + l]! + (pixels[bottom + r]! - pixels[bottom + l]!) * xl;
        const value = topValue + (bottomValue - topValue) * yl;
        crop[row + x] = value;
        sum += value;
      }
    }
    const mean = sum / area;
    const contrast = params.contrast[i]!;
    const brightness = params.brightness[i]!;
    const eraseRows = params.eraseRows.subarray(i * size, (i + 1) * size);
    const eraseCols = params.eraseCols.subarray(i * size, (i + 1) * size);
    const target = (firstRow + i) * area;
    noiseRng?.fillNormal(normals);
    for (let y = 0; y < size; y++) {
      const erasedRow = eraseRows[y] === 1;
      for (let x = 0; x < size; x++) {
        let value = ((crop[y * size + x]! - mean) * contrast + mean) * brightness;
        if (erasedRow && eraseCols[x] === 1) value = 0;
        value *= 1 / 255;
        if (noiseRng) value += noise * normals[y * size + x]!;
        value = value < 0 ? 0 : value > 1 ? 1 : value;
        out[target + y * size + x] = value * invStd - offset;
      }
    }
  }
}
