import * as tf from '@tensorflow/tfjs';
import { ownedVariable } from './variables';

/**
 * Optimisers over one flat parameter vector: a handful of kernels per step, however many tensors the networks
 * have. `mask` (1 where trained, 0 where frozen) leaves a part untouched, moments included, as PyTorch leaves a
 * parameter that got no gradient (e.g. the predictor while it is switched off).
 */
export interface FlatOptimizer {
  step(params: tf.Variable, grad: tf.Tensor1D, mask: tf.Tensor1D | null): void;
  /** Its state (moment vectors and step count), to resume a run elsewhere. */
  state(): { steps: number; buffers: tf.Variable[] };
  restore(steps: number, buffers: Float32Array[]): void;
  dispose(): void;
}

function restoreBuffers(variables: tf.Variable[], values: Float32Array[]): void {
  if (values.length !== variables.length || values.some((v, i) => v.length !== variables[i]!.size)) {
    throw new Error('The optimiser state does not fit this model.');
  }
  variables.forEach((variable, i) => variable.assign(tf.tensor1d(values[i]!)));
}

/** Adam with PyTorch's defaults (β 0.9 / 0.999, ε 1e-8) and tfjs's bias correction on a global step count. */
export class FlatAdam implements FlatOptimizer {
  private readonly m: tf.Variable;
  private readonly v: tf.Variable;
  private t = 0;

  constructor(size: number, private readonly lr: number, private readonly beta1 = 0.9, private readonly beta2 = 0.999, private readonly epsilon = 1e-8) {
    this.m = ownedVariable(tf.zeros([size]), false, 'adam/m');
    this.v = ownedVariable(tf.zeros([size]), false, 'adam/v');
  }

  step(params: tf.Variable, grad: tf.Tensor1D, mask: tf.Tensor1D | null): void {
    this.t += 1;
    const { beta1, beta2, t } = this;
    tf.tidy(() => {
      const masked = (x: tf.Tensor) => (mask ? tf.mul(x, mask) : x);
      const m = tf.add(this.m, masked(tf.mul(tf.sub(grad, this.m), 1 - beta1)));
      const v = tf.add(this.v, masked(tf.mul(tf.sub(tf.square(grad), this.v), 1 - beta2)));
      // lr · m̂ / (√v̂ + ε) with m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t).
      const denominator = tf.add(tf.mul(tf.sqrt(v), 1 / Math.sqrt(1 - beta2 ** t)), this.epsilon);
      const update = masked(tf.mul(tf.div(m, denominator), this.lr / (1 - beta1 ** t)));
      params.assign(tf.sub(params, update));
      this.m.assign(m);
      this.v.assign(v);
    });
  }

  state(): { steps: number; buffers: tf.Variable[] } {
    return { steps: this.t, buffers: [this.m, this.v] };
  }

  restore(steps: number, buffers: Float32Array[]): void {
    tf.tidy(() => restoreBuffers([this.m, this.v], buffers));
    this.t = steps;
  }

  dispose(): void {
    this.m.dispose();
    this.v.dispose();
  }
}

/** SGD with momentum μ (PyTorch's and tfjs's form): buf ← μ·buf + g, θ ← θ − lr·buf. */
export class FlatMomentum implements FlatOptimizer {
  private readonly buffer: tf.Variable;

  constructor(size: number, private readonly lr: number, private readonly momentum = 0.9) {
    this.buffer = ownedVariable(tf.zeros([size]), false, 'momentum/buffer');
  }

  step(params: tf.Variable, grad: tf.Tensor1D, mask: tf.Tensor1D | null): void {
    tf.tidy(() => {
      const next = tf.add(tf.mul(this.buffer, this.momentum), grad);
      const buffer = mask ? tf.add(this.buffer, tf.mul(tf.sub(next, this.buffer), mask)) : next;
      const update = tf.mul(buffer, this.lr);
      params.assign(tf.sub(params, mask ? tf.mul(update, mask) : update));
      this.buffer.assign(buffer);
    });
  }

  state(): { steps: number; buffers: tf.Variable[] } {
    return { steps: 0, buffers: [this.buffer] };
  }

  restore(_steps: number, buffers: Float32Array[]): void {
    tf.tidy(() => restoreBuffers([this.buffer], buffers));
  }

  dispose(): void {
    this.buffer.dispose();
  }
}
