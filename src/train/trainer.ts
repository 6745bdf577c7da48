import * as tf from '@tensorflow/tfjs';
import { messages } from '../i18n/messages';
import { type ExperimentConfig, type MethodName, restartingKeys } from '../core/config';
import { Rng } from '../core/rng';
import { augmentInto, type Normalisation, sampleViewParams } from '../data/augment';
import { BatchMaker, BatchPlan, type BatchSpec, pixelNormalisation } from '../data/batchPlan';
import { type BatchSource, LocalBatches } from '../data/batchSource';
import { DatasetError, type ImageChannels, inGrey, type TrainingData } from '../data/datasetFormat';
import { methodEngines } from '../methods/engines';
import { methodCatalog } from '../methods/catalog';
import { type RecordedStats, SslModel } from '../ssl/model';
import { FlatAdam, FlatMomentum, type FlatOptimizer } from '../ssl/optimizers';
import type { Checkpoint } from './checkpoint';
import { EvaluationSet, imageValues, type SnapshotStamp } from './evaluationSet';
import type { Snapshot } from './snapshot';
import { beginPhase, type PhaseListener } from './startupPhases';
import type { StepProfile } from './stepProfile';
import { installWasmKernels } from './wasmKernels';

export interface TrainerOptions {
  /** Where each step's two views come from (default: made on the spot, in this thread). */
  batches?: (spec: BatchSpec) => BatchSource;
  /** Told when building the model and calibrating BatchNorm begin and end. */
  onPhase?: PhaseListener;
}

/** Batches used to calibrate BatchNorm's running statistics before the first snapshot. */
const CALIBRATION_BATCHES = 8;

/** Training diverged: a loss, or a weight, became NaN or infinite. */
export class NonFiniteLossError extends Error {
  /** `loss` null: every loss read was finite but the weights were not (ReLU on wasm turns NaN into 0). */
  constructor(readonly step: number, readonly loss: number | null, method: MethodName) {
    super(messages().worker.diverged({ step, loss, method }));
  }
}

/** The images as `config` trains on them: in grey under "Train in grey". */
function imagesAsTrained(config: ExperimentConfig, data: TrainingData): TrainingData {
  return config.greyImages ? { train: inGrey(data.train), eval: inGrey(data.eval) } : data;
}

/** The model a run of `config` trains on `data` (as trained), initialised from `rng`. */
function buildModel(config: ExperimentConfig, data: TrainingData, rng: Rng): SslModel {
  const parts = methodEngines[config.method].model(config);
  const classes = data.train.classNames.length;
  // A folder of unlabelled images has one class: nothing to classify (the page offers no such run).
  if (parts.classifier && classes < 2) throw new DatasetError(messages().worker.needsLabels({ method: methodCatalog[config.method].title }));
  return new SslModel({ dim: config.dim, batchNorm: config.batchNorm, inputSize: imageValues(data.train), ...parts, classes: parts.classifier ? classes : undefined }, rng);
}

/** What a run's evaluation sees of the run (its seed's streams): one home for the Trainer and an evaluation worker. */
function evaluationSetFor(config: ExperimentConfig, data: TrainingData, normalisation = pixelNormalisation(data.train.pixels)): EvaluationSet {
  return new EvaluationSet(data, normalisation, new Rng(config.seed).fork('evaluation-views'));
}

/** The trained state a snapshot measures, read back: what an evaluation in another thread needs of the model. */
export interface EvaluationState extends SnapshotStamp {
  config: ExperimentConfig;
  params: Float32Array;
  /** The embedding network's BatchNorm running mean and variance. */
  running: [Float32Array, Float32Array];
}

/**
 * Measures snapshots of a run from its trained state alone (EvaluationState), with a model and an evaluation set
 * of its own: what an evaluation worker runs, so that the training thread only reads its weights back. The same
 * numbers as Trainer.snapshot(): the same model code, weights and evaluation set.
 */
export class Evaluator {
  private readonly model: SslModel;
  private readonly evaluation: EvaluationSet;

  /** `data`: the images the run's Trainer is given. */
  constructor(config: ExperimentConfig, data: TrainingData) {
    installWasmKernels();
    const trained = imagesAsTrained(config, data);
    this.model = buildModel(config, trained, new Rng(config.seed).fork('init'));
    this.evaluation = evaluationSetFor(config, trained);
  }

  /** Makes what the first snapshot needs now (the evaluation views; the kNN bank with `knn`), ahead of it. */
  prepare(config: ExperimentConfig, knn: boolean): void {
    this.evaluation.prepare(config, knn);
  }

