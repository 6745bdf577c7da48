import * as tf from '@tensorflow/tfjs';

/**
 * BatchNorm (+ ReLU) forward and backward, and per-group column sums, as one kernel each on the CPU-side backends
 * (wasm, cpu). There a column reduction is slow (tfjs-wasm's Sum transposes first, and a matMul with a ones row
 * packs the fresh operand: ~0.5 ms for a [512, 256] batch, against ~0.2 ms for one pass of plain loops here),
 * and each of the ~25 small elementwise ops a block's BatchNorm took costs more in the engine's bookkeeping than
 * in arithmetic. Sums accumulate in float64; every elementwise step is rounded to float32 (Math.fround) as the
 * separate ops rounded it. GPU backends, where these loops would need shaders, use the op form in blocks.ts.
 */

const BATCH_NORM = 'HypersphereBatchNorm';
const BATCH_NORM_GRAD = 'HypersphereBatchNormGrad';
const GROUP_SUMS = 'HypersphereGroupSums';
const f32 = Math.fround;

/** Reads and writes tensor values on a CPU-side backend: wasm keeps them in its heap, cpu in typed arrays. */
interface HostValues {
  read(t: tf.TensorInfo): Float32Array;
  /** New outputs of these shapes, then their writable values (taken together: a heap growth detaches older views). */
  outputs(shapes: number[][]): { infos: tf.TensorInfo[]; values: Float32Array[] };
}

type HostBackend = {
  typedArrayFromHeap?: (t: tf.TensorInfo) => Float32Array;
  makeOutput?: (shape: number[], dtype: 'float32') => tf.TensorInfo;
  data?: { get(dataId: object): { values: Float32Array } };
  makeTensorInfo?: (shape: number[], dtype: 'float32', values: Float32Array) => tf.TensorInfo;
};

function hostValues(backend: HostBackend): HostValues {
  const { typedArrayFromHeap, makeOutput } = backend;
  if (typedArrayFromHeap && makeOutput) {
    return {
      read: (t) => typedArrayFromHeap.call(backend, t),
      outputs: (shapes) => {
        const infos = shapes.map((shape) => makeOutput.call(backend, shape, 'float32'));
        return { infos, values: infos.map((info) => typedArrayFromHeap.call(backend, info)) };
      },
    };
  }
  return {
    read: (t) => backend.data!.get(t.dataId).values,
    outputs: (shapes) => {
      const values = shapes.map((shape) => new Float32Array(shape.reduce((a, b) => a * b, 1)));
      return { infos: shapes.map((shape, i) => backend.makeTensorInfo!(shape, 'float32', values[i]!)), values };
    },
  };
}

/**
 * Mean and biased variance of each column within each group of rows, in one pass: sums of (x − k) and (x − k)²
 * with k each column's first value in the group (the shifted-data algorithm), so the variance stays exact when
 * the values bunch far from zero — as they do when a network collapses.
 */
function groupMoments(x: Float32Array, rows: number, cols: number, groups: number, mean: Float32Array, variance: Float32Array): void {
  const size = rows / groups;
  const sum = new Float64Array(cols);
  const sumSq = new Float64Array(cols);
  for (let g = 0; g < groups; g++) {
    const first = g * size;
    const shift = x.subarray(first * cols, first * cols + cols);
    sum.fill(0);
    sumSq.fill(0);
    for (let r = first; r < first + size; r++) {
      const base = r * cols;
      for (let c = 0; c < cols; c++) {
        const d = x[base + c]! - shift[c]!;
        sum[c]! += d;
        sumSq[c]! += d * d;
      }
    }
    for (let c = 0; c < cols; c++) {
      const m = sum[c]! / size;
      mean[g * cols + c] = shift[c]! + m;
      variance[g * cols + c] = Math.max(0, sumSq[c]! / size - m * m);
    }
  }
}

/**
 * BatchNorm with each group's batch statistics, then γ, β and the ReLU: value, x̂, 1/σ, mean and biased variance
 * (the last three [groups, C]).
 */
