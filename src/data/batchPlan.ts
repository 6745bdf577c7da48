/**
 * Which images and which augmentations each training step uses, as a pure function of the seed and the step:
 * epoch e is a seeded permutation of the training set read in order across batch boundaries (each image once per
 * epoch), and step s draws its two views' random choices from a stream of its own. So any thread can prepare any
 * step's batch ahead of time, and the run is the same whatever the timing.
 */
import { Rng } from '../core/rng';
import { type AugmentConfig, augmentInto, type Normalisation, sampleViewParams, type ViewParams } from './augment';
import type { ImageChannels } from './datasetFormat';

/** What a batch maker needs of a run: the training images and how to draw from them. */
export interface BatchSpec {
  /** The training images, channels planes of size × size bytes each. */
  pixels: Uint8Array;
  size: number;
  channels: ImageChannels;
  count: number;
  seed: number;
  batch: number;
  normalisation: Normalisation;
}

/** Two augmented views of one step's images, normalised for the model. */
export interface TrainingBatch {
  step: number;
  /** [2·batch, channels·size²]: view 1's rows, then view 2's. */
  views: Float32Array;
  /** The same values transposed, [channels·size², 2·batch] (the first layer's weight gradient needs them that way). */
  viewsT: Float32Array;
}

export class BatchPlan {
  private readonly orderRng: Rng;
  private readonly augmentRng: Rng;
  private epoch = -1;
  private order = new Uint32Array(0);

  constructor(seed: number, private readonly count: number, private readonly batch: number) {
    const rng = new Rng(seed);
    this.orderRng = rng.fork('batches');
    this.augmentRng = rng.fork('augment');
  }

  /** The training images of step `step` (0 is the first step). */
  indicesAt(step: number): Int32Array {
    const out = new Int32Array(this.batch);
    for (let i = 0; i < this.batch; i++) {
      const position = step * this.batch + i;
      this.useEpoch(Math.floor(position / this.count));
      out[i] = this.order[position % this.count]!;
    }
    return out;
  }

  /** The random choices of step `step`'s two views. */
  viewParamsAt(step: number, size: number, channels: ImageChannels, augment: AugmentConfig): [ViewParams, ViewParams] {
    const rng = this.augmentRng.fork(`step ${step}`);
    return [sampleViewParams(rng, this.batch, size, channels, augment), sampleViewParams(rng, this.batch, size, channels, augment)];
  }

  private useEpoch(epoch: number): void {
    if (epoch === this.epoch) return;
    this.order = Uint32Array.from({ length: this.count }, (_, i) => i);
    this.orderRng.fork(`epoch ${epoch}`).shuffle(this.order);
    this.epoch = epoch;
  }
}

/** Makes any step's batch from a spec: the same numbers in whichever thread calls it. */
export class BatchMaker {
  private readonly plan: BatchPlan;

  constructor(private readonly spec: BatchSpec) {
    this.plan = new BatchPlan(spec.seed, spec.count, spec.batch);
  }

  make(step: number, augment: AugmentConfig): TrainingBatch {
    const { pixels, size, channels, batch, normalisation } = this.spec;
    const indices = this.plan.indicesAt(step);
    const [first, second] = this.plan.viewParamsAt(step, size, channels, augment);
    const values = channels * size * size;
    const views = new Float32Array(2 * batch * values);
    augmentInto(pixels, size, channels, indices, first, augment.noise, normalisation, views, 0);
    augmentInto(pixels, size, channels, indices, second, augment.noise, normalisation, views, batch);
    return { step, views, viewsT: transpose(views, 2 * batch, values) };
  }
}

/** A rows × cols matrix transposed, in blocks so both sides stay in cache. */
function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  const block = 32;
  for (let r0 = 0; r0 < rows; r0 += block) {
    const r1 = Math.min(rows, r0 + block);
    for (let c0 = 0; c0 < cols; c0 += block) {
      const c1 = Math.min(cols, c0 + block);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) out[c * rows + r] = values[r * cols + c]!;
      }
    }
  }
  return out;
}

/** The pixel mean and std of a set of images, in [0, 1] units: the model's input normalisation. */
export function pixelNormalisation(pixels: Uint8Array): Normalisation {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i]! / 255;
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / pixels.length;
  return { mean, std: Math.sqrt(Math.max(sumSq / pixels.length - mean * mean, 1e-12)) };
}
