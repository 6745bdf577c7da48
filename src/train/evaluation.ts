import * as tf from '@tensorflow/tfjs';
import { alignment, collapseStd, effectiveRank, knnAccuracyFromSimilarities, spectrum, uniformity } from '../metrics';
import { l2Normalize } from '../ssl/losses';
import type { SslModel } from '../ssl/model';
import type { SnapshotFigures } from '../metrics/snapshotFigures';

/** Positive pairs sent with each snapshot for drawing (all evaluation pairs count in the alignment). */
export const PAIR_COUNT = 200;
/** kNN neighbourhood, as in the reference runs. */
const KNN_K = 20;

export interface EvaluationInputs {
  /** The n evaluation images, normalised, then two fixed augmented views of them: [3n, 784]. */
  inputs: tf.Tensor2D;
  count: number;
  labels: Uint8Array;
  classCount: number;
}

export interface KnnBank {
  /** The training images, normalised, [N, 784]. */
  inputs: tf.Tensor2D;
  labels: Uint8Array;
}

/** The figures the evaluation set measures (the step and the loss are the Trainer's). */
export type EvaluationFigures = Omit<SnapshotFigures, 'step' | 'loss'>;

export interface EvaluationResult {
  embeddings: Float32Array;
  pairs: Float32Array;
  figures: EvaluationFigures;
  evalMs: number;
  metricsMs: number;
}

/** Reads a tensor back and frees it (never dataSync: it corrupted values on webgpu). */
export async function readBack(t: tf.Tensor): Promise<Float32Array> {
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}

/**
 * Embeds the evaluation set (BatchNorm in evaluation mode) and its two fixed views in one pass, reads
 * them back, and computes the metrics. With `knn`, also embeds the training bank and scores the first
 * `knnQueries` evaluation images by kNN on z and on h — the slow part, so hosts ask for it less often.
 */
export async function evaluate(
  model: SslModel,
  dim: number,
  inputs: EvaluationInputs,
  knn: { bank: KnnBank; queries: number } | null,
): Promise<EvaluationResult> {
  const started = performance.now();
  const n = inputs.count;
  const all = await readBack(tf.tidy(() => l2Normalize(model.embed(inputs.inputs))));
  const evalMs = performance.now() - started;
  const metricsStarted = performance.now();
  const embeddings = all.slice(0, n * dim);
  const view1 = all.subarray(n * dim, 2 * n * dim);
  const view2 = all.subarray(2 * n * dim, 3 * n * dim);
  const pairCount = Math.min(PAIR_COUNT, n);
  const pairs = new Float32Array(2 * pairCount * dim);
  pairs.set(view1.subarray(0, pairCount * dim), 0);
  pairs.set(view2.subarray(0, pairCount * dim), pairCount * dim);

  let knnScores: { z: number; h: number } | null = null;
  if (knn) {
    const queryCount = Math.min(knn.queries, n);
    // Cosine similarities of each query with every bank row, one matMul for the features h and one for z; the
    // rest of the network's work is freed with the tidy.
    const [zSimilarities, hSimilarities] = tf.tidy(() => {
      const queries = model.featuresAndEmbedding(tf.slice(inputs.inputs, [0, 0], [queryCount, -1]));
      const bank = model.featuresAndEmbedding(knn.bank.inputs);
      const cosines = (a: tf.Tensor2D, b: tf.Tensor2D) => tf.matMul(l2Normalize(a), tf.transpose(l2Normalize(b)));
      return [cosines(queries.embedding, bank.embedding), cosines(queries.features, bank.features)];
    });
    const queryLabels = inputs.labels.subarray(0, queryCount);
    const score = async (similarities: tf.Tensor) =>
      knnAccuracyFromSimilarities(await readBack(similarities), queryLabels, knn.bank.labels, KNN_K, inputs.classCount);
    knnScores = { z: await score(zSimilarities), h: await score(hSimilarities) };
  }
  const std = collapseStd(embeddings, dim);
  const figures: EvaluationFigures = {
    dim,
    collapseStd: std,
    stdScaled: std * Math.sqrt(dim),
    alignment: alignment(view1, view2, dim),
    uniformity: uniformity(embeddings, dim),
    effectiveRank: effectiveRank(embeddings, dim),
    knnZ: knnScores?.z ?? null,
    knnH: knnScores?.h ?? null,
    spectrum: spectrum(embeddings, dim),
  };
  return { embeddings, pairs, figures, evalMs, metricsMs: performance.now() - metricsStarted };
}