function batchNorm(
  h: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  shape: { rows: number; cols: number; groups: number; relu: boolean; epsilon: number },
  out: Float32Array[],
): void {
  const { rows, cols, groups, relu, epsilon } = shape;
  const [value, xHat, invStd, mean, variance] = out as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
  groupMoments(h, rows, cols, groups, mean, variance);
  const eps = f32(epsilon);
  for (let i = 0; i < groups * cols; i++) invStd[i] = 1 / Math.sqrt(f32(variance[i]! + eps));
  const size = rows / groups;
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    const stat = Math.floor(r / size) * cols;
    for (let c = 0; c < cols; c++) {
      const x = f32(f32(h[base + c]! - mean[stat + c]!) * invStd[stat + c]!);
      xHat[base + c] = x;
      const a = f32(f32(x * gamma[c]!) + beta[c]!);
      value[base + c] = relu && !(a > 0) ? 0 : a;
    }
  }
}

/**
 * The gradient of batchNorm() for dy, from its value, x̂ and 1/σ: dh, dγ, dβ. Per group, with da = dy through the
 * ReLU, dh = γ/σ · (da − mean(da) − x̂·mean(da·x̂)); dγ = Σ da·x̂ and dβ = Σ da over every row.
 */
function batchNormGrad(
  inputs: { dy: Float32Array; value: Float32Array; xHat: Float32Array; invStd: Float32Array; gamma: Float32Array },
  shape: { rows: number; cols: number; groups: number; relu: boolean },
  out: Float32Array[],
): void {
  const { dy, value, xHat, invStd, gamma } = inputs;
  const { rows, cols, groups, relu } = shape;
  const [dh, dGamma, dBeta] = out as [Float32Array, Float32Array, Float32Array];
  const size = rows / groups;
  const s1 = new Float64Array(cols);
  const s2 = new Float64Array(cols);
  const meanA = new Float32Array(cols);
  const meanAB = new Float32Array(cols);
  const k = new Float32Array(cols);
  dGamma.fill(0);
  dBeta.fill(0);
  for (let g = 0; g < groups; g++) {
    s1.fill(0);
    s2.fill(0);
    const first = g * size;
    for (let r = first; r < first + size; r++) {
      const base = r * cols;
      for (let c = 0; c < cols; c++) {
        const da = relu && !(value[base + c]! > 0) ? 0 : dy[base + c]!;
        s1[c]! += da;
        s2[c]! += da * xHat[base + c]!;
      }
    }
    for (let c = 0; c < cols; c++) {
      const sumA = f32(s1[c]!);
      const sumAB = f32(s2[c]!);
      meanA[c] = sumA / size;
      meanAB[c] = sumAB / size;
      k[c] = invStd[g * cols + c]! * gamma[c]!;
      dGamma[c] = dGamma[c]! + sumAB;
      dBeta[c] = dBeta[c]! + sumA;
    }
    for (let r = first; r < first + size; r++) {
      const base = r * cols;
      for (let c = 0; c < cols; c++) {
        const da = relu && !(value[base + c]! > 0) ? 0 : dy[base + c]!;
        dh[base + c] = f32(f32(f32(da - meanA[c]!) - f32(xHat[base + c]! * meanAB[c]!)) * k[c]!);
      }
    }
  }
}

/** Σ a and Σ a·b over each group's rows, per column. */
function groupSums(a: Float32Array, b: Float32Array, rows: number, cols: number, groups: number, sumA: Float32Array, sumAB: Float32Array): void {
  const size = rows / groups;
  const s1 = new Float64Array(cols);
  const s2 = new Float64Array(cols);
  for (let g = 0; g < groups; g++) {
    s1.fill(0);
    s2.fill(0);
    for (let r = g * size; r < (g + 1) * size; r++) {
      const base = r * cols;
      for (let c = 0; c < cols; c++) {
        const v = a[base + c]!;
        s1[c]! += v;
        s2[c]! += v * b[base + c]!;
      }
    }
    for (let c = 0; c < cols; c++) {
      sumA[g * cols + c] = s1[c]!;
      sumAB[g * cols + c] = s2[c]!;
    }
  }
}

