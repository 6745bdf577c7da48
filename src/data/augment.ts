import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../core/config';
import type { Rng } from '../core/rng';

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

/**
 * One augmented view of a batch: crop + flip (tf.image.cropAndResize), contrast jitter around each
 * image's mean and a brightness factor (multiplicative, so a black background stays black), random erasing, gaussian noise, clip to [0, 1]. Returns [n, size, size, 1]
 * in [0, 1]; normalisation is the caller's (the model's input layer).
 */
export function augmentBatch(images: tf.Tensor4D, params: ViewParams, noise: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, size] = [images.shape[0], images.shape[1]];
    const boxes = tf.tensor2d(params.boxes, [n, 4]);
    const boxInd = tf.range(0, n, 1, 'int32') as tf.Tensor1D;
    let x: tf.Tensor4D = tf.image.cropAndResize(images, boxes, boxInd, [size, size], 'bilinear');

    const mean = tf.mean(x, [1, 2, 3], true);
    const contrast = tf.tensor4d(params.contrast, [n, 1, 1, 1]);
    const brightness = tf.tensor4d(params.brightness, [n, 1, 1, 1]);
    x = tf.mul(tf.add(tf.mul(tf.sub(x, mean), contrast), mean), brightness);

    const rows = tf.tensor4d(params.eraseRows, [n, size, 1, 1]);
    const cols = tf.tensor4d(params.eraseCols, [n, 1, size, 1]);
    x = tf.mul(x, tf.sub(1, tf.mul(rows, cols)));

    if (noise > 0) x = tf.add(x, tf.randomNormal(x.shape, 0, noise, 'float32', params.noiseSeed));
    return tf.clipByValue(x, 0, 1);
  });
}
