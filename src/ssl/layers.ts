import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';

export type CustomGradientFunc = Parameters<typeof tf.customGrad>[0];

/**
 * Dense and BatchNorm layers built on tf.variable, so initialisation is seeded and the matmul gradient
 * is ours: tfjs's built-in matMul gradient uses transposeA/B, ~10x slower on the wasm backend than an
 * explicit transpose.
 */

/** x·W with a gradient that uses explicit transposes. `inputGrad: false` skips dx for data inputs. */
function makeMatMul(inputGrad: boolean) {
  const matMul = (x: tf.Tensor, w: tf.Tensor, save: tf.GradSaveFunc) => {
    save([x, w]);
    return {
      value: tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor2D, tf.Tensor2D];
        const dx = inputGrad ? tf.matMul(dy as tf.Tensor2D, tf.transpose(ws)) : tf.zerosLike(xs);
        const dw = tf.matMul(tf.transpose(xs), dy as tf.Tensor2D);
        return [dx, dw];
      },
    };
  };
  return tf.customGrad(matMul as CustomGradientFunc) as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;
}
const matMulWithInputGrad = makeMatMul(true);
/** a·b with the explicit-transpose gradient (use instead of tf.matMul inside losses). */
export const matMul = matMulWithInputGrad;
const matMulWithoutInputGrad = makeMatMul(false);

/** A variable holding `initial`'s values; the initial tensor is freed (tf.variable keeps its own reference). */
export function variableFrom(initial: tf.Tensor, trainable: boolean, name: string): tf.Variable {
  const variable = tf.variable(initial, trainable, name);
  initial.dispose();
  return variable;
}

let layerCounter = 0;
/** tfjs variable names are global per process: every layer gets a unique prefix. */
function uniqueName(name: string): string {
  layerCounter += 1;
  return `${name}_${layerCounter}`;
}

/** PyTorch's default Linear init: U(-1/√fan_in, 1/√fan_in) for weights and bias. */
function uniformInit(rng: Rng, size: number, bound: number): Float32Array {
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rng.uniform(-bound, bound);
  return values;
}

export class Dense {
  readonly weight: tf.Variable;
  readonly bias: tf.Variable | null;

  constructor(
    name: string,
    readonly inputs: number,
    readonly outputs: number,
    rng: Rng,
    options: { bias: boolean; inputGrad: boolean },
  ) {
    const bound = 1 / Math.sqrt(inputs);
    const prefix = uniqueName(name);
    this.weight = variableFrom(tf.tensor2d(uniformInit(rng, inputs * outputs, bound), [inputs, outputs]), true, `${prefix}/w`);
    this.bias = options.bias ? variableFrom(tf.tensor1d(uniformInit(rng, outputs, bound)), true, `${prefix}/b`) : null;
    this.matMul = options.inputGrad ? matMulWithInputGrad : matMulWithoutInputGrad;
  }

  private readonly matMul: (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

  apply(x: tf.Tensor2D): tf.Tensor2D {
    const y = this.matMul(x, this.weight as tf.Tensor2D);
    return this.bias ? tf.add(y, this.bias) : y;
  }

  variables(): tf.Variable[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  dispose(): void {
    for (const v of this.variables()) v.dispose();
  }
}

/** Batch statistics seen during a training forward pass, applied to the running stats after the step. */
export interface BatchStats {
  layer: BatchNorm;
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  count: number;
}

/**
 * Training mode normalises with batch statistics and records them in `stats` for the running
 * statistics (null for networks that are never evaluated, like BYOL's target); evaluation mode uses
 * the running statistics.
 */
export type Mode = { training: true; stats: BatchStats[] | null } | { training: false };

/**
 * Batch-statistics normalisation with its closed-form gradient. tfjs's built-in batchNorm gradient
 * tiles γ to the input's shape, which cost ~17 ms a step on wasm; this needs three column sums.
 * `record` receives the batch mean and (biased) variance for the running statistics.
 */
export function batchNormTraining(
  x: tf.Tensor2D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  record: (mean: tf.Tensor1D, variance: tf.Tensor1D) => void,
): tf.Tensor2D {
  const forward = (input: tf.Tensor2D, scale: tf.Tensor1D, shift: tf.Tensor1D, save: tf.GradSaveFunc) => {
    const mean = tf.mean(input, 0) as tf.Tensor1D;
    const centred = tf.sub(input, mean);
    const variance = tf.mean(tf.square(centred), 0) as tf.Tensor1D;
    const invStd = tf.rsqrt(tf.add(variance, BatchNorm.epsilon));
    const normalised = tf.mul(centred, invStd);
    record(mean, variance);
    save([normalised, invStd, scale]);
    return {
      value: tf.add(tf.mul(normalised, scale), shift),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xHat, inv, g] = saved as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D];
        const n = dy.shape[0]!;
        const dBeta = tf.sum(dy, 0);
        const dGamma = tf.sum(tf.mul(dy, xHat), 0);
        // dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂))
        const centredDy = tf.sub(tf.sub(dy, tf.div(dBeta, n)), tf.mul(xHat, tf.div(dGamma, n)));
        return [tf.mul(centredDy, tf.mul(g, inv)), dGamma, dBeta];
      },
    };
  };
  return (tf.customGrad(forward as CustomGradientFunc) as (a: tf.Tensor2D, b: tf.Tensor1D, c: tf.Tensor1D) => tf.Tensor2D)(
    x,
    gamma,
    beta,
  );
}

