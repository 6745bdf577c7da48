import { browserWorkerPort } from '../core/workerPort';
import type { BatchWorkerPort, FromBatchWorker, ToBatchWorker } from './batchSource';

/** Starts the batch worker as a module Web Worker (from the training worker, or the page). */
export function startBrowserBatchWorker(): BatchWorkerPort {
  return browserWorkerPort<ToBatchWorker, FromBatchWorker>(new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' }), 'batch worker');
}
