import * as tf from '@tensorflow/tfjs';
import { alignment } from '../metrics/alignment';
import { collapseStd } from '../metrics/collapse';
import { effectiveRank } from '../metrics/effectiveRank';
import { knnAccuracyFromSimilarities } from '../metrics/knn';
import { type RedundancyFigures, redundancyFigures } from '../metrics/redundancy';
import type { SnapshotFigures } from '../metrics/snapshotFigures';
import { pairDistanceHistogram } from '../metrics/pairDistances';
import { spectrum } from '../metrics/spectrum';
import { uniformity } from '../metrics/uniformity';
import { l2Normalize } from '../ssl/losses';
import type { SslModel } from '../ssl/model';
import { linearProbeAccuracy } from './linearProbe';

/** Positive pairs sent with each snapshot for drawing (all evaluation pairs count in the alignment). */
const PAIR_COUNT = 200;
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
type EvaluationFigures = Omit<SnapshotFigures, 'step' | 'loss'>;

export interface EvaluationResult {
  embeddings: Float32Array;
  pairs: Float32Array;
  figures: EvaluationFigures;
  /** Asked for by redundancy-reduction methods (their views of C, the stds and the covariance); else null. */
  redundancy: RedundancyFigures | null;
  evalMs: number;
  /** Milliseconds of the metrics, kNN and the linear probe included when measured. */
  metricsMs: number;
  /** Milliseconds of the two linear probes (z and h) alone, part of metricsMs; null when kNN was not measured. */
  probeMs: number | null;
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
 * `knnQueries` evaluation images by kNN on z and on h, and (`linearProbe`) by a linear probe trained on the same
 * bank's z and h (linearProbe.ts) — the slow part, so hosts ask for it less often; `early` is then given (and
 * awaited with) the result without those scores first (kNN and probe null), as soon as it is known. With
 * `redundancy`, also reads the two views' raw z back for redundancyFigures.
 */
export async function evaluate(
  model: SslModel,
  dim: number,
  inputs: EvaluationInputs,
  knn: { bank: KnnBank; queries: number; linearProbe: boolean } | null,
  options: { redundancy: boolean; early?: (result: EvaluationResult) => Promise<void> } = { redundancy: false },
): Promise<EvaluationResult> {
  const started = performance.now();
  const n = inputs.count;
  const { normalised, rawViews } = tf.tidy(() => {
    const z = model.embed(inputs.inputs);
    return options.redundancy ? { normalised: l2Normalize(z), rawViews: tf.slice(z, [n, 0], [2 * n, -1]) } : { normalised: l2Normalize(z) };
  });
  const all = await readBack(normalised);
  const raw = rawViews ? await readBack(rawViews) : null;
  const evalMs = performance.now() - started;
  const metricsStarted = performance.now();
  const embeddings = all.slice(0, n * dim);
  const view1 = all.subarray(n * dim, 2 * n * dim);
  const view2 = all.subarray(2 * n * dim, 3 * n * dim);
  const pairCount = Math.min(PAIR_COUNT, n);
  const pairs = new Float32Array(2 * pairCount * dim);
  pairs.set(view1.subarray(0, pairCount * dim), 0);
  pairs.set(view2.subarray(0, pairCount * dim), pairCount * dim);
  const std = collapseStd(embeddings, dim);
  const figures: EvaluationFigures = {
    dim,
    collapseStd: std,
    stdScaled: std * Math.sqrt(dim),
    alignment: alignment(view1, view2, dim),
    uniformity: uniformity(embeddings, dim),
    effectiveRank: effectiveRank(embeddings, dim),
    knnZ: null,
    knnH: null,
    linearZ: null,
    linearH: null,
    spectrum: spectrum(embeddings, dim),
    pairDistances: pairDistanceHistogram(view1, view2, dim),
  };
  const redundancy = raw && redundancyFigures(raw.subarray(0, n * dim), raw.subarray(n * dim), n, dim);
  const plain: EvaluationResult = { embeddings, pairs, figures, redundancy, evalMs, metricsMs: performance.now() - metricsStarted, probeMs: null };
  if (!knn) return plain;
  await options.early?.(plain);

  const queryCount = Math.min(knn.queries, n);
  // Cosine similarities of each query with every bank row, one matMul for the features h and one for z; the
  // rest of the network's work is freed with the tidy. The probes read the same features (z on the sphere).
  const [zSimilarities, hSimilarities, features] = tf.tidy(() => {
    const queries = model.featuresAndEmbedding(tf.slice(inputs.inputs, [0, 0], [queryCount, -1]));
    const bank = model.featuresAndEmbedding(knn.bank.inputs);
    const cosines = (a: tf.Tensor2D, b: tf.Tensor2D) => tf.matMul(l2Normalize(a), tf.transpose(l2Normalize(b)));
    const kept = { queryZ: l2Normalize(queries.embedding), queryH: queries.features, bankZ: l2Normalize(bank.embedding), bankH: bank.features };
    return [cosines(queries.embedding, bank.embedding), cosines(queries.features, bank.features), kept] as const;
  });
  const queryLabels = inputs.labels.subarray(0, queryCount);
  const score = async (similarities: tf.Tensor) =>
    knnAccuracyFromSimilarities(await readBack(similarities), queryLabels, knn.bank.labels, KNN_K, inputs.classCount);
  const scores = { knnZ: null as number | null, knnH: null as number | null, linearZ: null as number | null, linearH: null as number | null };
  let probeMs: number | null = null;
  try {
    scores.knnZ = await score(zSimilarities);
    scores.knnH = await score(hSimilarities);
    if (knn.linearProbe) {
      const probeStarted = performance.now();
      const probe = (bank: tf.Tensor2D, queries: tf.Tensor2D) => linearProbeAccuracy(bank, knn.bank.labels, queries, queryLabels, inputs.classCount);
      scores.linearZ = await probe(features.bankZ, features.queryZ);
      scores.linearH = await probe(features.bankH, features.queryH);
      probeMs = performance.now() - probeStarted;
    }
  } finally {
    tf.dispose([zSimilarities, hSimilarities, ...Object.values(features)]);
  }
  return { ...plain, figures: { ...figures, ...scores }, metricsMs: performance.now() - metricsStarted, probeMs };
}
