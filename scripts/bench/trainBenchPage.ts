/** The benchmark page: runs measureTraining in a worker, as the lab trains, and leaves the result on window. */
const params = new URLSearchParams(location.search);
const worker = new Worker(new URL('./trainBench.worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event) => {
  (window as unknown as { benchResult: unknown }).benchResult = event.data;
};
worker.onerror = (event) => {
  (window as unknown as { benchResult: unknown }).benchResult = { error: event.message || 'the benchmark worker failed' };
};
worker.postMessage(Object.fromEntries(params));
