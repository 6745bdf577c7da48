import * as tf from '@tensorflow/tfjs';
import { groupMomentsKernel, groupSumsKernel, statisticsKernelsAvailable } from './normKernels';

/**
 * One MLP block as a single op with a hand-written gradient: x·W, then BatchNorm (per group of rows) or a bias,
 * then ReLU. Written out because tfjs's own gradients are slow here: its matMul gradient uses transposeA/B (~10×
 * slower on wasm than explicit transposes), its batchNorm gradient tiles γ to the input's shape, and its column
 * sums transpose first; every column sum and every per-group statistic below is a matMul with a fixed 0/1 (or
 * 1/B) matrix instead, which XNNPACK does in microseconds. One block is ~12 kernels forward and ~20 backward.
 *
 * Groups: the two augmented views of a batch travel stacked, [view 1 rows; view 2 rows], through every network,
 * and BatchNorm normalises each view with its own batch statistics, exactly as two separate passes would.
 */

export type CustomGradientFunc = Parameters<typeof tf.customGrad>[0];

const BATCH_NORM_EPSILON = 1e-5;

/** Batch statistics of one BatchNorm block in a training pass: per group, mean and biased variance, [groups, C]. */
export interface BlockStats {
  mean: tf.Tensor2D;
  variance: tf.Tensor2D;
}

export interface BlockShape {
  inputs: number;
  outputs: number;
  /** BatchNorm after the product (then the block has γ and β and no bias); otherwise a bias. */
  norm: boolean;
  relu: boolean;
}

/** The block's trained tensors: W [in, out], and γ, β [out] with BatchNorm or the bias [out] without. */
export interface BlockParams {
  weight: tf.Tensor2D;
  gamma?: tf.Tensor1D;
  beta?: tf.Tensor1D;
  bias?: tf.Tensor1D;
}

/** Training: batch statistics per group (recorded into `stats` when given); `gradient` false for passes never differentiated. */
export interface TrainingPass {
  groups: number;
  stats: BlockStats[] | null;
  gradient?: boolean;
}

/**
 * Fixed matrices (the ones that turn column sums into matMuls, the losses' diagonal masks), made once per shape
 * and backend and kept for the realm's life (the keys name the backend, so a backend chosen later makes its own).
 */
const constants = new Map<string, tf.Tensor2D>();
export function constant(key: string, make: () => tf.Tensor2D): tf.Tensor2D {
  let value = constants.get(key);
  if (!value || value.isDisposed) {
    value = tf.keep(tf.tidy(make));
    constants.set(key, value);
  }
  return value;
}

/** [1, rows] of ones: ones·x sums x's columns. */
function onesRow(rows: number): tf.Tensor2D {
  return constant(`ones ${rows} ${tf.getBackend()}`, () => tf.ones([1, rows]));
}

/** [groups, rows] with 1/size on each group's rows: means·x gives each group's column means. */
function groupMeans(groups: number, rows: number): tf.Tensor2D {
  return constant(`means ${groups} ${rows} ${tf.getBackend()}`, () => {
    const size = rows / groups;
    const values = new Float32Array(groups * rows);
    for (let g = 0; g < groups; g++) values.fill(1 / size, g * rows + g * size, g * rows + (g + 1) * size);
    return tf.tensor2d(values, [groups, rows]);
  });
}

/** The tensors whose count the lab's leak tests watch do not include these kept constants. */
export function blockConstantCount(): number {
  return [...constants.values()].filter((t) => !t.isDisposed).length;
}

/** Per-group column means of x [groups·size, C] as [groups, C]. */
function perGroupMean(x: tf.Tensor2D, groups: number): tf.Tensor2D {
  return tf.matMul(groupMeans(groups, x.shape[0]), x) as tf.Tensor2D;
}

/** x [groups·size, C] minus a [groups, C] row for each group's rows. */
function perGroup(op: 'sub' | 'mul', x: tf.Tensor2D, rows: tf.Tensor2D, groups: number): tf.Tensor2D {
  const [n, c] = x.shape;
  const grouped = tf.reshape(x, [groups, n / groups, c]);
  const broadcast = tf.reshape(rows, [groups, 1, c]);
  return tf.reshape(op === 'sub' ? tf.sub(grouped, broadcast) : tf.mul(grouped, broadcast), [n, c]) as tf.Tensor2D;
}

