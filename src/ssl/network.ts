import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';
import { type BlockParams, type BlockShape, type BlockStats, evaluationBlock, trainingBlock } from './blocks';
import { ownedVariable } from './variables';

/** One trained tensor of a network: its name, shape, and where its values start in the network's flat vector. */
export interface TensorSlot {
  name: string;
  shape: number[];
  offset: number;
  size: number;
}

/** How a network runs: training (batch statistics per view group, recorded when asked) or evaluation. */
export type Pass =
  /** `gradient` false: never differentiated (BYOL's target, calibration), so nothing is kept for a gradient. */
  | { training: true; groups: number; record: boolean; gradient?: boolean }
  | { training: false };

/**
 * A chain of Dense → (BatchNorm) → (ReLU) blocks whose trained tensors live side by side in one flat vector
 * (the optimiser updates the whole vector in a few kernels instead of a dozen per tensor) and whose BatchNorm
 * running statistics live in two more flat vectors. The network itself holds no tensors: the caller passes the
 * flat values' slices in; `runningStats` holds the running statistics' variables.
 */
export class Network {
  readonly blocks: BlockShape[];
  readonly slots: TensorSlot[] = [];
  /** Per block: indices into `slots` of W and of γ, β (or the bias). */
  private readonly blockSlots: number[][] = [];
  /** Per block with BatchNorm: where its channels sit in the running-statistics vectors. */
  private readonly runningOffsets: (number | null)[] = [];
  readonly size: number;
  readonly runningSize: number;

  /**
   * `sizes` [in, hidden…, out]; every block but the last is BatchNorm + ReLU (bias + ReLU with `batchNorm` off);
   * the last is linear with a bias, unless `activateOutput` (the encoder: BatchNorm + ReLU there too).
   */
  constructor(readonly name: string, sizes: number[], options: { activateOutput: boolean; batchNorm: boolean }) {
    this.blocks = sizes.slice(1).map((outputs, i) => {
      const activated = i + 2 < sizes.length || options.activateOutput;
      return { inputs: sizes[i]!, outputs, norm: activated && options.batchNorm, relu: activated };
    });
    let offset = 0;
    let running = 0;
    const slot = (name: string, shape: number[]) => {
      const size = shape.reduce((a, b) => a * b, 1);
      this.slots.push({ name: `${this.name}/${name}`, shape, offset, size });
      offset += size;
      return this.slots.length - 1;
    };
    this.blocks.forEach((block, i) => {
      const weight = slot(`dense${i}/w`, [block.inputs, block.outputs]);
      this.blockSlots.push(block.norm ? [weight, slot(`bn${i}/gamma`, [block.outputs]), slot(`bn${i}/beta`, [block.outputs])] : [weight, slot(`dense${i}/b`, [block.outputs])]);
      this.runningOffsets.push(block.norm ? running : null);
      if (block.norm) running += block.outputs;
    });
    this.size = offset;
    this.runningSize = running;
  }

  /**
   * Initial values of the flat vector: PyTorch's default Linear init, U(−1/√fan_in, 1/√fan_in) for weights and
   * bias, drawn in block order (weights, then bias); γ = 1, β = 0.
   */
  initialValues(rng: Rng): Float32Array {
    const values = new Float32Array(this.size);
    this.blocks.forEach((block, i) => {
      const bound = 1 / Math.sqrt(block.inputs);
      const [weight, second, third] = this.blockSlots[i]!.map((index) => this.slots[index]!);
      for (let k = 0; k < weight!.size; k++) values[weight!.offset + k] = rng.uniform(-bound, bound);
      if (block.norm) {
        values.fill(1, second!.offset, second!.offset + second!.size);
        values.fill(0, third!.offset, third!.offset + third!.size);
      } else {
        for (let k = 0; k < second!.size; k++) values[second!.offset + k] = rng.uniform(-bound, bound);
      }
    });
    return values;
  }

  /** The trained tensors as views of a flat vector (one slice each), in slot order. */
  unpack(flat: tf.Tensor1D, base = 0): tf.Tensor[] {
    return this.slots.map(({ shape, offset, size }) => tf.reshape(tf.slice(flat, [base + offset], [size]), shape));
  }

