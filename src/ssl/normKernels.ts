import * as tf from '@tensorflow/tfjs';

/**
 * Per-group column statistics as one kernel each on the CPU-side backends (wasm, cpu). There, the elementwise
 * arithmetic of BatchNorm is fast (XNNPACK) but a column reduction is not: tfjs-wasm's Sum transposes first, and a
 * matMul with a ones row packs the fresh operand — ~0.5 ms either way for a [512, 256] batch, against ~0.2 ms
 * for one pass of plain loops here. Sums accumulate in float64. GPU backends, where these loops would need
 * shaders, use the matMul form in blocks.ts.
 */

const GROUP_MOMENTS = 'HypersphereGroupMoments';
const GROUP_SUMS = 'HypersphereGroupSums';

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
    kernelName: GROUP_MOMENTS,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const host = hostValues(backend as unknown as HostBackend);
      const x = inputs.x as tf.TensorInfo;
      const [rows, cols] = x.shape as [number, number];
      const groups = (attrs as unknown as { groups: number }).groups;
      const { infos, values } = host.outputs([[groups, cols], [groups, cols]]);
      groupMoments(host.read(x), rows, cols, groups, values[0]!, values[1]!);
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

/** Per-group column mean and biased variance of x [groups·size, C], each [groups, C]. */
export function groupMomentsKernel(x: tf.Tensor2D, groups: number): { mean: tf.Tensor2D; variance: tf.Tensor2D } {
  const [mean, variance] = tf.engine().runKernel(GROUP_MOMENTS, { x }, { groups }) as tf.Tensor2D[];
  return { mean: mean!, variance: variance! };
}

/** Per-group column sums of a and of a·b, each [groups, C]. */
export function groupSumsKernel(a: tf.Tensor2D, b: tf.Tensor2D, groups: number): { sumA: tf.Tensor2D; sumAB: tf.Tensor2D } {
  const [sumA, sumAB] = tf.engine().runKernel(GROUP_SUMS, { a, b }, { groups }) as tf.Tensor2D[];
  return { sumA: sumA!, sumAB: sumAB! };
}
