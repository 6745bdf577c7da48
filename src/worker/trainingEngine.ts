/// <reference lib="webworker" />
/**
 * The training worker's engine, loaded by its entry (training.worker.ts): the TrainingHost (the state machine,
 * trainingHost.ts) with what it needs in a browser — the backends, the datasets fetched and decoded, batches made in
 * a batch worker of its own, snapshots measured in an evaluation worker of its own.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { PrefetchedBatches, type BatchWorkerPort } from '../data/batchSource';
import { startBrowserBatchWorker } from '../data/browserBatchWorker';
import { decodeFetchedDataset } from '../data/fetchDataset';
import { noGpu, probeWebGl, probeWebGpu, selectBackend } from '../train/backend';
import { trialStepsPerSecond } from '../train/backendTrial';
import { timePhase } from '../train/startupPhases';
import { startBrowserEvaluationWorker } from './browserEvaluationWorker';
import { type DatasetDownload, downloadDataset } from './datasetDownload';
import type { FromWorker } from './protocol';
import { TrainingHost } from './trainingHost';
import { configureWasm, wasmThreads } from './wasmSetup';

declare const self: DedicatedWorkerGlobalScope;

/** Yields to the message loop without setTimeout's 4 ms clamp, so Pause is seen between steps. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

let batchWorker: BatchWorkerPort | null = null;

/**
 * The host, posting what it says through `post`; the entry hands it each command, and the download it started
 * for the init's dataset while the engine loaded (null: none).
 */
export function startTrainingHost(post: (message: FromWorker, transfer?: Transferable[]) => void, started: DatasetDownload | null): TrainingHost {
  let early = started;
  return new TrainingHost({
    post,
    loadData: async (name, dataUrl, onPhase) => {
      const download = early?.name === name && early.dataUrl === dataUrl ? early : downloadDataset(name, dataUrl, onPhase);
      early = null;
      const files = await download.files;
      const [train, evalSet] = await timePhase(onPhase, 'decode', () => Promise.all(files.map(decodeFetchedDataset)));
      return { train: train!, eval: evalSet! };
    },
    startBackend: async ({ forced, threads }, config, onPhase) => {
      const count = wasmThreads(threads, self.crossOriginIsolated, navigator.hardwareConcurrency ?? 1);
      configureWasm(count);
      const probes = { webgpu: await probeWebGpu(), webgl: probeWebGl() };
      const backend = await selectBackend(forced, probes, () => trialStepsPerSecond(config), onPhase);
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
    evaluations: startBrowserEvaluationWorker,
    yieldToMessages,
  });
}
