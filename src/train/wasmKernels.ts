import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

let installed = false;

/**
 * tfjs-wasm's Slice reads its whole input out of the heap (a copy) before taking the slice, so slicing the model's
 * flat parameter vector into its ~20 tensors copied 1.2 MB twenty times a step. This Slice takes contiguous
 * slices straight from the heap and leaves every other case to the original kernel. Installed once, on first use;
 * a no-op where the wasm backend is not loaded.
 */
export function installWasmKernels(): void {
  if (installed) return;
  const original = tf.getKernel('Slice', 'wasm');
  if (!original) return;
  installed = true;
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
