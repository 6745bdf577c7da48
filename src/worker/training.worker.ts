/// <reference lib="webworker" />
/**
 * The training worker: a thin adapter that hosts the Trainer, runs the step loop, and speaks the
 * protocol. All trainer operations go through one queue so a reset never disposes a model mid-step.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import '@tensorflow/tfjs-backend-wasm';
import type { ExperimentConfig } from '../core/config';
import type { Dataset, DatasetName } from '../data/datasetFormat';
import { loadDatasetFromUrl } from '../data/fetchDataset';
import { probeWebGpu, selectBackend } from '../train/backend';
import { SnapshotSchedule } from '../train/snapshotSchedule';
import { StepRateMeter } from '../train/stepRate';
import { NonFiniteLossError, Trainer, type TrainingData } from '../train/trainer';
import type { BackendInfo, BackendName, ErrorKind, FromWorker, ToWorker } from './protocol';
import { configureWasm } from './wasmSetup';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function postError(kind: ErrorKind, error: unknown): void {
  post({ type: 'error', kind, message: error instanceof Error ? error.message : String(error) });
}

/** Yields to the message loop without setTimeout's 4 ms clamp, so Pause is seen between steps. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

const datasets = new Map<DatasetName, Promise<TrainingData>>();
let dataUrl = '';
let backend: BackendInfo | null = null;
let trainer: Trainer | null = null;
let running = false;
const rate = new StepRateMeter();

let queue: Promise<unknown> = Promise.resolve();
/** Runs trainer operations one at a time, in order. */
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task);
  queue = result.catch(() => undefined);
  return result;
}

function loadData(name: DatasetName): Promise<TrainingData> {
  let pending = datasets.get(name);
  if (!pending) {
    pending = Promise.all([loadDatasetFromUrl(name, 'train', dataUrl), loadDatasetFromUrl(name, 'eval', dataUrl)]).then(
      ([train, evalSet]: [Dataset, Dataset]) => ({ train, eval: evalSet }),
    );
    pending.catch(() => datasets.delete(name));
    datasets.set(name, pending);
  }
  return pending;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

const schedule = new SnapshotSchedule();

async function postSnapshot(current: Trainer): Promise<void> {
  const snapshot = await current.snapshot({ knnQueries: schedule.knnQueriesAt(current.step) });
  post({ type: 'snapshot', snapshot }, [snapshot.embeddings.buffer, snapshot.labels.buffer, snapshot.pairs.buffer]);
}

/** (Re)builds the trainer for a config from step 0 and shows its first snapshot. */
async function rebuild(config: ExperimentConfig): Promise<void> {
  trainer?.dispose();
  trainer = null;
  let data: TrainingData;
  try {
    data = await loadData(config.dataset);
  } catch (error) {
    running = false;
    postError('dataset', error);
    return;
  }
  trainer = new Trainer(config, data);
  rate.reset();
  schedule.reset();
  post({
    type: 'ready',
    backend: backend!,
    classNames: data.train.classNames,
    evalCount: data.eval.count,
    pointImages: config.showTrain ? concatBytes(data.eval.pixels, data.train.pixels) : data.eval.pixels.slice(),
    imageSize: data.eval.rows,
    config,
  });
  await postSnapshot(trainer);
}

/** One step, with its snapshot when due. Returns false when training must stop. */
async function stepOnce(): Promise<boolean> {
  const current = trainer;
  if (!current) return false;
  try {
    await current.trainStep();
    await current.readLosses();
    const loss = current.lastLoss;
    rate.tick();
    const { step, config } = current;
    const done = config.steps > 0 && step >= config.steps;
    if (done) running = false;
    post({ type: 'progress', step, loss, stepsPerSec: rate.perSecond(), running });
    if (schedule.snapshotDue(step, config.evalEvery) || done || !running) await postSnapshot(current);
    if (done) post({ type: 'finished', step });
    return !done;
  } catch (error) {
    running = false;
    if (error instanceof NonFiniteLossError) postError('nan', error);
    else await recoverFromBackendFailure(error, current.config);
    return false;
  }
}

/** A failing backend (e.g. a lost GPU device) falls back to the next one and restarts the run. */
async function recoverFromBackendFailure(error: unknown, config: ExperimentConfig): Promise<void> {
  const failed = backend?.name ?? 'unknown';
  const reason = error instanceof Error ? error.message : String(error);
  try {
    backend = await selectBackend(failed === 'wasm' ? 'cpu' : 'wasm', { kind: 'none' });
    postError('backend', new Error(`The ${failed} backend failed (${reason}). Switched to ${backend.name}; the run restarted from step 0.`));
    await rebuild(config);
  } catch (fallbackError) {
    postError('backend', fallbackError);
  }
}

/**
 * A lost GPU device (driver reset, another tab's crash, sleep) may not make any op throw: listen for it
 * and fall back as for a failing step.
 */
function watchForLostDevice(): void {
  if (backend?.name !== 'webgpu') return;
  const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string }> } }).device;
  void device?.lost?.then((info) =>
    exclusive(async () => {
      if (backend?.name !== 'webgpu' || !trainer) return;
      running = false;
      await recoverFromBackendFailure(new Error(`the GPU device was lost: ${info.message || 'no reason given'}`), trainer.config);
    }),
  );
}

async function runLoop(): Promise<void> {
  while (running) {
    const keepGoing = await exclusive(stepOnce);
    if (!keepGoing) break;
    await yieldToMessages();
  }
  running = false;
  if (trainer) post({ type: 'progress', step: trainer.step, loss: NaN, stepsPerSec: 0, running: false });
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init': {
      dataUrl = message.dataUrl;
      configureWasm();
      await exclusive(async () => {
        try {
          backend = await selectBackend(message.forcedBackend as BackendName | null, await probeWebGpu());
        } catch (error) {
          postError('backend', error);
          return;
        }
        watchForLostDevice();
        await rebuild(message.config);
      });
      return;
    }
    case 'start':
      if (!running && trainer) {
        running = true;
        rate.reset();
        void runLoop();
      }
      return;
    case 'pause':
      running = false;
      return;
    case 'step':
      running = false;
      // stepOnce snapshots every step taken while not running, so a single step is always shown.
      await exclusive(stepOnce);
      return;
    case 'reset':
      running = false;
      await exclusive(() => rebuild(message.config));
      return;
    case 'preview':
      await exclusive(async () => {
        if (!trainer) return;
        const images = await trainer.previewAugmentations(message.count);
        post({ type: 'preview', count: message.count, imageSize: trainer.imageSize, images }, [images.buffer]);
      });
      return;
    case 'config':
      await exclusive(async () => {
        if (trainer?.updateConfig(message.config)) return;
        running = false;
        await rebuild(message.config);
      });
      return;
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error) => postError('internal', error));
};