/**
 * BatchNorm1d as in PyTorch: batch statistics (biased variance) in training, running statistics
 * (unbiased variance, momentum 0.1) in evaluation; affine γ/β trained.
 */
export class BatchNorm {
  readonly gamma: tf.Variable;
  readonly beta: tf.Variable;
  readonly runningMean: tf.Variable;
  readonly runningVar: tf.Variable;
  static readonly epsilon = 1e-5;
  static readonly momentum = 0.1;

  constructor(name: string, readonly size: number) {
    const prefix = uniqueName(name);
    this.gamma = variableFrom(tf.ones([size]), true, `${prefix}/gamma`);
    this.beta = variableFrom(tf.zeros([size]), true, `${prefix}/beta`);
    this.runningMean = variableFrom(tf.zeros([size]), false, `${prefix}/running_mean`);
    this.runningVar = variableFrom(tf.ones([size]), false, `${prefix}/running_var`);
  }

  apply(x: tf.Tensor2D, mode: Mode): tf.Tensor2D {
    if (!mode.training) {
      return tf.batchNorm(x, this.runningMean, this.runningVar, this.beta, this.gamma, BatchNorm.epsilon) as tf.Tensor2D;
    }
    const { stats } = mode;
    const record = (mean: tf.Tensor1D, variance: tf.Tensor1D) =>
      stats?.push({ layer: this, mean: tf.keep(mean), variance: tf.keep(variance), count: x.shape[0] });
    return batchNormTraining(x, this.gamma as tf.Tensor1D, this.beta as tf.Tensor1D, record);
  }

  /**
   * Folds batch statistics into the running ones. `momentum` null = cumulative average over the given
   * batches (used once, to calibrate the running stats before the first snapshot).
   */
  updateRunningStats(batches: BatchStats[], momentum: number | null): void {
    tf.tidy(() => {
      let mean: tf.Tensor = this.runningMean;
      let variance: tf.Tensor = this.runningVar;
      batches.forEach((b, i) => {
        const unbiased = tf.mul(b.variance, b.count / Math.max(1, b.count - 1));
        const m = momentum ?? 1 / (i + 1);
        mean = tf.add(tf.mul(mean, 1 - m), tf.mul(b.mean, m));
        variance = tf.add(tf.mul(variance, 1 - m), tf.mul(unbiased, m));
      });
      this.runningMean.assign(mean);
      this.runningVar.assign(variance);
    });
  }

  variables(): tf.Variable[] {
    return [this.gamma, this.beta];
  }

  dispose(): void {
    for (const v of [this.gamma, this.beta, this.runningMean, this.runningVar]) v.dispose();
  }
}

/** Applies collected batch statistics to their layers (grouped per layer, in order) and frees them. */
export function applyBatchStats(stats: BatchStats[], momentum: number | null): void {
  const byLayer = new Map<BatchNorm, BatchStats[]>();
  for (const s of stats) byLayer.set(s.layer, [...(byLayer.get(s.layer) ?? []), s]);
  for (const [layer, batches] of byLayer) layer.updateRunningStats(batches, momentum);
  for (const s of stats) {
    s.mean.dispose();
    s.variance.dispose();
  }
}
