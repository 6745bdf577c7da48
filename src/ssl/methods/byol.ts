import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../core/config';
import { negativeCosine } from '../losses';
import type { SslModel } from '../model';
import { stopGradient } from '../stopGradient';
import type { LossInputs } from './types';

/**
 * BYOL (Grill et al. 2020): the online network's prediction of one view regresses the target
 * network's projection of the other, 2 − 2·cos(p, sg(z′)), symmetrised (averaged over both
 * directions, so 0 is the trivial bound). The target is an EMA of the online network and is never
 * trained; with momentum 0 it *is* the online network (SimSiam with the BYOL loss), and only then does
 * switching the stop-gradient off let gradient through the target branch.
 */
export function byolLoss({ model, view1, view2, mode, config }: LossInputs): tf.Scalar {
  const z1 = model.embed(view1, mode);
  const z2 = model.embed(view2, mode);
  const predict = (z: tf.Tensor2D) => (config.predictor ? model.predictor.apply(z, mode) : z);
  const targetMode = { training: true as const, stats: null };
  const targetOf = (view: tf.Tensor2D, online: tf.Tensor2D) => (model.target ? model.target.embed(view, targetMode) : online);
  const guard = (z: tf.Tensor2D) => (config.stopGrad || model.target ? stopGradient(z) : z);
  const term = (p: tf.Tensor2D, target: tf.Tensor2D) => tf.add(2, tf.mul(negativeCosine(p, guard(target)), 2));
  return tf.mul(tf.add(term(predict(z1), targetOf(view2, z2)), term(predict(z2), targetOf(view1, z1))), 0.5) as tf.Scalar;
}

/** τ at a step: constant, or BYOL's cosine schedule from τ_base up to 1 over the run. */
export function momentumAt(config: Pick<ExperimentConfig, 'momentum' | 'momentumSchedule' | 'steps'>, step: number): number {
  if (config.momentumSchedule === 'constant' || config.steps <= 0) return config.momentum;
  const progress = Math.min(1, step / config.steps);
  return 1 - ((1 - config.momentum) * (Math.cos(Math.PI * progress) + 1)) / 2;
}

/** θ_target ← τ·θ_target + (1 − τ)·θ_online, for every trained variable. */
export function emaUpdate(target: tf.Variable[], online: tf.Variable[], tau: number): void {
  tf.tidy(() => {
    target.forEach((t, i) => t.assign(tf.add(tf.mul(t, tau), tf.mul(online[i]!, 1 - tau))));
  });
}

export function byolAfterStep(model: SslModel, config: ExperimentConfig, step: number): void {
  if (model.target) emaUpdate(model.target.variables(), model.online.variables(), momentumAt(config, step));
}