interface Normalised {
  /** After γ, β and the ReLU when the block has one. */
  value: tf.Tensor2D;
  xHat: tf.Tensor2D;
  invStd: tf.Tensor2D;
  mean: tf.Tensor2D;
  variance: tf.Tensor2D;
}

/** Per-group mean and biased variance: the statistics kernel where there is one, matMuls with 1/B rows elsewhere. */
function moments(h: tf.Tensor2D, groups: number): { mean: tf.Tensor2D; variance: tf.Tensor2D } {
  if (statisticsKernelsAvailable()) return groupMomentsKernel(h, groups);
  const mean = perGroupMean(h, groups);
  return { mean, variance: perGroupMean(tf.square(perGroup('sub', h, mean, groups)), groups) };
}

/** Per-group Σ a and Σ a·b. */
function sums(a: tf.Tensor2D, b: tf.Tensor2D, groups: number): { sumA: tf.Tensor2D; sumAB: tf.Tensor2D } {
  if (statisticsKernelsAvailable()) return groupSumsKernel(a, b, groups);
  const size = a.shape[0] / groups;
  return { sumA: tf.mul(perGroupMean(a, groups), size), sumAB: tf.mul(perGroupMean(tf.mul(a, b) as tf.Tensor2D, groups), size) };
}

/** BatchNorm (+ ReLU) with each group's batch statistics. */
function normalise(h: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, groups: number, relu: boolean): Normalised {
  const { mean, variance } = moments(h, groups);
  const invStd = tf.rsqrt(tf.add(variance, BATCH_NORM_EPSILON)) as tf.Tensor2D;
  const xHat = perGroup('mul', perGroup('sub', h, mean, groups), invStd, groups);
  const affine = tf.add(tf.mul(xHat, gamma), beta) as tf.Tensor2D;
  return { value: relu ? tf.relu(affine) : affine, xHat, invStd, mean, variance };
}

/** The gradient of normalise() for dy: dh, dγ, dβ. Per group, dh = γ/σ · (da − mean(da) − x̂·mean(da·x̂)). */
function normaliseGradient(dy: tf.Tensor2D, saved: Pick<Normalised, 'value' | 'xHat' | 'invStd'>, gamma: tf.Tensor1D, groups: number, relu: boolean): tf.Tensor[] {
  const { value, xHat, invStd } = saved;
  const da = (relu ? tf.mul(dy, tf.step(value)) : dy) as tf.Tensor2D;
  const { sumA, sumAB } = sums(da, xHat, groups);
  const size = da.shape[0] / groups;
  const centred = tf.sub(perGroup('sub', da, tf.div(sumA, size) as tf.Tensor2D, groups), perGroup('mul', xHat, tf.div(sumAB, size) as tf.Tensor2D, groups)) as tf.Tensor2D;
  const dh = perGroup('mul', centred, tf.mul(invStd, gamma) as tf.Tensor2D, groups);
  // dβ and dγ sum over every row: the groups' sums added up.
  return [dh, tf.sum(sumAB, 0), tf.sum(sumA, 0)];
}

/** Σ over rows of x [N, C], as [C]. */
function columnSums(x: tf.Tensor2D): tf.Tensor1D {
  if (statisticsKernelsAvailable()) return tf.reshape(groupSumsKernel(x, x, 1).sumA, [-1]);
  return tf.reshape(tf.matMul(onesRow(x.shape[0]), x), [-1]);
}

/** The block's forward maths with batch statistics: x·W, then BatchNorm per group (or the bias), then ReLU. */
function forwardWithBatchStatistics(shape: BlockShape, x: tf.Tensor2D, weight: tf.Tensor2D, a: tf.Tensor1D, b: tf.Tensor1D | undefined, groups: number) {
  const product = tf.matMul(x, weight) as tf.Tensor2D;
  if (shape.norm) return normalise(product, a, b!, groups, shape.relu);
  const affine = tf.add(product, a) as tf.Tensor2D;
  return { value: shape.relu ? tf.relu(affine) : affine, xHat: null, invStd: null, mean: null, variance: null };
}

