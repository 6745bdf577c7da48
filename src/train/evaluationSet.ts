import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../core/config';
import type { Rng } from '../core/rng';
import { augmentationKey, augmentInto, type Normalisation, sampleViewParams } from '../data/augment';
import type { Dataset, TrainingData } from '../data/datasetFormat';
import { methodCatalog } from '../methods/catalog';
import { l2Normalize } from '../ssl/losses';
import type { SslModel } from '../ssl/model';
import { evaluate, type EvaluationInputs, type EvaluationResult, type KnnBank, readBack } from './evaluation';
import type { Snapshot } from './snapshot';

/** Values per image of a dataset: the model's input size. */
export const imageValues = (ds: Dataset): number => ds.channels * ds.rows * ds.cols;

/** Writes the dataset's images, un-augmented and normalised for the model, at the start of `out`. */
function writeCleanImages(ds: Dataset, normalisation: Normalisation, out: Float32Array): void {
  const scale = 1 / (255 * normalisation.std);
  const offset = normalisation.mean / normalisation.std;
  const values = ds.count * imageValues(ds);
  for (let i = 0; i < values; i++) out[i] = ds.pixels[i]! * scale - offset;
}

/** The points a snapshot draws with `showTrain`: the evaluation images', then the training images'. */
interface TrainingPoints {
  embeddings: Float32Array;
  labels: Uint8Array;
}

/** What a snapshot adds to the evaluation's figures: the step it shows and the mean loss since the previous one. */
export interface SnapshotStamp {
  step: number;
  loss: number | null;
}

/**
 * What a snapshot measures a model on: the evaluation images, clean and under two fixed augmentations (alignment),
 * and the training images (the kNN bank, and the training points shown with `showTrain`). Built from the data as
 * trained, the seed and the augmentation settings alone, so that the training thread and an evaluation worker hold
 * the same numbers. Both tensors are made on first use and kept.
 */
export class EvaluationSet {
  private inputs: EvaluationInputs | null = null;
  /** The augmentation the evaluation views were drawn for. */
  private inputsKey = '';
  /** The training images for the kNN bank, built on first use (25 MB). */
  private knnBank: KnnBank | null = null;

  constructor(
    private readonly data: TrainingData,
    private readonly normalisation: Normalisation,
    /** The stream the evaluation views draw from (forked per augmentation, so a setting put back redraws the same views). */
    private readonly viewsRng: Rng,
  ) {}

  /**
   * Embeds the evaluation set with `model` as `config` has it and measures it (see evaluate()); stamped with `stamp`.
   * With kNN asked for, `early` is first given the snapshot without the kNN and probe scores (its own arrays), as
   * soon as it is known.
   */
  async snapshot(
    model: SslModel,
    config: ExperimentConfig,
    stamp: SnapshotStamp,
    options: { knnQueries: number; linearProbe: boolean },
    early?: (snapshot: Snapshot) => void,
  ): Promise<Snapshot> {
    const inputs = this.evaluationInputs(config);
    const knn = options.knnQueries > 0 ? { bank: this.trainingBank(), queries: options.knnQueries, linearProbe: options.linearProbe } : null;
    const redundancy = methodCatalog[config.method].redundancyViews !== undefined;
    // The training points shown with `showTrain` are embedded once, for the early snapshot or else the full one.
    let trainingPoints: Promise<TrainingPoints | null> | null = null;
    const withTrainingPoints = (result: EvaluationResult) =>
      (trainingPoints ??= config.showTrain ? this.withTrainingPoints(model, result.embeddings) : Promise.resolve(null));
    const snapshotOf = (result: EvaluationResult, shown: TrainingPoints | null): Snapshot => ({
      ...stamp,
      ...result.figures,
      embeddings: shown?.embeddings ?? result.embeddings,
      labels: shown?.labels ?? this.data.eval.labels.slice(),
      pairs: result.pairs,
      pairCount: result.pairs.length / (2 * config.dim),
      redundancy: result.redundancy,
      evalMs: result.evalMs,
      metricsMs: result.metricsMs,
      probeMs: result.probeMs,
    });
    const result = await evaluate(model, config.dim, inputs, knn, {
      redundancy,
      early:
        early &&
        (async (plain) => {
          // Its own arrays: the full snapshot shares the early one's points, and each is transferred.
          const first = snapshotOf(plain, await withTrainingPoints(plain));
          early({ ...first, embeddings: first.embeddings.slice(), labels: first.labels.slice(), pairs: first.pairs.slice() });
        }),
    });
    return snapshotOf(result, await withTrainingPoints(result));
  }

  /** Makes the evaluation views for `config`, and the kNN bank with `knn`, now rather than at the next snapshot. */
  prepare(config: ExperimentConfig, knn: boolean): void {
    this.evaluationInputs(config);
    if (knn) this.trainingBank();
  }

  /** Frees the kNN bank's 25 MB of training images; it is built again if kNN is asked for later. */
  releaseKnnBank(): void {
    this.knnBank?.inputs.dispose();
    this.knnBank = null;
  }

  dispose(): void {
    this.inputs?.inputs.dispose();
    this.inputs = null;
    this.releaseKnnBank();
  }

  /**
   * The evaluation images, clean and under two fixed augmentations (for the alignment metric), as one
   * [3n, channels·size²] tensor. The views are drawn afresh from their stream whenever the augmentation changes.
   */
  private evaluationInputs(config: ExperimentConfig): EvaluationInputs {
    const { eval: evalSet } = this.data;
    const { pixels, rows: size, channels, count } = evalSet;
    const key = augmentationKey(config, channels);
    if (this.inputs && this.inputsKey === key) return this.inputs;
    this.inputs?.inputs.dispose();
    const area = imageValues(evalSet);
    const values = new Float32Array(3 * count * area);
    const indices = Int32Array.from({ length: count }, (_, i) => i);
    writeCleanImages(evalSet, this.normalisation, values);
    const rng = this.viewsRng.fork(key);
    for (const view of [1, 2]) {
      augmentInto(pixels, size, channels, indices, sampleViewParams(rng, count, size, channels, config), config.noise, this.normalisation, values, view * count);
    }
    this.inputs = { inputs: tf.tensor2d(values, [3 * count, area]), count, labels: evalSet.labels, classCount: evalSet.classNames.length };
    this.inputsKey = key;
    return this.inputs;
  }

  private trainingBank(): KnnBank {
    if (!this.knnBank) {
      const { train } = this.data;
      const values = new Float32Array(train.count * imageValues(train));
      writeCleanImages(train, this.normalisation, values);
      this.knnBank = { inputs: tf.tensor2d(values, [train.count, imageValues(train)]), labels: train.labels };
    }
    return this.knnBank;
  }

  /** The evaluation embeddings followed by the training images' (for drawing only). */
  private async withTrainingPoints(model: SslModel, evalEmbeddings: Float32Array): Promise<TrainingPoints> {
    const bank = this.trainingBank();
    const train = await readBack(tf.tidy(() => l2Normalize(model.embed(bank.inputs))));
    const embeddings = new Float32Array(evalEmbeddings.length + train.length);
    embeddings.set(evalEmbeddings);
    embeddings.set(train, evalEmbeddings.length);
    const labels = new Uint8Array(this.data.eval.count + this.data.train.count);
    labels.set(this.data.eval.labels);
    labels.set(bank.labels, this.data.eval.count);
    return { embeddings, labels };
  }
}
