/**
 * The training worker's state machine, as a plain class: it takes commands, runs the Trainer and reports what
 * happened, through functions it is given. The worker file only wires it to postMessage, so that pause, step,
 * reset, settings changes, divergence, backend fallback and rapid Start/Pause are tested in Node.
 *
 * Rules it keeps:
 * - One run loop at a time; every step (and every other use of the trainer) goes through one queue, so a reset
 *   never disposes a model mid-step.
 * - A paused run never takes another step: a step waiting in the queue looks again before it starts.
 * - The running state is confirmed in `state` messages naming the last command handled; progress messages
 *   carry no state, so a late one cannot flip the UI's Start/Pause.
 */
import { type BuiltInDatasetName, type DatasetName, type ExperimentConfig, OWN_DATASET } from '../core/config';
import { DEFAULT_LOCALE, setLocale } from '../i18n/locale';
import { messages } from '../i18n/messages';
import type { BatchSpec } from '../data/batchPlan';
import type { BatchSource } from '../data/batchSource';
import { DatasetError } from '../data/datasetFormat';
import type { BackendInfo, BackendName, BackendRequest } from '../train/backendNames';
import { type Checkpoint, checkpointBuffers } from '../train/checkpoint';
import { readMemory } from '../train/memory';
import { SnapshotSchedule } from '../train/snapshotSchedule';
import { StepRateMeter } from '../train/stepRate';
import { NonFiniteLossError, Trainer, type TrainingData } from '../train/trainer';
import { type ErrorKind, type FromWorker, isConfirmed, type ToWorker } from './protocol';

/** What the host needs from its surroundings (the worker's, or a test's). */
export interface HostEnvironment {
  post(message: FromWorker, transfer?: Transferable[]): void;
  loadData(name: BuiltInDatasetName, dataUrl: string): Promise<TrainingData>;
  /** Picks and starts a backend for `config` (the forced one when given, falling back if it fails). */
  startBackend(request: BackendRequest, config: ExperimentConfig): Promise<BackendInfo>;
  /** Starts the next backend after `failed` stopped working. */
  fallbackBackend(failed: BackendName): Promise<BackendInfo>;
  /** Calls `lost` if the backend's device goes away without any op throwing (WebGPU). */
  watchDevice?(backend: BackendInfo, lost: (reason: string) => void): void;
  /** Where training batches come from (default: made in this thread). */
  batches?: (spec: BatchSpec) => BatchSource;
  /** Lets queued messages in between steps (so that Pause is seen). */
  yieldToMessages(): Promise<void>;
  /** The wasm heap budget in bytes (default 1.5 GB): past it the host thins what it keeps. */
  memoryBudget?: number;
}

