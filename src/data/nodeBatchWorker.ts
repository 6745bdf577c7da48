import { nodeWorkerPort } from '../core/nodeWorkerPort';
import type { BatchSpec } from './batchPlan';
import { type BatchSource, type BatchWorkerPort, type FromBatchWorker, PrefetchedBatches, type ToBatchWorker } from './batchSource';

/** Starts the batch worker as a Node worker thread. */
export function startNodeBatchWorker(): BatchWorkerPort {
  return nodeWorkerPort<ToBatchWorker, FromBatchWorker>(new URL('./batch.worker.node.ts', import.meta.url));
}

let shared: BatchWorkerPort | null = null;

/** Batch sources prefetched in one worker thread for the whole process (the CLI, benchmarks, behaviour tests). */
export function prefetchedInWorkerThread(spec: BatchSpec): BatchSource {
  shared ??= startNodeBatchWorker();
  return new PrefetchedBatches(shared, spec);
}
