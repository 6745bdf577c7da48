import { Worker } from 'node:worker_threads';
import type { BatchSpec } from './batchPlan';
import { type BatchSource, type BatchWorkerPort, type FromBatchWorker, PrefetchedBatches } from './batchSource';

/**
 * Starts the batch worker as a Node worker thread. The thread first registers tsx (a dev dependency, already the
 * CLI's runner) so that it can load the TypeScript module; it never keeps the process alive on its own.
 */
export function startNodeBatchWorker(): BatchWorkerPort {
  const entry = new URL('./batch.worker.node.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true });
  worker.unref();
  let listener: ((message: FromBatchWorker) => void) | null = null;
  worker.on('message', (message: FromBatchWorker) => listener?.(message));
  worker.on('error', (error) => listener?.({ type: 'error', run: null, message: error.message }));
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer as ArrayBuffer[]),
    listen: (next) => {
      listener = next;
    },
    terminate: () => void worker.terminate(),
  };
}

let shared: BatchWorkerPort | null = null;

/** Batch sources prefetched in one worker thread for the whole process (the CLI, benchmarks, behaviour tests). */
export function prefetchedInWorkerThread(spec: BatchSpec): BatchSource {
  shared ??= startNodeBatchWorker();
  return new PrefetchedBatches(shared, spec);
}
