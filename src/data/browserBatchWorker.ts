import type { BatchWorkerPort, FromBatchWorker } from './batchSource';

/** Starts the batch worker as a module Web Worker (from the training worker, or the page). */
export function startBrowserBatchWorker(): BatchWorkerPort {
  const worker = new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module' });
  let listener: ((message: FromBatchWorker) => void) | null = null;
  worker.onmessage = (event: MessageEvent<FromBatchWorker>) => listener?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    listener?.({ type: 'error', run: null, message: event.message || 'the batch worker stopped' });
  };
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    listen: (next) => {
      listener = next;
    },
    terminate: () => worker.terminate(),
  };
}
