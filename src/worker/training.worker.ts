/// <reference lib="webworker" />
/**
 * The training worker: glue between postMessage and the TrainingHost (the state machine, trainingHost.ts). It
 * loads the backends, fetches datasets, prepares batches in a batch worker of its own, and sends a heartbeat
 * every second so that the page notices if this worker dies or hangs.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { PrefetchedBatches, type BatchWorkerPort } from '../data/batchSource';
import { startBrowserBatchWorker } from '../data/browserBatchWorker';
import { loadDatasetFromUrl } from '../data/fetchDataset';
import { noGpu, probeWebGl, probeWebGpu, selectBackend } from '../train/backend';
import { trialStepsPerSecond } from '../train/backendTrial';
import type { FromWorker, ToWorker } from './protocol';
import { TrainingHost } from './trainingHost';
import { configureWasm, wasmThreads } from './wasmSetup';

declare const self: DedicatedWorkerGlobalScope;

export const HEARTBEAT_MS = 1000;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** Yields to the message loop without setTimeout's 4 ms clamp, so Pause is seen between steps. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

let batchWorker: BatchWorkerPort | null = null;

const host = new TrainingHost({
  post,
  loadData: async (name, dataUrl) => {
    const [train, evalSet] = await Promise.all([loadDatasetFromUrl(name, 'train', dataUrl), loadDatasetFromUrl(name, 'eval', dataUrl)]);
    return { train, eval: evalSet };
  },
  startBackend: async ({ forced, threads }, config) => {
    const count = wasmThreads(threads, self.crossOriginIsolated, navigator.hardwareConcurrency ?? 1);
    configureWasm(count);
    const probes = { webgpu: await probeWebGpu(), webgl: probeWebGl() };
    const backend = await selectBackend(forced, probes, () => trialStepsPerSecond(config));
    return backend.name === 'wasm' ? { ...backend, threads: count } : backend;
  },
  fallbackBackend: (failed) => selectBackend(failed === 'wasm' ? 'cpu' : 'wasm', noGpu),
  // A lost GPU device (driver reset, another tab's crash, sleep) may not make any op throw: listen for it.
  watchDevice: (backend, lost) => {
    if (backend.name !== 'webgpu') return;
    const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string }> } }).device;
    void device?.lost?.then((info) => lost(info.message || 'no reason given'));
  },
  batches: (spec) => new PrefetchedBatches((batchWorker ??= startBrowserBatchWorker()), spec),
  yieldToMessages,
});

setInterval(() => host.heartbeat(), HEARTBEAT_MS);

self.onmessage = (event: MessageEvent<ToWorker>) => {
  host.handle(event.data).catch((error) => post({ type: 'error', kind: 'internal', message: error instanceof Error ? error.message : String(error) }));
};
