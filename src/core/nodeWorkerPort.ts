import { Worker } from 'node:worker_threads';
import type { WorkerFailure, WorkerPort } from './workerPort';

/**
 * Starts a helper worker as a Node worker thread running the TypeScript module `entry`. The thread first registers
 * tsx (a dev dependency, already the CLI's runner) so that it can load it; it never keeps the process alive on its own.
 */
export function nodeWorkerPort<To, From>(entry: URL): WorkerPort<To, From | WorkerFailure> {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  const worker = new Worker(bootstrap, { eval: true });
  worker.unref();
  let listener: ((message: From | WorkerFailure) => void) | null = null;
  worker.on('message', (message: From) => listener?.(message));
  worker.on('error', (error) => listener?.({ type: 'error', run: null, message: error.message }));
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer as ArrayBuffer[]),
    listen: (next) => {
      listener = next;
    },
    terminate: () => void worker.terminate(),
  };
}