  /**
   * Runs the network on x. Training passes push each BatchNorm block's statistics, in block order, to `stats`
   * when `record` is set; evaluation passes read `running`. `data` says x is input data (no gradient to it;
   * its transpose `xT` spares one transpose). `from` and `upTo` run only blocks from..upTo−1 (e.g. the encoder
   * part of the embedding network, then the projector part from the features).
   */
  apply(
    tensors: tf.Tensor[],
    x: tf.Tensor2D,
    pass: Pass,
    options: { data?: boolean; xT?: tf.Tensor2D; stats?: BlockStats[]; running?: RunningStats | null; from?: number; upTo?: number } = {},
  ): tf.Tensor2D {
    let h = x;
    const count = options.upTo ?? this.blocks.length;
    for (let i = options.from ?? 0; i < count; i++) {
      const block = this.blocks[i]!;
      const [weight, second, third] = this.blockSlots[i]!.map((index) => tensors[index]!);
      const params: BlockParams = block.norm
        ? { weight: weight as tf.Tensor2D, gamma: second as tf.Tensor1D, beta: third as tf.Tensor1D }
        : { weight: weight as tf.Tensor2D, bias: second as tf.Tensor1D };
      if (pass.training) {
        const first = i === (options.from ?? 0) && options.data === true;
        const input = { x: h, xT: first ? options.xT : undefined, needsGrad: !first };
        h = trainingBlock(block, params, input, { groups: pass.groups, stats: pass.record ? (options.stats ?? null) : null, gradient: pass.gradient });
      } else {
        const offset = this.runningOffsets[i];
        const running = block.norm && options.running && offset !== null && offset !== undefined ? options.running.slice(offset!, block.outputs) : null;
        h = evaluationBlock(block, params, h, running);
      }
    }
    return h;
  }
}

/**
 * A network's BatchNorm running statistics (PyTorch's: running mean and unbiased running variance, momentum
 * 0.1), every block's channels side by side in one mean and one variance variable.
 */
export class RunningStats {
  readonly mean: tf.Variable;
  readonly variance: tf.Variable;
  static readonly momentum = 0.1;

  constructor(readonly size: number, name: string) {
    this.mean = ownedVariable(tf.zeros([Math.max(size, 1)]), false, `${name}/running_mean`);
    this.variance = ownedVariable(tf.ones([Math.max(size, 1)]), false, `${name}/running_var`);
  }

  slice(offset: number, size: number): { mean: tf.Tensor1D; variance: tf.Tensor1D } {
    return { mean: tf.slice(this.mean as tf.Tensor1D, [offset], [size]), variance: tf.slice(this.variance as tf.Tensor1D, [offset], [size]) };
  }

  /**
   * Folds one pass's batch statistics (every block's, in block order; `groups` views each) into the running
   * ones, view after view, as PyTorch does per forward call: r ← (1 − m)·r + m·s per view. `momentum` null
   * makes the running statistics the plain average of every view given (calibration).
   */
  update(passes: BlockStats[][], batchSize: number, momentum: number | null = RunningStats.momentum): void {
    if (this.size === 0 || passes.length === 0) return;
    tf.tidy(() => {
      // [views, channels] of every view of every pass, in order; variance made unbiased as PyTorch keeps it.
      const means = tf.concat(passes.map((blocks) => tf.concat(blocks.map((s) => s.mean), 1)), 0);
      const variances = tf.mul(tf.concat(passes.map((blocks) => tf.concat(blocks.map((s) => s.variance), 1)), 0), batchSize / Math.max(1, batchSize - 1));
      const views = means.shape[0]!;
      if (momentum === null) {
        this.mean.assign(tf.mean(means, 0));
        this.variance.assign(tf.mean(variances, 0));
        return;
      }
      // After `views` updates: r·(1 − m)^views + Σ_v m(1 − m)^(views − 1 − v)·s_v, the weights as one row.
      const weights = tf.tensor2d(Array.from({ length: views }, (_, v) => momentum * (1 - momentum) ** (views - 1 - v)), [1, views]);
      const keep = (1 - momentum) ** views;
      this.mean.assign(tf.reshape(tf.add(tf.mul(this.mean, keep), tf.matMul(weights, means)), [-1]));
      this.variance.assign(tf.reshape(tf.add(tf.mul(this.variance, keep), tf.matMul(weights, variances)), [-1]));
    });
    for (const blocks of passes) for (const s of blocks) tf.dispose([s.mean, s.variance]);
  }

  dispose(): void {
    this.mean.dispose();
    this.variance.dispose();
  }
}