function register(backendName: string): void {
  tf.registerKernel({
    kernelName: BATCH_NORM,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const host = hostValues(backend as unknown as HostBackend);
      const h = inputs.h as tf.TensorInfo;
      const [rows, cols] = h.shape as [number, number];
      const shape = { rows, cols, ...(attrs as unknown as { groups: number; relu: boolean; epsilon: number }) };
      const stats = [shape.groups, cols];
      const { infos, values } = host.outputs([[rows, cols], [rows, cols], stats, stats, stats]);
      batchNorm(host.read(h), host.read(inputs.gamma as tf.TensorInfo), host.read(inputs.beta as tf.TensorInfo), shape, values);
      return infos;
    },
  });
  tf.registerKernel({
    kernelName: BATCH_NORM_GRAD,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const host = hostValues(backend as unknown as HostBackend);
      const dy = inputs.dy as tf.TensorInfo;
      const [rows, cols] = dy.shape as [number, number];
      const shape = { rows, cols, ...(attrs as unknown as { groups: number; relu: boolean }) };
      const { infos, values } = host.outputs([[rows, cols], [cols], [cols]]);
      const read = (name: string) => host.read(inputs[name] as tf.TensorInfo);
      batchNormGrad({ dy: read('dy'), value: read('value'), xHat: read('xHat'), invStd: read('invStd'), gamma: read('gamma') }, shape, values);
      return infos;
    },
  });
  tf.registerKernel({
    kernelName: GROUP_SUMS,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const host = hostValues(backend as unknown as HostBackend);
      const a = inputs.a as tf.TensorInfo;
      const [rows, cols] = a.shape as [number, number];
      const groups = (attrs as unknown as { groups: number }).groups;
      const { infos, values } = host.outputs([[groups, cols], [groups, cols]]);
      groupSums(host.read(a), host.read(inputs.b as tf.TensorInfo), rows, cols, groups, values[0]!, values[1]!);
      return infos;
    },
  });
}

const registeredFor = new Set<string>();

/** True when the current backend has the statistics kernels (registering them on first use). */
export function statisticsKernelsAvailable(): boolean {
  const name = tf.getBackend();
  if (name !== 'wasm' && name !== 'cpu') return false;
  if (!registeredFor.has(name)) {
    register(name);
    registeredFor.add(name);
  }
  return true;
}

/** BatchNorm of h [groups·size, C] with each group's batch statistics, then γ, β and (`relu`) the ReLU. */
export function batchNormKernel(h: tf.Tensor2D, gamma: tf.Tensor1D, beta: tf.Tensor1D, options: { groups: number; relu: boolean; epsilon: number }) {
  const [value, xHat, invStd, mean, variance] = tf.engine().runKernel(BATCH_NORM, { h, gamma, beta }, { ...options }) as tf.Tensor2D[];
  return { value: value!, xHat: xHat!, invStd: invStd!, mean: mean!, variance: variance! };
}

/** batchNormKernel's gradient for dy: [dh, dγ, dβ]. */
export function batchNormGradKernel(
  dy: tf.Tensor2D,
  saved: { value: tf.Tensor2D; xHat: tf.Tensor2D; invStd: tf.Tensor2D },
  gamma: tf.Tensor1D,
  options: { groups: number; relu: boolean },
): tf.Tensor[] {
  return tf.engine().runKernel(BATCH_NORM_GRAD, { dy, ...saved, gamma }, { ...options }) as tf.Tensor[];
}

/** Per-group column sums of a and of a·b, each [groups, C]. */
export function groupSumsKernel(a: tf.Tensor2D, b: tf.Tensor2D, groups: number): { sumA: tf.Tensor2D; sumAB: tf.Tensor2D } {
  const [sumA, sumAB] = tf.engine().runKernel(GROUP_SUMS, { a, b }, { groups }) as tf.Tensor2D[];
  return { sumA: sumA!, sumAB: sumAB! };
}
