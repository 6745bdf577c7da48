import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../core/config';
import { negativeCosine } from '../../ssl/losses';
import type { LossInputs, SslModel } from '../../ssl/model';
import { stopGradient } from '../../ssl/stopGradient';
import type { MethodEngine } from '../method';

/**
 * BYOL (Grill et al. 2020): the online network's prediction of one view regresses the target
 * network's projection of the other, 2 − 2·cos(p, sg(z′)), symmetrised (averaged over both
 * directions, so 0 is the trivial bound). The target is an EMA of the online network and is never
 * trained; with momentum 0 it *is* the online network (SimSiam with the BYOL loss), and only then does
 * switching the stop-gradient off let gradient through the target branch.
 */
export function byolLoss({ z, predict, target, config }: LossInputs): tf.Scalar {
  const p = config.predictor ? predict(z) : z;
  const t = target ? target() : z;
  const guard = (x: tf.Tensor2D) => (config.stopGrad || target ? stopGradient(x) : x);
  const term = (prediction: tf.Tensor2D, goal: tf.Tensor2D) => tf.add(2, tf.mul(negativeCosine(prediction, guard(goal)), 2));
  return tf.mul(tf.add(term(p.first, t.second), term(p.second, t.first)), 0.5) as tf.Scalar;
}

/** τ at a step: constant, or BYOL's cosine schedule from τ_base up to 1 over the run. */
export function momentumAt(config: Pick<ExperimentConfig, 'momentum' | 'momentumSchedule' | 'steps'>, step: number): number {
  if (config.momentumSchedule === 'constant' || config.steps <= 0) return config.momentum;
  const progress = Math.min(1, step / config.steps);
  return 1 - ((1 - config.momentum) * (Math.cos(Math.PI * progress) + 1)) / 2;
}

/** θ_target ← τ·θ_target + (1 − τ)·θ_online over the flat embedding-network values. */
export function emaUpdate(target: tf.Variable, online: tf.Tensor1D, tau: number): void {
  tf.tidy(() => {
    target.assign(tf.add(tf.mul(target, tau), tf.mul(online, 1 - tau)));
  });
}

function byolAfterStep(model: SslModel, config: ExperimentConfig, step: number): void {
  if (!model.target) return;
  const target = model.target;
  tf.tidy(() => emaUpdate(target, tf.slice(model.params as tf.Tensor1D, [0], [model.embedding.size]), momentumAt(config, step)));
}

export const byolEngine: MethodEngine = {
  loss: byolLoss,
  model: (config) => ({ target: config.momentum > 0, prototypes: null }),
  trains: (config) => ({ predictor: config.predictor, prototypes: false }),
  afterStep: byolAfterStep,
};
