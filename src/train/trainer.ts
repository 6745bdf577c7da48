import * as tf from '@tensorflow/tfjs';
import { type ExperimentConfig, liveKeys } from '../core/config';
import { Rng } from '../core/rng';
import { augmentBatch, sampleViewParams } from '../data/augment';
import { BatchSampler } from '../data/batches';
import type { Dataset } from '../data/datasetFormat';
import { applyBatchStats, type BatchStats } from '../ssl/layers';
import { methods } from '../ssl/methods';
import { INPUT_SIZE, SslModel } from '../ssl/model';
import { evaluate, type EvaluationInputs, type KnnBank, readBack } from './evaluation';
import { l2Normalize } from '../ssl/losses';
import type { Snapshot } from './snapshot';

export interface TrainingData {
  train: Dataset;
  eval: Dataset;
}

/** Batches used to calibrate BatchNorm's running statistics before the first snapshot. */
const CALIBRATION_BATCHES = 8;

export class NonFiniteLossError extends Error {
  constructor(readonly step: number, readonly loss: number) {
    super(
      `The loss became ${loss} at step ${step}: training diverged. Training is paused; ` +
        'lower the learning rate or press Reset.',
    );
  }
}

function allIndices(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => i);
}

/** Pixel mean and std of a dataset, for input normalisation. */
function pixelStats(pixels: Uint8Array): { mean: number; std: number } {
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

/** The chosen images as [n, rows, cols, 1] in [0, 1]; gathered in JS, which beats tf.gather on wasm. */
function imagesTensor(ds: Dataset, indices: Int32Array): tf.Tensor4D {
  const size = ds.rows * ds.cols;
  const values = new Float32Array(indices.length * size);
  indices.forEach((index, i) => {
    const source = ds.pixels.subarray(index * size, (index + 1) * size);
    for (let j = 0; j < size; j++) values[i * size + j] = source[j]! / 255;
  });
  return tf.tensor4d(values, [indices.length, ds.rows, ds.cols, 1]);
}

function makeOptimizer(config: ExperimentConfig): tf.Optimizer {
  // β and ε as PyTorch's defaults, so runs compare with the reference curves.
  return config.optimizer === 'adam' ? tf.train.adam(config.lr, 0.9, 0.999, 1e-8) : tf.train.momentum(config.lr, 0.9);
}

/**
 * The training engine: one model, one method, seeded data and augmentations. It knows nothing of
 * workers, the DOM or the CLI; hosts call trainStep() and snapshot() and decide what to do with them.
 */
export class Trainer {
  private readonly model: SslModel;
  private readonly optimizer: tf.Optimizer;
  private readonly evalInputs: EvaluationInputs;
  /** The training images for the kNN bank, built on first use (25 MB). */
  private knnBank: KnnBank | null = null;
  private readonly sampler: BatchSampler;
  private readonly augmentRng: Rng;
  private readonly normalisation: { mean: number; std: number };
  private readonly previewRng: Rng;
  private lossSum = 0;
  private lossCount = 0;
  private stepCount = 0;

  constructor(private cfg: ExperimentConfig, private readonly data: TrainingData) {
    const rng = new Rng(cfg.seed);
    this.model = new SslModel(
      {
        dim: cfg.dim,
        batchNorm: cfg.batchNorm,
        prototypes: cfg.method === 'swav' ? cfg.prototypes : null,
        target: cfg.method === 'byol' && cfg.momentum > 0,
      },
      rng.fork('init'),
    );
    this.optimizer = makeOptimizer(cfg);
    this.sampler = new BatchSampler(data.train.count, rng.fork('batches'));
    this.augmentRng = rng.fork('augment');
    this.previewRng = rng.fork('preview');
    this.normalisation = pixelStats(data.train.pixels);
    this.evalInputs = this.buildEvaluationInputs(rng.fork('evaluation-views'));
    this.calibrateBatchNorm(rng.fork('calibration'));
  }

  get step(): number {
    return this.stepCount;
  }

  get config(): ExperimentConfig {
    return this.cfg;
  }

  get imageSize(): number {
    return this.data.train.rows;
  }

  /**
   * What the model sees: `count` random training images, each followed by its two augmented views
   * under the current augmentation settings (count × 3 × size × size, values in [0, 1]). Its own random
   * stream, so previews never change the training run.
   */
  async previewAugmentations(count: number): Promise<Float32Array> {
    const size = this.imageSize;
    const indices = Int32Array.from({ length: count }, () => this.previewRng.int(this.data.train.count));
    const strip = tf.tidy(() => {
      const images = imagesTensor(this.data.train, indices);
      const view = () => augmentBatch(images, sampleViewParams(this.previewRng, count, size, this.cfg), this.cfg.noise);
      return tf.stack([images, view(), view()], 1);
    });
    const values = (await strip.data()) as Float32Array;
    strip.dispose();
    return values;
  }

  /** Applies the keys that can change mid-run; returns false when the change needs a fresh Trainer. */
  updateConfig(next: ExperimentConfig): boolean {
    const needsRestart = (Object.keys(next) as (keyof ExperimentConfig)[]).some(
      (key) => !liveKeys.has(key) && next[key] !== this.cfg[key],
    );
    if (needsRestart) return false;
    this.cfg = { ...next };
    return true;
  }

  /** One optimisation step; resolves to its loss. Throws NonFiniteLossError when the loss is NaN/∞. */
  async trainStep(): Promise<number> {
    const method = methods[this.cfg.method];
    const stats: BatchStats[] = [];
    const lossTensor = tf.tidy(() => {
      const [view1, view2] = this.sampleViews(this.sampler, this.augmentRng);
      const variables = method.trainableVariables(this.model, this.cfg);
      const mode = { training: true as const, stats };
      return this.optimizer.minimize(() => method.loss({ model: this.model, view1, view2, mode, config: this.cfg }), true, variables)!;
    });
    applyBatchStats(stats, 0.1);
    method.afterStep?.(this.model, this.cfg, this.stepCount + 1);
    const loss = (await lossTensor.data())[0]!;
    lossTensor.dispose();
    this.stepCount += 1;
    if (!Number.isFinite(loss)) throw new NonFiniteLossError(this.stepCount, loss);
    this.lossSum += loss;
    this.lossCount += 1;
    return loss;
  }

  /**
   * Embeds the evaluation set (BatchNorm in evaluation mode) and measures it. `knnQueries` > 0 also
   * scores that many evaluation images by kNN against the training set (slow: ask for it sparingly).
   */
  async snapshot(options: { knnQueries?: number } = {}): Promise<Snapshot> {
    const queries = options.knnQueries ?? 0;
    const knn = queries > 0 ? { bank: this.trainingBank(), queries } : null;
    const result = await evaluate(this.model, this.cfg.dim, this.evalInputs, knn);
    const shown = this.cfg.showTrain ? await this.withTrainingPoints(result.embeddings) : null;
    const loss = this.lossCount > 0 ? this.lossSum / this.lossCount : NaN;
    this.lossSum = 0;
    this.lossCount = 0;
    return {
      step: this.stepCount,
      dim: this.cfg.dim,
      loss,
      pairCount: result.pairs.length / (2 * this.cfg.dim),
      ...result,
      embeddings: shown?.embeddings ?? result.embeddings,
      labels: shown?.labels ?? this.data.eval.labels.slice(),
    };
  }

  /** The evaluation embeddings followed by the training images' (for drawing only). */
  private async withTrainingPoints(evalEmbeddings: Float32Array): Promise<{ embeddings: Float32Array; labels: Uint8Array }> {
    const bank = this.trainingBank();
    const train = await readBack(tf.tidy(() => l2Normalize(this.model.embed(bank.inputs, { training: false }))));
    const embeddings = new Float32Array(evalEmbeddings.length + train.length);
    embeddings.set(evalEmbeddings);
    embeddings.set(train, evalEmbeddings.length);
    const labels = new Uint8Array(this.data.eval.count + this.data.train.count);
    labels.set(this.data.eval.labels);
    labels.set(bank.labels, this.data.eval.count);
    return { embeddings, labels };
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
    for (const t of [this.evalInputs.clean, this.evalInputs.view1, this.evalInputs.view2, this.knnBank?.inputs]) t?.dispose();
  }

  /** The evaluation images, clean and under two fixed augmentations (for the alignment metric). */
  private buildEvaluationInputs(rng: Rng): EvaluationInputs {
    const { eval: evalSet } = this.data;
    return tf.tidy(() => {
      const images = imagesTensor(evalSet, allIndices(evalSet.count));
      const view = () =>
        this.toModelInput(augmentBatch(images, sampleViewParams(rng, evalSet.count, evalSet.rows, this.cfg), this.cfg.noise));
      const inputs = { clean: this.toModelInput(images), view1: view(), view2: view() };
      for (const t of Object.values(inputs)) tf.keep(t);
      return { ...inputs, labels: evalSet.labels, classCount: evalSet.classNames.length };
    });
  }

  private trainingBank(): KnnBank {
    this.knnBank ??= {
      inputs: tf.tidy(() => this.toModelInput(imagesTensor(this.data.train, allIndices(this.data.train.count)))),
      labels: this.data.train.labels,
    };
    return this.knnBank;
  }

  /** Two augmented, normalised views of the next batch, each [batch, 784]. */
  private sampleViews(sampler: BatchSampler, rng: Rng): [tf.Tensor2D, tf.Tensor2D] {
    const { batch } = this.cfg;
    const size = this.data.train.rows;
    const images = imagesTensor(this.data.train, sampler.next(batch));
    const view = () => this.toModelInput(augmentBatch(images, sampleViewParams(rng, batch, size, this.cfg), this.cfg.noise));
    return [view(), view()];
  }

  private toModelInput(images: tf.Tensor4D): tf.Tensor2D {
    const { mean, std } = this.normalisation;
    return tf.tidy(() => tf.div(tf.sub(tf.reshape(images, [images.shape[0], INPUT_SIZE]), mean), std));
  }

  /**
   * Freshly initialised BatchNorm running stats (mean 0, var 1) make evaluation-mode embeddings at
   * step 0 look half-collapsed. We calibrate: the running stats become the average batch statistics of
   * a few augmented training batches (forward only), before the first snapshot. Its own random stream,
   * so calibrating does not change the training trajectory.
   */
  private calibrateBatchNorm(rng: Rng): void {
    const stats: BatchStats[] = [];
    const sampler = new BatchSampler(this.data.train.count, rng.fork('batches'));
    for (let i = 0; i < CALIBRATION_BATCHES; i++) {
      tf.tidy(() => {
        const [view1, view2] = this.sampleViews(sampler, rng);
        for (const view of [view1, view2]) {
          this.model.predictor.apply(this.model.embed(view, { training: true, stats }), { training: true, stats });
        }
      });
    }
    applyBatchStats(stats, null);
  }
}
