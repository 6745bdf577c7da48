import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

let installed = false;

/**
 * Two tfjs-wasm kernels that copied what they need not. Slice read its whole input out of the heap (a copy) before
 * taking the slice, so slicing the model's flat parameter vector into its ~20 tensors copied 1.2 MB twenty times
 * a step: this Slice takes contiguous slices straight from the heap and leaves every other case to the original
 * kernel. Identity copied its input, and the engine runs it for every tensor a gradient saves (~80 a step, 5 MB):
 * this one shares the data, as Reshape does and as the cpu backend's Identity does (tensors are never written in
 * place; a variable's assign takes new data). Installed once, on first use; a no-op where the wasm backend is not
 * loaded.
 */
export function installWasmKernels(): void {
  if (installed) return;
  const original = tf.getKernel('Slice', 'wasm');
  if (!original) return;
  installed = true;
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs.x as tf.TensorInfo;
      (backend as BackendWasm).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
  tf.unregisterKernel('Slice', 'wasm');
  tf.registerKernel({
    kernelName: 'Slice',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const { inputs, attrs } = args;
      const x = inputs.x as tf.TensorInfo;
      const backend = args.backend as BackendWasm;
      const asked = attrs as unknown as { begin: number[]; size: number[] };
      const [begin, size] = tf.slice_util.parseSliceParams(x as unknown as tf.Tensor, asked.begin, asked.size) as [number[], number[]];
      if (x.dtype === 'string' || !tf.slice_util.isSliceContinous(x.shape, begin, size)) return original.kernelFunc(args);
      const out = backend.makeOutput(size, x.dtype);
      const from = tf.slice_util.computeFlatOffset(begin, tf.util.computeStrides(x.shape));
      // Views taken after makeOutput: a heap growth there would have detached earlier ones.
      const source = backend.typedArrayFromHeap(x);
      backend.typedArrayFromHeap(out).set(source.subarray(from, from + tf.util.sizeFromShape(size)));
      return out;
    },
  });
}