  /** The snapshot of `state`; `early` as EvaluationSet.snapshot() has it. */
  async snapshot(state: EvaluationState, options: { knnQueries: number; linearProbe: boolean }, early?: (snapshot: Snapshot) => void): Promise<Snapshot> {
    const { model } = this;
    if (state.params.length !== model.size || state.running[0].length !== model.embeddingStats.mean.size) {
      throw new Error('The weights do not fit the evaluation model: its settings differ.');
    }
    tf.tidy(() => {
      model.params.assign(tf.tensor1d(state.params));
      model.embeddingStats.mean.assign(tf.tensor1d(state.running[0]));
      model.embeddingStats.variance.assign(tf.tensor1d(state.running[1]));
    });
    return this.evaluation.snapshot(model, state.config, { step: state.step, loss: state.loss }, options, early);
  }

  releaseKnnBank(): void {
    this.evaluation.releaseKnnBank();
  }

  dispose(): void {
    this.model.dispose();
    this.evaluation.dispose();
  }
}

function makeOptimizer(config: ExperimentConfig, size: number): FlatOptimizer {
  // β and ε as PyTorch's defaults, so runs compare with the reference curves.
  return config.optimizer === 'adam' ? new FlatAdam(size, config.lr) : new FlatMomentum(size, config.lr, 0.9);
}

/**
 * The training engine: one model, one method, seeded data and augmentations. It knows nothing of
 * workers, the DOM or the CLI; hosts call trainStep(), readLosses() and snapshot() and decide what to do
 * with them.
 *
 * Losses stay on the device until read: reading one back makes a GPU backend wait for the whole queue, so
 * a host on WebGPU reads them every few steps (and before every snapshot), a host on wasm every step.
 */
export class Trainer {
  private readonly model: SslModel;
  private readonly optimizer: FlatOptimizer;
  private readonly batches: BatchSource;
  private readonly normalisation: Normalisation;
  /** Which images each step takes, for the labels of a method that reads them (null for the others). */
  private readonly labelPlan: BatchPlan | null;
  private readonly evaluation: EvaluationSet;
  private readonly previewRng: Rng;
  /** Losses of steps taken but not yet read back, oldest first. */
  private pendingLosses: tf.Scalar[] = [];
  /** Masks that freeze the parts a step does not train, per combination (kept for the run). */
  private readonly masks = new Map<string, tf.Tensor1D>();
  private lossSum = 0;
  private lossCount = 0;
  private stepCount = 0;
  private latestLoss = NaN;
  /** Set once a loss came back non-finite: the model holds NaNs, so no further step is taken. */
  private divergence: NonFiniteLossError | null = null;

  /** The images as trained: in grey under "Train in grey". */
  readonly data: TrainingData;

