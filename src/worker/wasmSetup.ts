import * as tf from '@tensorflow/tfjs';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/**
 * How many threads the wasm backend's matrix products use: hardwareConcurrency − 1 (one core left for the page),
 * unless `requested` (the link's `threads=`) says otherwise. Threads need SharedArrayBuffer, so a cross-origin
 * isolated page (COOP/COEP headers); elsewhere, and with one thread, the single-threaded build runs.
 */
export function wasmThreads(requested: number | null, isolated: boolean, cores: number): number {
  if (!isolated) return 1;
  return Math.max(1, Math.min(cores, requested ?? cores - 1));
}

/** Points the wasm backend at the binaries Vite bundles and sets its thread count (before the backend starts). */
export function configureWasm(threads: number): void {
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
  });
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', threads > 1);
  if (threads > 1) setThreadsCount(threads);
}
