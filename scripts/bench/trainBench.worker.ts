/// <reference lib="webworker" />
/**
 * Measures training in a worker of the page, on the backend asked for (`batch` and `dim` override the method's
 * defaults), with batches from a batch worker. With `pick`, instead says which backend the lab's own rule picks
 * here (probes, then a trial of each candidate on a real GPU), and why.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import { defaultConfig, type MethodName } from '../../src/core/config';
import { PrefetchedBatches } from '../../src/data/batchSource';
import { startBrowserBatchWorker } from '../../src/data/browserBatchWorker';
import { loadDatasetFromUrl } from '../../src/data/fetchDataset';
import { noGpu, probeWebGl, probeWebGpu, selectBackend } from '../../src/train/backend';
import { trialStepsPerSecond } from '../../src/train/backendTrial';
import type { BackendName } from '../../src/train/backendNames';
import { LOSS_READ_EVERY } from '../../src/worker/trainingHost';
import { configureWasm, wasmThreads } from '../../src/worker/wasmSetup';
import { measureTraining } from './measureTraining';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<Record<string, string>>) => {
  try {
    const { backend, steps, method, threads, batch, dim, pick } = event.data;
    const config = { ...defaultConfig((method ?? 'simsiam') as MethodName), ...(batch ? { batch: Number(batch) } : {}), ...(dim ? { dim: Number(dim) } : {}) };
    configureWasm(wasmThreads(threads ? Number(threads) : 1, self.crossOriginIsolated, navigator.hardwareConcurrency));
    if (pick) {
      const probes = { webgpu: await probeWebGpu(), webgl: probeWebGl() };
      self.postMessage({ picked: await selectBackend(null, probes, () => trialStepsPerSecond(config)), probes });
      return;
    }
    const started = await selectBackend(backend as BackendName, noGpu);
    if (started.name !== backend) throw new Error(`${backend} did not start (${started.reason})`);
    const [train, evalSet] = await Promise.all([loadDatasetFromUrl('fashion-mnist', 'train', '/data'), loadDatasetFromUrl('fashion-mnist', 'eval', '/data')]);
    const port = startBrowserBatchWorker();
    const readEvery = backend === 'wasm' || backend === 'cpu' ? 1 : LOSS_READ_EVERY;
    const result = await measureTraining(config, { train, eval: evalSet }, {
      steps: Number(steps ?? 30),
      readEvery,
      batches: (spec) => new PrefetchedBatches(port, spec),
    });
    port.terminate();
    self.postMessage({ ...result, backend: tf.getBackend() });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