  constructor(private cfg: ExperimentConfig, data: TrainingData, options: TrainerOptions = {}) {
    installWasmKernels();
    this.data = imagesAsTrained(cfg, data);
    const built = beginPhase(options.onPhase, 'model');
    const rng = new Rng(cfg.seed);
    this.model = buildModel(cfg, this.data, rng.fork('init'));
    this.optimizer = makeOptimizer(cfg, this.model.size);
    this.normalisation = pixelNormalisation(this.data.train.pixels);
    const spec = this.batchSpec(cfg.seed);
    this.batches = options.batches?.(spec) ?? new LocalBatches(spec);
    // The same plan as the batches' (a pure function of the seed): step s's images, so their labels need no worker.
    this.labelPlan = this.model.classCount > 0 ? new BatchPlan(spec.seed, spec.count, spec.batch) : null;
    this.previewRng = rng.fork('preview');
    this.evaluation = evaluationSetFor(cfg, this.data, this.normalisation);
    built();
    const calibrated = beginPhase(options.onPhase, 'calibration');
    this.calibrateBatchNorm(rng.fork('calibration').seed());
    calibrated();
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

  get imageChannels(): ImageChannels {
    return this.data.train.channels;
  }

  /** Classes the images are labelled with (1 for a folder of unlabelled images). */
  get classCount(): number {
    return this.data.train.classNames.length;
  }

  /** True once training diverged (no further step is taken). */
  get diverged(): boolean {
    return this.divergence !== null;
  }

  /** The latest loss read back (NaN before the first). */
  get lastLoss(): number {
    return this.latestLoss;
  }

  /**
   * What the model sees: `count` random training images, each followed by its two augmented views
   * under the current augmentation settings (count × 3 × size × size, values in [0, 1]). Draw `draw` of a
   * random stream of its own, so previews never change the training run, and a host that numbers its
   * requests gets new examples every time, even across Resets.
   */
  previewAugmentations(count: number, draw: number): Float32Array {
    const { pixels, rows: size, channels, count: total } = this.data.train;
    const area = imageValues(this.data.train);
    const rng = this.previewRng.fork(`draw ${draw}`);
    const indices = Int32Array.from({ length: count }, () => rng.int(total));
    const [first, second] = [0, 1].map(() => {
      const out = new Float32Array(count * area);
      augmentInto(pixels, size, channels, indices, sampleViewParams(rng, count, size, channels, this.cfg), this.cfg.noise, { mean: 0, std: 1 }, out);
      return out;
    });
    const strip = new Float32Array(count * 3 * area);
    indices.forEach((index, i) => {
      for (let j = 0; j < area; j++) strip[i * 3 * area + j] = pixels[index * area + j]! / 255;
      strip.set(first!.subarray(i * area, (i + 1) * area), (i * 3 + 1) * area);
      strip.set(second!.subarray(i * area, (i + 1) * area), (i * 3 + 2) * area);
    });
    return strip;
  }

  /**
   * Applies the keys that can change mid-run; returns false when the change needs a fresh Trainer. A change of
   * augmentation also redraws the evaluation views at the next snapshot, so that alignment measures the
   * augmentations in use.
   */
  updateConfig(next: ExperimentConfig): boolean {
    if (restartingKeys(this.cfg, next).length > 0) return false;
    this.cfg = { ...next };
    return true;
  }

  /**
   * One optimisation step. Its loss stays on the device until readLosses(). `profile` (benchmarks) times its
   * phases, waiting for each on asynchronous backends.
   */
  async trainStep(profile?: StepProfile): Promise<void> {
    if (this.divergence) throw this.divergence;
    const methodLoss = methodEngines[this.cfg.method].loss;
    if (!methodLoss) throw new Error(`${methodCatalog[this.cfg.method].title} trains nothing: the initialised network is evaluated as it is.`);
    profile?.begin();
    const batch = await this.batches.take(this.stepCount, this.cfg);
    await profile?.mark('batch');
    const { cfg, model } = this;
    const method = methodEngines[cfg.method];
    const trains = method.trains(cfg);
    const inputSize = model.inputSize;
    const rows = batch.views.length / inputSize;
    const recorded: RecordedStats = { embedding: [], predictor: [] };
    const { loss, gradient } = tf.tidy(() => {
      const views = tf.tensor2d(batch.views, [rows, inputSize]);
      const viewsT = tf.tensor2d(batch.viewsT, [inputSize, rows]);
      const all = model.unpack();
      // In the flat layout's order; a classifier always trains.
      const predictorStart = all.embedding.length;
      const prototypesAt = predictorStart + (trains.predictor ? all.predictor.length : 0);
      const classifierAt = prototypesAt + (trains.prototypes ? 1 : 0);
      const classifier = all.classifier ? [all.classifier.weight, all.classifier.bias] : [];
      const trained = [...all.embedding, ...(trains.predictor ? all.predictor : []), ...(trains.prototypes ? [all.prototypes!] : []), ...classifier];
      const target = model.targetEmbedding(views);
      const labels = this.labelsAt(batch.step);
      const lossOf = (...tensors: tf.Tensor[]) => {
        const stepTensors = {
          embedding: tensors.slice(0, predictorStart),
          predictor: trains.predictor ? tensors.slice(predictorStart, prototypesAt) : all.predictor,
          prototypes: trains.prototypes ? (tensors[prototypesAt] as tf.Tensor2D) : all.prototypes,
          classifier: all.classifier ? { weight: tensors[classifierAt] as tf.Tensor2D, bias: tensors[classifierAt + 1] as tf.Tensor1D } : null,
        };
        return methodLoss(model.lossInputs(stepTensors, views, cfg, { viewsT, recorded, target, labels }));
      };
      const { value, grads } = tf.valueAndGrads(lossOf)(trained);
      return { loss: value, gradient: this.flatGradient(grads, trains) };
    });
    await profile?.mark('forward + backward', gradient);
    this.optimizer.step(model.params, gradient, this.maskFor(trains));
    gradient.dispose();
    await profile?.mark('optimizer', model.params);
    model.embeddingStats.update(recorded.embedding, rows / 2);
    model.predictorStats.update(recorded.predictor, rows / 2);
    await profile?.mark('batch-norm statistics', model.embeddingStats.mean);
    method.afterStep?.(model, cfg, this.stepCount + 1);
    await profile?.mark('after-step hooks', model.target ?? model.params);
    this.pendingLosses.push(loss);
    this.stepCount += 1;
  }

  /**
   * Reads back the losses of the steps taken since the last read, oldest first, in one read with the sum of the
   * weights. Throws NonFiniteLossError for the first non-finite loss, or for non-finite weights (NaN does not
   * always reach the loss: wasm's ReLU turns it into 0); the run is then over.
   */
  async readLosses(profile?: StepProfile): Promise<number[]> {
    if (this.pendingLosses.length === 0) return [];
    const pending = this.pendingLosses;
    this.pendingLosses = [];
    const firstStep = this.stepCount - pending.length + 1;
    const read = tf.tidy(() => tf.concat([tf.stack(pending), tf.reshape(tf.sum(this.model.params), [1])]));
    const values = Array.from(await read.data());
    tf.dispose([read, ...pending]);
    await profile?.mark('loss readback');
    const weightSum = values.pop()!;
    const bad = values.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0 || !Number.isFinite(weightSum)) {
      const method = this.cfg.method;
      this.divergence = bad >= 0 ? new NonFiniteLossError(firstStep + bad, values[bad]!, method) : new NonFiniteLossError(this.stepCount, null, method);
      throw this.divergence;
    }
    for (const value of values) {
      this.lossSum += value;
      this.lossCount += 1;
    }
    this.latestLoss = values.at(-1)!;
    return values;
  }

