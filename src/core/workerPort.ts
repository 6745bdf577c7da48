/**
 * A helper worker as the thread that uses it sees it — the batch worker, the evaluation worker — whether it is a Web
 * Worker (browser) or a worker thread (Node): messages each way, and the worker's own failure as a message.
 */
export interface WorkerPort<To, From> {
  post(message: To, transfer?: Transferable[]): void;
  /** Replaces the listener; null stops listening. */
  listen(listener: ((message: From) => void) | null): void;
  terminate(): void;
}

/** The message a helper worker's protocol uses to say the worker itself failed. */
export interface WorkerFailure {
  type: 'error';
  run: null;
  message: string;
}

/** Wraps a module Web Worker (made where Vite sees its `new URL(…)`); `name` says which worker stopped. */
export function browserWorkerPort<To, From>(worker: Worker, name: string): WorkerPort<To, From | WorkerFailure> {
  let listener: ((message: From | WorkerFailure) => void) | null = null;
  worker.onmessage = (event: MessageEvent<From>) => listener?.(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    listener?.({ type: 'error', run: null, message: event.message || `the ${name} stopped` });
  };
  return {
    post: (message, transfer = []) => worker.postMessage(message, transfer),
    listen: (next) => {
      listener = next;
    },
    terminate: () => worker.terminate(),
  };
}
