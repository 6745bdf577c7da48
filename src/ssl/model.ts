import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../core/config';
import type { Rng } from '../core/rng';
import type { BlockStats } from './blocks';
import { Network, RunningStats } from './network';
import { ownedVariable } from './variables';

/** A 28×28 grey image's values: the input size when a model is not told its images'. */
const GREY_INPUT_SIZE = 784;
/** The embedding network: encoder input→256→128 (the features h), then the projector 128→128→d. */
const EMBEDDING_HIDDEN = [256, 128, 128];
/** Blocks of the embedding network that make up the encoder. */
const ENCODER_BLOCKS = 2;
const PREDICTOR_HIDDEN = 64;

export interface ModelOptions {
  dim: number;
  /** Values per image (channels × side²: 784 for 28×28 grey, 3,072 for 32×32 colour); 784 when left out. */
  inputSize?: number;
  batchNorm: boolean;
  /** SwAV's prototype count K; null when the method has none. */
  prototypes: number | null;
  /** BYOL's EMA target network (a copy of the embedding network); false when the method has none. */
  target: boolean;
  /** The supervised baseline's linear classifier d → classes on the l2-normalised z; absent when the method has none. */
  classes?: number;
}

/** A linear classifier's weight (d × classes) and bias. */
export interface Classifier {
  weight: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** The two views of a batch through one network: stacked [view 1 rows; view 2 rows], and each half. */
export interface Views {
  both: tf.Tensor2D;
  first: tf.Tensor2D;
  second: tf.Tensor2D;
}

export function viewsOf(both: tf.Tensor2D): Views {
  const half = both.shape[0] / 2;
  const [first, second] = tf.split(both, [half, half], 0) as [tf.Tensor2D, tf.Tensor2D];
  return { both, first, second };
}

/**
 * Everything a method's loss sees for one step: both views through the networks it asks for (made by
 * SslModel.lossInputs; a method's engine turns it into its loss).
 */
export interface LossInputs {
  /** The online embedding network's output z for both views (training mode, per-view BatchNorm). */
  z: Views;
  /** The predictor applied to both views of an output. */
  predict: (z: Views) => Views;
  /** BYOL's target network on the same views (nothing flows back into it); null when the model has none. */
  target: (() => Views) | null;
  /** SwAV's prototypes, d × K; null when the model has none. */
  prototypes: tf.Tensor2D | null;
  /** The supervised baseline's classifier; null when the model has none. */
  classifier: Classifier | null;
  /** The class of each image of the batch (int32, one per image, the views' order); null unless the method reads labels. */
  labels: tf.Tensor1D | null;
  config: ExperimentConfig;
}

/** The tensors of one step, unpacked from the flat parameter vector. */
export interface ModelTensors {
  embedding: tf.Tensor[];
  predictor: tf.Tensor[];
  /** d × K, unit-length columns (SwAV). */
  prototypes: tf.Tensor2D | null;
  classifier: Classifier | null;
}

/**
 * The networks every method shares — embedding network (encoder + projector) and predictor d→64→d (BN + ReLU
 * hidden) — plus, per method, SwAV's prototypes, the supervised baseline's classifier and BYOL's target network.
 * Everything trained lives in one flat vector, [embedding | predictor | prototypes | classifier], so that the
 * optimiser, the EMA and a checkpoint each touch one tensor; the target network has its own flat copy of the
 * embedding part.
 */
export class SslModel {
  readonly embedding: Network;
  readonly predictor: Network;
  readonly params: tf.Variable;
  readonly target: tf.Variable | null;
  readonly embeddingStats: RunningStats;
  readonly predictorStats: RunningStats;
  /** Where the prototypes start in `params`, and their size (0 without). */
  readonly prototypeOffset: number;
  readonly prototypeCount: number;
  /** Where the classifier (weight d × classes, then bias) starts in `params`, and its class count (0 without). */
  readonly classifierOffset: number;
  readonly classCount: number;

  constructor(readonly options: ModelOptions, rng: Rng) {
    const { dim, batchNorm } = options;
    this.embedding = new Network('embedding', [this.inputSize, ...EMBEDDING_HIDDEN, dim], { activateOutput: false, batchNorm });
    this.predictor = new Network('predictor', [dim, PREDICTOR_HIDDEN, dim], { activateOutput: false, batchNorm });
    this.prototypeCount = options.prototypes ?? 0;
    this.prototypeOffset = this.embedding.size + this.predictor.size;
    this.classCount = options.classes ?? 0;
    this.classifierOffset = this.prototypeOffset + dim * this.prototypeCount;
    const values = new Float32Array(this.classifierOffset + (dim + 1) * this.classCount);
    const embedding = this.embedding.initialValues(rng.fork('embedding'));
    values.set(embedding);
    values.set(this.predictor.initialValues(rng.fork('predictor')), this.embedding.size);
    if (this.prototypeCount > 0) values.set(randomPrototypes(dim, this.prototypeCount, rng.fork('prototypes')), this.prototypeOffset);
    if (this.classCount > 0) values.set(linearInit(dim, this.classCount, rng.fork('classifier')), this.classifierOffset);
    this.params = ownedVariable(tf.tensor1d(values), true, 'model/params');
    // The target starts as an exact copy of the online embedding network.
    this.target = options.target ? ownedVariable(tf.tensor1d(embedding), false, 'model/target') : null;
    this.embeddingStats = new RunningStats(this.embedding.runningSize, 'embedding');
    this.predictorStats = new RunningStats(this.predictor.runningSize, 'predictor');
  }