  /**
   * Embeds the evaluation set (BatchNorm in evaluation mode) and measures it. `knnQueries` > 0 also
   * scores that many evaluation images by kNN against the training set (slow: ask for it sparingly), and by the
   * linear probe unless `linearProbe` is false. Reads the pending losses first (and so throws NonFiniteLossError as
   * readLosses does).
   */
  async snapshot(options: { knnQueries?: number; linearProbe?: boolean } = {}, early?: (snapshot: Snapshot) => void): Promise<Snapshot> {
    const stamp = await this.snapshotStamp();
    return this.evaluation.snapshot(this.model, this.cfg, stamp, { knnQueries: options.knnQueries ?? 0, linearProbe: options.linearProbe ?? true }, early);
  }

  /**
   * What snapshot() measures, read back for an Evaluator elsewhere (pending losses first, as snapshot() does): the
   * stamp, the config and the weights an evaluation reads (a few hundred thousand values).
   */
  async evaluationState(): Promise<EvaluationState> {
    const stamp = await this.snapshotStamp();
    const { model } = this;
    const [params, mean, variance] = await Promise.all([model.params, model.embeddingStats.mean, model.embeddingStats.variance].map(async (t) => (await t.data()) as Float32Array));
    return { ...stamp, config: { ...this.cfg }, params: params!, running: [mean!, variance!] };
  }

  /** Frees the kNN bank's 25 MB of training images; it is built again if kNN is asked for later. */
  releaseKnnBank(): void {
    this.evaluation.releaseKnnBank();
  }

  /** The step now and the mean loss since the previous snapshot (pending losses read first); starts a new mean. */
  private async snapshotStamp(): Promise<SnapshotStamp> {
    await this.readLosses();
    const loss = this.lossCount > 0 ? this.lossSum / this.lossCount : null;
    this.lossSum = 0;
    this.lossCount = 0;
    return { step: this.stepCount, loss };
  }

  /** The run's state now (pending losses read first), to resume it with restore(). */
  async checkpoint(): Promise<Checkpoint> {
    await this.readLosses();
    const { model } = this;
    const optimizer = this.optimizer.state();
    const read = async (t: tf.Tensor) => (await t.data()) as Float32Array;
    return {
      config: { ...this.cfg },
      step: this.stepCount,
      params: await read(model.params),
      target: model.target ? await read(model.target) : null,
      optimizer: { steps: optimizer.steps, buffers: await Promise.all(optimizer.buffers.map(read)) },
      running: await Promise.all([model.embeddingStats.mean, model.embeddingStats.variance, model.predictorStats.mean, model.predictorStats.variance].map(read)),
      losses: { sum: this.lossSum, count: this.lossCount, latest: this.latestLoss },
    };
  }

  /** Continues the run a checkpoint of this config was taken from. Throws when it does not fit this model. */
  restore(checkpoint: Checkpoint): void {
    const { model } = this;
    const stats = [model.embeddingStats.mean, model.embeddingStats.variance, model.predictorStats.mean, model.predictorStats.variance];
    const fits =
      checkpoint.params.length === model.size &&
      (checkpoint.target?.length ?? 0) === (model.target?.size ?? 0) &&
      checkpoint.running.length === stats.length &&
      checkpoint.running.every((values, i) => values.length === stats[i]!.size);
    if (!fits) throw new Error('The checkpoint does not fit this model: its settings differ.');
    tf.tidy(() => {
      model.params.assign(tf.tensor1d(checkpoint.params));
      if (model.target && checkpoint.target) model.target.assign(tf.tensor1d(checkpoint.target));
      stats.forEach((variable, i) => variable.assign(tf.tensor1d(checkpoint.running[i]!)));
    });
    this.optimizer.restore(checkpoint.optimizer.steps, checkpoint.optimizer.buffers);
    this.stepCount = checkpoint.step;
    this.lossSum = checkpoint.losses.sum;
    this.lossCount = checkpoint.losses.count;
    this.latestLoss = checkpoint.losses.latest;
  }

