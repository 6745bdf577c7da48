/**
 * The training worker's state machine, as a plain class: it takes commands, runs the Trainer and reports what
 * happened, through functions it is given. The worker file only wires it to postMessage, so that pause, step,
 * reset, settings changes, divergence, backend fallback and rapid Start/Pause are tested in Node.
 *
 * Rules it keeps:
 * - One run loop at a time; every step (and every other use of the trainer) goes through one queue, so a reset
 *   never disposes a model mid-step.
 * - A paused run never takes another step: a step waiting in the queue looks again before it starts.
 * - Every command that changes the run goes through the queue, in the order received, and is confirmed in a
 *   `state` message carrying its own number once its effect has happened (a Start behind a queued Reset runs
 *   the new model; a Pause once the step in flight is done). Pause, Step and Reset also stop the loop at once,
 *   and a Start that a later one of them overtook is moot. Progress messages carry no state, so a late one
 *   cannot flip the UI's Start/Pause.
 */
import { type BuiltInDatasetName, type DatasetName, type ExperimentConfig, OWN_DATASET, restartingKeys } from '../core/config';
import { DEFAULT_LOCALE, setLocale } from '../i18n/locale';
import { messages } from '../i18n/messages';
import type { BatchSpec } from '../data/batchPlan';
import type { BatchSource } from '../data/batchSource';
import { DatasetError, type TrainingData } from '../data/datasetFormat';
import { methodCatalog } from '../methods/catalog';
import type { BackendInfo, BackendName, BackendRequest } from '../train/backendNames';
import { type Checkpoint, checkpointBuffers } from '../train/checkpoint';
import { type EvaluationWorkerPort, type MeasuredSnapshot, RemoteEvaluation, snapshotTransfers } from '../train/evaluationSource';
import { readMemory } from '../train/memory';
import { SnapshotSchedule } from '../train/snapshotSchedule';
import { beginPhase, type PhaseListener, timePhase } from '../train/startupPhases';
import { StepRateMeter } from '../train/stepRate';
import { NonFiniteLossError, Trainer } from '../train/trainer';
import type { ErrorKind, FromWorker, Snapshot, ToWorker } from './protocol';

/** What the host needs from its surroundings (the worker's, or a test's). */
export interface HostEnvironment {
  post(message: FromWorker, transfer?: Transferable[]): void;
  /** Fetches and decodes a shipped dataset, telling `onPhase` about each. */
  loadData(name: BuiltInDatasetName, dataUrl: string, onPhase: PhaseListener): Promise<TrainingData>;
  /** Picks and starts a backend for `config` (the forced one when given, falling back if it fails). */
  startBackend(request: BackendRequest, config: ExperimentConfig, onPhase: PhaseListener): Promise<BackendInfo>;
  /** Starts the next backend after `failed` stopped working. */
  fallbackBackend(failed: BackendName): Promise<BackendInfo>;
  /** Calls `lost` if the backend's device goes away without any op throwing (WebGPU). */
  watchDevice?(backend: BackendInfo, lost: (reason: string) => void): void;
  /** Where training batches come from (default: made in this thread). */
  batches?: (spec: BatchSpec) => BatchSource;
  /**
   * Starts a worker that measures snapshots beside the training thread on wasm (evaluationSource.ts); asked once, at
   * init. Without it, or off wasm (a GPU measures its snapshots faster than a copy of the weights travels), snapshots
   * are measured in this thread.
   */
  evaluations?: () => EvaluationWorkerPort;
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
  /** The last command whose effect has happened: what a state report the worker sends on its own confirms. */
  private appliedSeq = 0;
  /** The newest Pause, Step or Reset received: a Start queued before it is moot when its turn comes. */
  private latestStop = 0;
  /** The newest Start or Step received: settings queued before it are never skipped, as it acts on their model. */
  private latestTrain = 0;
  /** A skipped settings change would have rebuilt the model: the next one applied rebuilds it, whatever it changes. */
  private rebuildOwed = false;
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
  /** The evaluation worker, once started (at init, so that it loads while the backend starts). */
  private evaluationPort: EvaluationWorkerPort | null = null;
  /** The run's snapshots in the evaluation worker; null when this thread measures them. */
  private remote: RemoteEvaluation | null = null;
  /** Ends the start-up's 'evaluation' phase: set while a run's first snapshot is awaited. */
  private evaluationPhaseEnd: (() => void) | null = null;
  /** The evaluation worker's wasm heap, as its latest snapshot said. */
  private evaluationHeapBytes: number | null = null;

  /** Start-up phases go to the page as they begin and end. */
  private readonly phases: PhaseListener = (phase, ms) => this.env.post({ type: 'phase', phase, ms });

