import * as tf from '@tensorflow/tfjs';

/** What the engine holds: tfjs tensors, their bytes, and the wasm heap (which only grows) when on wasm. */
export interface MemoryReading {
  tensors: number;
  tensorBytes: number;
  /** Size of the wasm backend's heap in bytes; null on other backends. */
  wasmHeapBytes: number | null;
}

export function readMemory(): MemoryReading {
  const { numTensors, numBytes } = tf.memory();
  const wasm = (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm;
  return { tensors: numTensors, tensorBytes: numBytes, wasmHeapBytes: wasm?.HEAPU8?.buffer.byteLength ?? null };
}