  dispose(): void {
    this.batches.dispose();
    this.model.dispose();
    this.optimizer.dispose();
    this.evaluation.dispose();
    tf.dispose([...this.pendingLosses, ...this.masks.values()]);
    this.pendingLosses = [];
    this.masks.clear();
  }

  /** The gradient of every part in the flat layout; parts this step does not train get zeros. */
  private flatGradient(grads: tf.Tensor[], trains: { predictor: boolean; prototypes: boolean }): tf.Tensor1D {
    const { model } = this;
    const flat = (ts: tf.Tensor[]) => ts.map((g) => tf.reshape(g, [-1]));
    const embeddingCount = model.embedding.slots.length;
    const predictorCount = model.predictor.slots.length;
    const parts = flat(grads.slice(0, embeddingCount));
    parts.push(...(trains.predictor ? flat(grads.slice(embeddingCount, embeddingCount + predictorCount)) : [tf.zeros([model.predictor.size])]));
    let next = embeddingCount + (trains.predictor ? predictorCount : 0);
    if (model.prototypeCount > 0) parts.push(trains.prototypes ? tf.reshape(grads[next++]!, [-1]) : tf.zeros([model.prototypeCount * model.options.dim]));
    if (model.classCount > 0) parts.push(...flat(grads.slice(next, next + 2)));
    return tf.concat(parts) as tf.Tensor1D;
  }

  /** The classes of step `step`'s images, for a method that reads them; null for the others. */
  private labelsAt(step: number): tf.Tensor1D | null {
    if (!this.labelPlan) return null;
    const labels = this.data.train.labels;
    return tf.tensor1d(Int32Array.from(this.labelPlan.indicesAt(step), (index) => labels[index]!), 'int32');
  }

  /** 1 where this step trains, 0 on frozen parts; null when everything trains. */
  private maskFor(trains: { predictor: boolean; prototypes: boolean }): tf.Tensor1D | null {
    const { model } = this;
    const frozenPredictor = !trains.predictor;
    const frozenPrototypes = model.prototypeCount > 0 && !trains.prototypes;
    if (!frozenPredictor && !frozenPrototypes) return null;
    const key = `${frozenPredictor} ${frozenPrototypes}`;
    let mask = this.masks.get(key);
    if (!mask) {
      const values = new Float32Array(model.size).fill(1);
      if (frozenPredictor) values.fill(0, model.embedding.size, model.embedding.size + model.predictor.size);
      if (frozenPrototypes) values.fill(0, model.prototypeOffset);
      mask = tf.keep(tf.tensor1d(values)); // made inside the step's tidy, kept for the run
      this.masks.set(key, mask);
    }
    return mask;
  }

  private batchSpec(seed: number): BatchSpec {
    const { train } = this.data;
    return { pixels: train.pixels, size: train.rows, channels: train.channels, count: train.count, seed, batch: this.cfg.batch, normalisation: this.normalisation };
  }

  /**
   * Freshly initialised BatchNorm running stats (mean 0, var 1) make evaluation-mode embeddings at
   * step 0 look half-collapsed. We calibrate: the running stats become the average batch statistics of
   * a few augmented training batches (forward only), before the first snapshot. Its own batches, so
   * calibrating does not change the training trajectory.
   */
  private calibrateBatchNorm(seed: number): void {
    const { model } = this;
    const maker = new BatchMaker(this.batchSpec(seed));
    const recorded: RecordedStats = { embedding: [], predictor: [] };
    for (let i = 0; i < CALIBRATION_BATCHES; i++) {
      const batch = maker.make(i, this.cfg);
      tf.tidy(() => {
        const views = tf.tensor2d(batch.views, [2 * this.cfg.batch, model.inputSize]);
        const inputs = model.lossInputs(model.unpack(), views, this.cfg, { recorded, gradient: false });
        inputs.predict(inputs.z);
      });
    }
    model.embeddingStats.update(recorded.embedding, this.cfg.batch, null);
    model.predictorStats.update(recorded.predictor, this.cfg.batch, null);
  }
}