/** GPU backends read the loss back every this many steps (and before every snapshot): each read stalls the queue. */
export const LOSS_READ_EVERY = 10;
/** A checkpoint (what a restarted worker resumes from) every this many steps. */
export const CHECKPOINT_EVERY = 50;
const DEFAULT_MEMORY_BUDGET = 1.5 * 1024 ** 3;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class TrainingHost {
  private readonly datasets = new Map<DatasetName, Promise<TrainingData>>();
  private dataUrl = '';
  private backend: BackendInfo | null = null;
  private trainer: Trainer | null = null;
  /** Whether the user wants training to run; the loop stops at its next step once this is false. */
  private running = false;
  private loop: Promise<void> | null = null;
  /** The last command handled, named in state reports. */
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly rate = new StepRateMeter();
  private readonly schedule = new SnapshotSchedule();
  /** Previews sent over the worker's life: each one draws new examples. */
  private previewsDrawn = 0;
  /** The newest Reset, and the newest Reset or settings change, received (queued ones older than these are moot). */
  private latestReset = 0;
  private latestSettings = 0;
  /** The step of the latest snapshot sent. */
  private snapshotStep = -1;
  /** Set once memory ran short: kNN (and its 25 MB bank) stays off for the rest of the worker's life. */
  private knnOff = false;

  constructor(private readonly env: HostEnvironment) {}

  /** Handles one command; resolves once it is done (start resolves once the run is under way). */
  async handle(message: ToWorker): Promise<void> {
    if (isConfirmed(message.type)) this.seq = message.seq;
    switch (message.type) {
      case 'locale':
        setLocale(message.locale);
        return;
      case 'ownImages':
        if (message.data) this.datasets.set(OWN_DATASET, Promise.resolve(message.data));
        else this.datasets.delete(OWN_DATASET);
        return;
      case 'init':
        // The worker speaks the page's language (its own words: the backend's reason, notices, errors).
        setLocale(message.locale ?? DEFAULT_LOCALE);
        this.dataUrl = message.dataUrl;
        // The dataset downloads while the backend starts (and is measured).
        this.loadData(message.config.dataset).catch(() => undefined);
        await this.exclusive(async () => {
          try {
            this.backend = await this.env.startBackend(message.backend, message.config);
          } catch (error) {
            this.postError('backend', error);
            return;
          }
          this.env.watchDevice?.(this.backend, (reason) => void this.onDeviceLost(reason));
          await this.rebuild(message.config, message.resume);
        });
        return;
      case 'start':
        if (!this.trainer) {
          this.confirm();
          return;
        }
        this.running = true;
        this.confirm();
        this.ensureLoop();
        return;
      case 'pause':
        this.running = false;
        // With a loop under way, the pause is confirmed once its step in flight has finished. Without one, once
        // the Resets and rebuilds queued before it are done: a state report names the latest command received,
        // so confirming earlier would also confirm a Reset still waiting, and its step 0 would arrive later.
        if (!this.loop) {
          await this.queue;
          if (!this.loop) this.confirm();
        }
        return;
      case 'step':
        this.running = false;
        await this.exclusive(() => this.stepOnce('single'));
        if (!this.loop) this.confirm();
        return;
      case 'reset':
        this.running = false;
        this.latestReset = this.latestSettings = message.seq;
        await this.exclusive(async () => {
          // A later Reset rebuilds anyway: a student pressing Reset ten times waits for one model, not ten.
          if (message.seq < this.latestReset) return;
          await this.rebuild(message.config, null);
        });
        return;
      case 'config':
        this.latestSettings = message.seq;
        await this.exclusive(async () => {
          // Every config and reset carries the whole config: a later one brings the trainer there by itself.
          if (message.seq < this.latestSettings) return;
          if (this.trainer?.updateConfig(message.config)) {
            this.confirm();
            return;
          }
          this.running = false;
          await this.rebuild(message.config, null);
        });
        return;
      case 'preview':
        await this.exclusive(async () => {
          if (!this.trainer) return;
          const images = this.trainer.previewAugmentations(message.count, ++this.previewsDrawn);
          this.env.post({ type: 'preview', count: message.count, imageSize: this.trainer.imageSize, images }, [images.buffer]);
        });
        return;
    }
  }

  /** Says the worker is alive, with what the engine holds; the worker calls it every second. */
  heartbeat(): void {
    // Before a backend has started, asking tfjs for its memory would start one.
    this.env.post({ type: 'heartbeat', memory: this.backend ? readMemory() : null });
  }

  /** Frees the model (the worker is going away). */
  dispose(): void {
    this.running = false;
    this.trainer?.dispose();
    this.trainer = null;
  }

  /** Runs trainer operations one at a time, in order. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private confirm(): void {
    this.env.post({ type: 'state', running: this.running, step: this.trainer?.step ?? 0, seq: this.seq });
  }

  private postError(kind: ErrorKind, error: unknown): void {
    this.env.post({ type: 'error', kind, message: messageOf(error) });
  }

  private ensureLoop(): void {
    if (this.loop) return;
    this.rate.reset();
    this.loop = (async () => {
      while (this.running) {
        const keepGoing = await this.exclusive(() => this.stepOnce('loop'));
        if (!keepGoing) break;
        await this.env.yieldToMessages();
      }
      // Paused between steps: show the step the run stopped at.
      await this.exclusive(async () => {
        const trainer = this.trainer;
        if (trainer && !trainer.diverged && this.snapshotStep !== trainer.step) await this.postSnapshot(trainer);
      });
      this.loop = null;
      this.confirm();
    })();
  }

  private loadData(name: DatasetName): Promise<TrainingData> {
    const known = this.datasets.get(name);
    if (known) return known;
    if (name === OWN_DATASET) {
      // The page sends the images before any command that needs them; this is the safety net if it did not.
      return Promise.reject(new DatasetError(messages().ownImages.notLoaded));
    }
    const pending = this.env.loadData(name, this.dataUrl);
    pending.catch(() => this.datasets.delete(name));
    this.datasets.set(name, pending);
    return pending;
  }

  /** (Re)builds the trainer for a config — from step 0, or from a checkpoint — and shows its first snapshot. */
  private async rebuild(config: ExperimentConfig, resume: Checkpoint | null): Promise<void> {
    this.trainer?.dispose();
    this.trainer = null;
    let data: TrainingData;
    try {
      data = await this.loadData(config.dataset);
    } catch (error) {
      this.running = false;
      this.postError('dataset', error);
      return;
    }
    const trainer = new Trainer(config, data, { batches: this.env.batches });
    if (resume) {
      try {
        trainer.restore(resume);
      } catch (error) {
        this.env.post({ type: 'notice', message: messages().worker.resumeFailed({ detail: messageOf(error) }) });
      }
    }
    this.trainer = trainer;
    this.rate.reset();
    this.schedule.reset();
    this.env.post({
      type: 'ready',
      backend: this.backend!,
      classNames: data.train.classNames,
      evalCount: data.eval.count,
      pointImages: config.showTrain ? concatBytes(data.eval.pixels, data.train.pixels) : data.eval.pixels.slice(),
      imageSize: data.eval.rows,
      config,
      step: trainer.step,
    });
    this.confirm();
    await this.postSnapshot(trainer);
  }

  private get readsEveryStep(): boolean {
    return this.backend?.name === 'wasm' || this.backend?.name === 'cpu';
  }

  /** One step, with its snapshot when due. Returns false when training must stop. */
  private async stepOnce(reason: 'loop' | 'single'): Promise<boolean> {
    const trainer = this.trainer;
    if (!trainer || (reason === 'loop' && !this.running)) return false;
    try {
      await trainer.trainStep();
      this.rate.tick();
      const { step, config } = trainer;
      const done = config.steps > 0 && step >= config.steps;
      if (done) this.running = false;
      const snapshotDue = this.schedule.snapshotDue(step, config.evalEvery) || done || !this.running;
      if (this.readsEveryStep || snapshotDue || step % LOSS_READ_EVERY === 0) await trainer.readLosses();
      this.env.post({ type: 'progress', step, loss: trainer.lastLoss, stepsPerSec: this.rate.perSecond() });
      if (snapshotDue) await this.postSnapshot(trainer);
      if (step % CHECKPOINT_EVERY === 0) await this.postCheckpoint(trainer);
      if (done) this.env.post({ type: 'finished', step });
      return !done;
    } catch (error) {
      this.running = false;
      if (error instanceof NonFiniteLossError) this.postError('nan', error);
      else await this.recoverFromBackendFailure(error, trainer.config);
      return false;
    }
  }

  private async postSnapshot(trainer: Trainer): Promise<void> {
    // With a single class (a folder of unlabelled images) every neighbour agrees: there is no accuracy to measure.
    const knnQueries = this.knnOff || trainer.classCount < 2 ? 0 : this.schedule.knnQueriesAt(trainer.step);
    const snapshot = await trainer.snapshot({ knnQueries });
    this.snapshotStep = snapshot.step;
    this.env.post({ type: 'snapshot', snapshot }, [snapshot.embeddings.buffer, snapshot.labels.buffer, snapshot.pairs.buffer]);
    this.checkMemory(trainer);
  }

  private async postCheckpoint(trainer: Trainer): Promise<void> {
    const checkpoint = await trainer.checkpoint();
    this.env.post({ type: 'checkpoint', checkpoint }, checkpointBuffers(checkpoint));
  }

  /**
   * The wasm heap only grows, and the backend aborts at 4 GB. Past the budget the host gives up what it can
   * spare — the kNN bank of training images, kNN itself — and says so, rather than letting the backend abort.
   */
  private checkMemory(trainer: Trainer): void {
    const heap = readMemory().wasmHeapBytes;
    if (heap === null || this.knnOff || heap < (this.env.memoryBudget ?? DEFAULT_MEMORY_BUDGET)) return;
    this.knnOff = true;
    trainer.releaseKnnBank();
    this.env.post({ type: 'notice', message: messages().worker.memoryShort({ megabytes: Math.round(heap / 1024 ** 2) }) });
  }

  /** A failing backend (e.g. a lost GPU device) falls back to the next one and restarts the run. */
  private async recoverFromBackendFailure(error: unknown, config: ExperimentConfig): Promise<void> {
    const failed = this.backend?.name ?? 'wasm';
    try {
      this.backend = await this.env.fallbackBackend(failed);
      this.postError('backend', new Error(messages().worker.backendFailed({ failed, now: this.backend.name, detail: messageOf(error) })));
      await this.rebuild(config, null);
    } catch (fallbackError) {
      this.postError('backend', fallbackError);
    }
  }

  private onDeviceLost(reason: string): Promise<void> {
    return this.exclusive(async () => {
      if (!this.trainer) return;
      this.running = false;
      await this.recoverFromBackendFailure(new Error(`the GPU device was lost: ${reason}`), this.trainer.config);
    });
  }
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