  get size(): number {
    return this.params.shape[0]!;
  }

  /** Values per input image. */
  get inputSize(): number {
    return this.options.inputSize ?? GREY_INPUT_SIZE;
  }

  /** Slices of the flat vector (`params`, or values in its layout) for one step. */
  unpack(flat: tf.Tensor1D = this.params as tf.Tensor1D): ModelTensors {
    const { dim } = this.options;
    return {
      embedding: this.embedding.unpack(flat),
      predictor: this.predictor.unpack(flat, this.embedding.size),
      prototypes: this.prototypeCount > 0 ? tf.reshape(tf.slice(flat, [this.prototypeOffset], [dim * this.prototypeCount]), [dim, this.prototypeCount]) : null,
      classifier: this.classCount > 0 ? this.unpackClassifier(flat) : null,
    };
  }

  private unpackClassifier(flat: tf.Tensor1D): Classifier {
    const { dim } = this.options;
    const classes = this.classCount;
    const weight = tf.reshape(tf.slice(flat, [this.classifierOffset], [dim * classes]), [dim, classes]) as tf.Tensor2D;
    return { weight, bias: tf.slice(flat, [this.classifierOffset + dim * classes], [classes]) };
  }

  /**
   * BYOL's target network on both views (batch statistics, nothing recorded, no gradient), or null without a
   * target. Computed before the loss's gradient is taken: inside it, tfjs would keep copies of every input.
   */
  targetEmbedding(views: tf.Tensor2D): Views | null {
    if (!this.target) return null;
    const pass = { training: true, groups: 2, record: false, gradient: false } as const;
    return viewsOf(this.embedding.apply(this.embedding.unpack(this.target as tf.Tensor1D), views, pass, { data: true }));
  }

  /**
   * What a method's loss sees for `views` (both views stacked, data), computed with `tensors` (the step's slices
   * of the flat vector, or tensors a gradient is taken for). BatchNorm statistics go to `recorded` when given;
   * `target` is targetEmbedding(views) for methods that use it.
   */
  lossInputs(
    tensors: ModelTensors,
    views: tf.Tensor2D,
    config: ExperimentConfig,
    options: { viewsT?: tf.Tensor2D; recorded?: RecordedStats; gradient?: boolean; target?: Views | null; labels?: tf.Tensor1D | null } = {},
  ): LossInputs {
    const { viewsT, recorded, gradient } = options;
    const pass = { training: true, groups: 2, record: recorded !== undefined, gradient } as const;
    const stats: BlockStats[] = [];
    recorded?.embedding.push(stats);
    const z = viewsOf(this.embedding.apply(tensors.embedding, views, pass, { data: true, xT: viewsT, stats }));
    const predict = (input: Views) => {
      const predictorStats: BlockStats[] = [];
      recorded?.predictor.push(predictorStats);
      return viewsOf(this.predictor.apply(tensors.predictor, input.both, pass, { stats: predictorStats }));
    };
    const target = options.target ?? null;
    return { z, predict, target: target ? () => target : null, prototypes: tensors.prototypes, classifier: tensors.classifier, labels: options.labels ?? null, config };
  }

  /** z of normalised images [n, 784] in evaluation mode (running statistics): the embedding on the sphere, unnormalised. */
  embed(x: tf.Tensor2D): tf.Tensor2D {
    return this.embedding.apply(this.embedding.unpack(this.params as tf.Tensor1D), x, { training: false }, { running: this.embeddingStats });
  }

  /** The encoder features h and the embedding z of the same images, in evaluation mode. */
  featuresAndEmbedding(x: tf.Tensor2D): { features: tf.Tensor2D; embedding: tf.Tensor2D } {
    const tensors = this.embedding.unpack(this.params as tf.Tensor1D);
    const evaluation = { training: false } as const;
    const features = this.embedding.apply(tensors, x, evaluation, { running: this.embeddingStats, upTo: ENCODER_BLOCKS });
    const embedding = this.embedding.apply(tensors, features, evaluation, { running: this.embeddingStats, from: ENCODER_BLOCKS });
    return { features, embedding };
  }

  dispose(): void {
    this.params.dispose();
    this.target?.dispose();
    this.embeddingStats.dispose();
    this.predictorStats.dispose();
  }
}

/** A training pass's recorded BatchNorm statistics, per network, one entry per pass through it. */
export interface RecordedStats {
  embedding: BlockStats[][];
  predictor: BlockStats[][];
}

/**
 * A linear layer's initial weight (d × classes, row-major) and bias, both uniform in ±1/√d: PyTorch's nn.Linear
 * default, which the reference's supervised baseline uses.
 */
function linearInit(dim: number, classes: number, rng: Rng): Float32Array {
  const bound = 1 / Math.sqrt(dim);
  return Float32Array.from({ length: (dim + 1) * classes }, () => rng.uniform(-bound, bound));
}

/** K random directions on the sphere, as the columns of a d × K matrix (row-major values). */
function randomPrototypes(dim: number, count: number, rng: Rng): Float32Array {
  const columns = Array.from({ length: count }, () => {
    const v = Array.from({ length: dim }, () => rng.normal());
    const norm = Math.hypot(...v) || 1;
    return v.map((x) => x / norm);
  });
  const values = new Float32Array(dim * count);
  for (let k = 0; k < count; k++) for (let j = 0; j < dim; j++) values[j * count + k] = columns[k]![j]!;
  return values;
}
