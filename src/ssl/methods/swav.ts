import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../core/config';
import { matMul } from '../layers';
import { l2Normalize } from '../losses';
import type { SslModel } from '../model';
import { sinkhorn } from '../sinkhorn';
import { stopGradient } from '../stopGradient';
import type { LossInputs } from './types';

/** Codes for scores: Sinkhorn's equipartitioned ones, or (switch off) the plain softmax over prototypes. */
export function swavCodes(scores: tf.Tensor2D, config: Pick<ExperimentConfig, 'sinkhorn' | 'epsilon' | 'sinkhornIters'>): tf.Tensor2D {
  const fixed = stopGradient(scores);
  return config.sinkhorn ? sinkhorn(fixed, config.epsilon, config.sinkhornIters) : (tf.softmax(tf.div(fixed, config.epsilon)) as tf.Tensor2D);
}

/** Cross-entropy −Σ_k q_k log softmax(s/τ)_k, averaged over the batch. */
export function swappedCrossEntropy(codes: tf.Tensor2D, scores: tf.Tensor2D, temperature: number): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(codes, tf.logSoftmax(tf.div(scores, temperature))), 1))) as tf.Scalar;
}

/**
 * SwAV (Caron et al. 2020): scores of each view against K unit-length prototypes; each view's code
 * (computed without gradient) is predicted from the other view's scores — the swapped prediction.
 */
export function swavLoss({ model, view1, view2, mode, config }: LossInputs): tf.Scalar {
  const prototypes = model.prototypes!;
  const scores = (view: tf.Tensor2D) => matMul(l2Normalize(model.embed(view, mode)), prototypes as tf.Tensor2D);
  const s1 = scores(view1);
  const s2 = scores(view2);
  const q1 = swavCodes(s1, config);
  const q2 = swavCodes(s2, config);
  return tf.mul(tf.add(swappedCrossEntropy(q1, s2, config.temperature), swappedCrossEntropy(q2, s1, config.temperature)), 0.5) as tf.Scalar;
}

/** Keeps the prototypes on the sphere after every step, as SwAV does. */
export function renormalisePrototypes(model: SslModel): void {
  const prototypes = model.prototypes;
  if (!prototypes) return;
  tf.tidy(() => prototypes.assign(tf.transpose(l2Normalize(tf.transpose(prototypes) as tf.Tensor2D))));
}