  constructor(private readonly env: HostEnvironment) {}

  /** Handles one command; resolves once it is done (start resolves once the run is under way). */
  async handle(message: ToWorker): Promise<void> {
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
        // The dataset downloads, and the evaluation worker loads, while the backend starts (and is measured).
        this.loadData(message.config.dataset).catch(() => undefined);
        this.evaluationPort ??= this.env.evaluations?.() ?? null;
        await this.exclusive(async () => {
          try {
            this.backend = await timePhase(this.phases, 'backend', () => this.env.startBackend(message.backend, message.config, this.phases));
          } catch (error) {
            this.postError('backend', error);
            return;
          }
          this.env.watchDevice?.(this.backend, (reason) => void this.onDeviceLost(reason));
          if (this.backend.name !== 'wasm') this.endEvaluationWorker();
          await this.rebuild(message.config, message.resume, message.seq);
        });
        return;
      case 'start':
        this.latestTrain = message.seq;
        await this.exclusive(async () => {
          if (message.seq < this.latestStop) return;
          // Without a model (its data failed to load), or with one that trains nothing (random init, shown as built),
          // there is nothing to train: confirmed as not running.
          this.running = this.trainer !== null && !methodCatalog[this.trainer.config.method].untrained;
          this.confirm(message.seq);
          if (this.running) this.ensureLoop();
        });
        return;
      case 'pause':
        this.stop(message.seq);
        // Behind the step in flight and whatever was queued before: no step follows the confirmation.
        await this.exclusive(async () => {
          // Paused between steps: show the step the run stopped at.
          const trainer = this.trainer;
          if (trainer && !trainer.diverged && this.snapshotStep !== trainer.step) await this.postSnapshot(trainer);
          await this.remote?.settled();
          this.confirm(message.seq);
        });
        return;
      case 'step':
        this.stop(message.seq);
        this.latestTrain = message.seq;
        await this.exclusive(async () => {
          // A later Reset discards the step's model anyway.
          if (message.seq < this.latestReset) return;
          await this.stepOnce('single');
          this.confirm(message.seq);
        });
        return;
      case 'reset':
        this.stop(message.seq);
        this.latestReset = this.latestSettings = message.seq;
        await this.exclusive(async () => {
          // A later Reset rebuilds anyway: a student pressing Reset ten times waits for one model, not ten.
          if (message.seq < this.latestReset) return;
          await this.rebuild(message.config, null, message.seq);
        });
        return;
      case 'config':
        this.latestSettings = message.seq;
        await this.exclusive(async () => {
          // Every config and reset carries the whole config: a later one brings the trainer there by itself,
          // unless a Start or Step sent in between acts on this one's model.
          if (message.seq < this.latestSettings && message.seq > this.latestTrain) {
            if (this.trainer && restartingKeys(this.trainer.config, message.config).length > 0) this.rebuildOwed = true;
            return;
          }
          if (!this.rebuildOwed && this.trainer?.updateConfig(message.config)) {
            this.confirm(message.seq);
            return;
          }
          this.running = false;
          await this.rebuild(message.config, null, message.seq);
        });
        return;
      case 'preview':
        await this.exclusive(async () => {
          if (!this.trainer) return;
          const images = this.trainer.previewAugmentations(message.count, ++this.previewsDrawn);
          const { imageSize, imageChannels } = this.trainer;
          this.env.post({ type: 'preview', count: message.count, imageSize, imageChannels, images }, [images.buffer]);
        });
        return;
    }
  }

  /** Says the worker is alive, with what the engine holds; the worker calls it every second. */
  heartbeat(): void {
    // Before a backend has started, asking tfjs for its memory would start one.
    this.env.post({ type: 'heartbeat', memory: this.backend ? { ...readMemory(), evaluationHeapBytes: this.evaluationHeapBytes } : null });
  }

  /** Frees the model (the worker is going away). */
  dispose(): void {
    this.running = false;
    this.trainer?.dispose();
    this.trainer = null;
    this.endEvaluationWorker();
  }

  /** Runs trainer operations one at a time, in order. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Stops the loop before its next step (Pause, Step and Reset take effect in the queue, this at once). */
  private stop(seq: number): void {
    this.running = false;
    this.latestStop = seq;
  }

  /** Reports where the run stands now that command `seq`'s effect has happened (none: the worker stopped by itself). */
  private confirm(seq = this.appliedSeq): void {
    this.appliedSeq = Math.max(this.appliedSeq, seq);
    this.env.post({ type: 'state', running: this.running, step: this.trainer?.step ?? 0, seq: this.appliedSeq });
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
      this.loop = null;
    })();
  }

  private loadData(name: DatasetName): Promise<TrainingData> {
    const known = this.datasets.get(name);
    if (known) return known;
    if (name === OWN_DATASET) {
      // The page sends the images before any command that needs them; this is the safety net if it did not.
      return Promise.reject(new DatasetError(messages().ownImages.notLoaded));
    }
    const pending = this.env.loadData(name, this.dataUrl, this.phases);
    pending.catch(() => this.datasets.delete(name));
    this.datasets.set(name, pending);
    return pending;
  }

  /**
   * (Re)builds the trainer for a config — from step 0, or from a checkpoint — and shows its first snapshot; `seq`
   * is the command that asked for it (null: the worker's own, after a backend failed).
   */
  private async rebuild(config: ExperimentConfig, resume: Checkpoint | null, seq: number | null): Promise<void> {
    this.trainer?.dispose();
    this.trainer = null;
    // Snapshots of the old run still being measured are never shown; a worker that stopped is not asked again.
    if (this.remote?.workerFailed) this.endEvaluationWorker();
    this.remote?.dispose();
    this.remote = null;
    this.rebuildOwed = false;
    let data: TrainingData;
    try {
      data = await this.loadData(config.dataset);
    } catch (error) {
      this.running = false;
      this.postError('dataset', error);
      return;
    }
    // The evaluation worker (on wasm) gets the run first: it prepares the first snapshot while the Trainer builds and
    // calibrates. A run that fell back to the cpu backend measures its own snapshots: same backend, same figures.
    const remote =
      this.evaluationPort && this.backend?.name === 'wasm'
        ? new RemoteEvaluation(this.evaluationPort, config, data, (early) => this.remote === remote && this.postSnapshotMessage(early))
        : null;
    let trainer: Trainer;
    try {
      trainer = new Trainer(config, data, { batches: this.env.batches, onPhase: this.phases });
    } catch (error) {
      remote?.dispose();
      // Data the method cannot train on (Supervised on unlabelled images) is said like data that failed to load.
      if (!(error instanceof DatasetError)) throw error;
      this.running = false;
      this.postError('dataset', error);
      return;
    }
    if (resume) {
      try {
        trainer.restore(resume);
      } catch (error) {
        this.env.post({ type: 'notice', message: messages().worker.resumeFailed({ detail: messageOf(error) }) });
      }
    }
    this.trainer = trainer;
    this.remote = remote;
    this.rate.reset();
    this.schedule.reset();
    this.env.post({
      type: 'ready',
      backend: this.backend!,
      classNames: data.train.classNames,
      evalCount: data.eval.count,
      pointImages: config.showTrain ? concatBytes(trainer.data.eval.pixels, trainer.data.train.pixels) : trainer.data.eval.pixels.slice(),
      imageSize: trainer.imageSize,
      imageChannels: trainer.imageChannels,
      config,
      step: trainer.step,
    });
    this.confirm(seq ?? this.appliedSeq);
    // The start-up's last phase ends when the first snapshot shows (its points and figures; kNN may follow). Measured
    // in the evaluation worker, it does not hold back a Start: training begins meanwhile.
    this.evaluationPhaseEnd = beginPhase(this.phases, 'evaluation');
    await this.requestSnapshot(trainer);
  }

  private get readsEveryStep(): boolean {
    return this.backend?.name === 'wasm' || this.backend?.name === 'cpu';
  }

  /** One step, with its snapshot when due. Returns false when training must stop. */
  private async stepOnce(reason: 'loop' | 'single'): Promise<boolean> {
    const trainer = this.trainer;
    if (!trainer || (reason === 'loop' && !this.running)) return false;
    // Random init takes no step: its one snapshot, at step 0, is the run.
    if (methodCatalog[trainer.config.method].untrained) return false;
    try {
      await trainer.trainStep();
      this.rate.tick();
      const { step, config } = trainer;
      const done = config.steps > 0 && step >= config.steps;
      if (done) this.running = false;
      const snapshotDue = this.schedule.snapshotDue(step, config.evalEvery) || done || !this.running;
      if (this.readsEveryStep || snapshotDue || step % LOSS_READ_EVERY === 0) await trainer.readLosses();
      this.env.post({ type: 'progress', step, loss: trainer.lastLoss, stepsPerSec: this.rate.perSecond() });
      // While the loop runs on, a snapshot measured in the evaluation worker is shown whenever it comes back.
      if (snapshotDue) await (this.running ? this.requestSnapshot(trainer) : this.postSnapshot(trainer));
      if (step % CHECKPOINT_EVERY === 0) await this.postCheckpoint(trainer);
      if (done) {
        this.env.post({ type: 'finished', step });
        this.confirm();
      }
      return !done;
    } catch (error) {
      this.running = false;
      if (error instanceof NonFiniteLossError) {
        this.postError('nan', error);
        this.confirm();
      } else await this.recoverFromBackendFailure(error, trainer.config);
      return false;
    }
  }

  /** Takes the trainer's snapshot now and shows it, and every snapshot asked for before it. */
  private async postSnapshot(trainer: Trainer): Promise<void> {
    await (await this.requestSnapshot(trainer)).shown;
  }

  /**
   * Asks for the trainer's snapshot now; resolves once it is asked for (the weights read back), with `shown`, which
   * resolves once it is shown. In this thread (no evaluation worker) both happen before it resolves.
   */
  private async requestSnapshot(trainer: Trainer): Promise<{ shown: Promise<void> }> {
    // With a single class (a folder of unlabelled images) every neighbour agrees: there is no accuracy to measure.
    const knnQueries = this.knnOff || trainer.classCount < 2 ? 0 : this.schedule.knnQueriesAt(trainer.step);
    const options = { knnQueries, linearProbe: !this.backend?.software };
    const remote = this.remote;
    if (!remote) {
      // The points and figures show before kNN and the linear probe are measured (a second of wasm at step 0).
      const snapshot = await trainer.snapshot(options, (early) => this.postSnapshotMessage(early));
      this.snapshotStep = snapshot.step;
      this.show(trainer, { snapshot, heapBytes: null });
      return { shown: Promise.resolve() };
    }
    const state = await trainer.evaluationState();
    this.snapshotStep = state.step;
    const { measured } = await remote.request(state, options);
    // A snapshot of a run reset meanwhile is dropped; one that failed to be measured is said.
    const shown = measured.then(
      (result) => void (this.remote === remote && this.show(trainer, result)),
      (error) => void (this.remote === remote && this.postError('internal', error)),
    );
    return { shown };
  }

  private show(trainer: Trainer, { snapshot, heapBytes }: MeasuredSnapshot): void {
    if (heapBytes !== null) this.evaluationHeapBytes = heapBytes;
    this.postSnapshotMessage(snapshot);
    this.checkMemory(trainer, heapBytes);
  }

  /** Sends a snapshot to the page; an early one (no kNN yet) goes only through here: its kNN is still being measured. */
  private postSnapshotMessage(snapshot: Snapshot): void {
    this.env.post({ type: 'snapshot', snapshot }, snapshotTransfers(snapshot));
    this.evaluationPhaseEnd?.();
    this.evaluationPhaseEnd = null;
  }

  private endEvaluationWorker(): void {
    this.remote?.dispose();
    this.remote = null;
    this.evaluationPort?.terminate();
    this.evaluationPort = null;
    this.evaluationHeapBytes = null;
  }

  private async postCheckpoint(trainer: Trainer): Promise<void> {
    const checkpoint = await trainer.checkpoint();
    this.env.post({ type: 'checkpoint', checkpoint }, checkpointBuffers(checkpoint));
  }

  /**
   * The wasm heap only grows, and the backend aborts at 4 GB: this thread's, or the evaluation worker's
   * (`evaluationHeapBytes`, null when this thread measures). Past the budget the host gives up what it can
   * spare — the kNN bank of training images, kNN itself — and says so, rather than letting the backend abort.
   */
  private checkMemory(trainer: Trainer, evaluationHeapBytes: number | null): void {
    const own = readMemory().wasmHeapBytes;
    const heap = own === null && evaluationHeapBytes === null ? null : Math.max(own ?? 0, evaluationHeapBytes ?? 0);
    if (heap === null || this.knnOff || heap < (this.env.memoryBudget ?? DEFAULT_MEMORY_BUDGET)) return;
    this.knnOff = true;
    trainer.releaseKnnBank();
    this.remote?.releaseKnnBank();
    this.env.post({ type: 'notice', message: messages().worker.memoryShort({ megabytes: Math.round(heap / 1024 ** 2) }) });
  }

  /** A failing backend (e.g. a lost GPU device) falls back to the next one and restarts the run. */
  private async recoverFromBackendFailure(error: unknown, config: ExperimentConfig): Promise<void> {
    const failed = this.backend?.name ?? 'wasm';
    try {
      this.backend = await this.env.fallbackBackend(failed);
      this.postError('backend', new Error(messages().worker.backendFailed({ failed, now: this.backend.name, detail: messageOf(error) })));
      await this.rebuild(config, null, null);
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