/**
 * One block in training mode. `input` is the data batch (no gradient to it) or a tensor the gradient flows to.
 * `pass.gradient` false (BYOL's target, calibration) runs the same maths as plain ops: no gradient recorded, and
 * nothing kept for one.
 */
export function trainingBlock(
  shape: BlockShape,
  params: BlockParams,
  input: { x: tf.Tensor2D; xT?: tf.Tensor2D; needsGrad: boolean },
  pass: TrainingPass,
): tf.Tensor2D {
  const { x, xT, needsGrad } = input;
  const { groups, stats } = pass;
  const { norm, relu } = shape;
  const record = (out: { mean: tf.Tensor2D | null; variance: tf.Tensor2D | null }) => {
    if (norm) stats?.push({ mean: tf.keep(out.mean!), variance: tf.keep(out.variance!) });
  };
  if (pass.gradient === false) {
    const out = forwardWithBatchStatistics(shape, x, params.weight, (norm ? params.gamma : params.bias)!, params.beta, groups);
    record(out);
    return out.value;
  }
  // The op's inputs, the ones a gradient is returned for: x (unless it is data), W, then γ and β or the bias.
  const trained = norm ? [params.weight, params.gamma!, params.beta!] : [params.weight, params.bias!];
  const forward = (...args: unknown[]) => {
    const save = args.pop() as tf.GradSaveFunc;
    const inputs = needsGrad ? (args.shift() as tf.Tensor2D) : x;
    const [weight, a, b] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor1D | undefined];
    const out = forwardWithBatchStatistics(shape, inputs, weight, a, b, groups);
    record(out);
    // Saved tensors are copied (tfjs clones them): the input only when its transpose was not given.
    save([weight, out.value, ...(xT ? [] : [inputs]), ...(norm ? [out.xHat!, out.invStd!, a] : [])]);
    return {
      value: out.value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [w, y] = saved as [tf.Tensor2D, tf.Tensor2D];
        const rest = saved.slice(2);
        const xs = xT ? null : (rest.shift() as tf.Tensor2D);
        let dProduct: tf.Tensor2D;
        let paramGrads: tf.Tensor[];
        if (norm) {
          const [xHat, invStd, gamma] = rest as [tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
          const [dh, dGamma, dBeta] = normaliseGradient(dy as tf.Tensor2D, { value: y, xHat, invStd }, gamma, groups, relu);
          dProduct = dh as tf.Tensor2D;
          paramGrads = [dGamma!, dBeta!];
        } else {
          dProduct = (relu ? tf.mul(dy, tf.step(y)) : dy) as tf.Tensor2D;
          paramGrads = [columnSums(dProduct)];
        }
        const dWeight = tf.matMul(xT ?? tf.transpose(xs!), dProduct);
        const grads = [dWeight, ...paramGrads];
        return needsGrad ? [tf.matMul(dProduct, tf.transpose(w)), ...grads] : grads;
      },
    };
  };
  const op = tf.customGrad(forward as CustomGradientFunc) as (...inputs: tf.Tensor[]) => tf.Tensor2D;
  return needsGrad ? op(x, ...trained) : op(...trained);
}

/**
 * One block in evaluation mode: BatchNorm with the running statistics is a fixed affine map per channel, so it is
 * folded into W's columns and a bias, and the block is one fused matMul (+ bias + ReLU): on wasm a third of the
 * snapshot's time went to the separate BatchNorm and ReLU passes over [3n, 256].
 */
export function evaluationBlock(
  shape: BlockShape,
  params: BlockParams,
  x: tf.Tensor2D,
  running: { mean: tf.Tensor1D; variance: tf.Tensor1D } | null,
): tf.Tensor2D {
  const activation = shape.relu ? 'relu' : 'linear';
  if (!shape.norm) return tf.fused.matMul({ a: x, b: params.weight, bias: params.bias!, activation }) as tf.Tensor2D;
  const scale = tf.mul(params.gamma!, tf.rsqrt(tf.add(running!.variance, BATCH_NORM_EPSILON)));
  const weight = tf.mul(params.weight, scale) as tf.Tensor2D;
  const bias = tf.sub(params.beta!, tf.mul(running!.mean, scale));
  return tf.fused.matMul({ a: x, b: weight, bias, activation }) as tf.Tensor2D;
}
