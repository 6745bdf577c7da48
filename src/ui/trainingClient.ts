/**
 * The UI side of the training worker: owns the Worker, turns button presses into ToWorker messages and
 * FromWorker messages into store updates. Per-step figures are throttled before they reach the store;
 * snapshot arrays go to the live snapshot, never through React state.
 */
import { configKeys, defaultConfig, type ExperimentConfig, OWN_DATASET, restartingKeys, validateConfig } from '../core/config';
import { currentLocale, subscribeLocale } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderNotice } from '../i18n/notices';
import type { BackendRequest } from '../train/backendNames';
import type { Checkpoint } from '../train/checkpoint';
import { type Command, type FromWorker, isConfirmed, type ToWorker } from '../worker/protocol';
import type { RunReport } from '../train/runReport';
import { watchLifeLock } from '../worker/lifeLock';
import { RunRecorder } from './history/runRecorder';
import { clearSnapshot, type LiveSnapshot, publishImages } from './liveSnapshot';
import { FALLBACK_DATASET, type OwnImages, type OwnImagesStore, runnableConfig } from './ownImages/ownImagesStore';
import { createPatchThrottle, type PatchThrottle } from './patchThrottle';
import { addNotices, freshRunFigures, type LabStatus, type LabStore, type RunFigures } from './store';

/** The part of a Worker the client uses (a fake can stand in for it in tests). */
export interface TrainingWorkerPort {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  /** Calls `ended` once the worker is gone, however busy it was (asked once the worker said it is alive). */
  watchEnd?(ended: () => void): void;
}

export interface TrainingClientOptions {
  backend: BackendRequest;
  /** Start training once the worker is first ready. */
  autoplay: boolean;
  live: LiveSnapshot;
  createWorker?: () => TrainingWorkerPort;
  /** Folder holding the dataset folders; defaults to `${BASE_URL}data`. */
  dataUrl?: string;
  /** The page's own images (the dataset 'own'), followed: new ones switch the run to them. */
  ownImages?: OwnImagesStore;
}

/** A few store updates a second are plenty for figures that change every step. */
const FIGURE_INTERVAL_MS = 250;
/**
 * How long the worker may be silent before the page says it hangs. A worker that ended is seen at once by its
 * life lock (lifeLock.ts), so silence only has to catch a thread stuck for good, and must never catch a slow one.
 * The worker beats every second between its blocking stretches and speaks at each start-up phase's start and end;
 * its longest silence is one phase that holds its thread (the first evaluation, building or calibrating the
 * model, loading the engine): `npm run bench:startup -- --pages 20 --busy 2` measured at most 1.05 s (median
 * 0.77 s) on a 2-core machine with two busy processes beside the browser. A phone or an old laptop can be ten
 * times slower: 15 s leaves that room. Without Web Locks, this is also how a dead worker is seen.
 */
export const SILENCE_LIMIT_MS = 15_000;
const WATCHDOG_INTERVAL_MS = 500;

let workersCreated = 0;

function createTrainingWorker(): TrainingWorkerPort {
  // Its name is its life lock's (lifeLock.ts), unique to this page's worker: the page's other runs have their own.
  const name = `hypersphere-training-${Date.now().toString(36)}-${++workersCreated}-${Math.random().toString(36).slice(2)}`;
  const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module', name });
  return Object.assign(worker, { watchEnd: (ended: () => void) => watchLifeLock(name, ended) });
}

export class TrainingClient {
  private worker: TrainingWorkerPort | null = null;
  private autoplayPending: boolean;
  /** Numbers for commands; `awaitedSeq` is the last one that changes the run state, until the worker confirms it. */
  private seq = 0;
  private awaitedSeq = 0;
  /** When the current worker last sent anything, and the status to go back to if it turns out only slow. */
  private lastHeard = Date.now();
  private statusBeforeSilence: LabStatus | null = null;
  /** When the watchdog last looked (a late look means the page itself was busy, not the worker silent). */
  private lastWatch = Date.now();
  /** A run report opened while the worker was still starting: shown once it is ready. */
  private pendingReplay: RunReport | null = null;
  /** A fresh run (Reset, new own images) was asked for while the worker was still starting. */
  private resetAfterStartup = false;
  private readonly watchdog: ReturnType<typeof setInterval>;
  /** The run's latest checkpoint: what Restart resumes from after the worker died. */
  private checkpoint: Checkpoint | null = null;
  private readonly figures: PatchThrottle<RunFigures>;
  private readonly createWorker: () => TrainingWorkerPort;
  private readonly dataUrl: string;
  /** Where snapshots go: the run's history, its collapse state and the timeline, for the instrument panels. */
  readonly recorder: RunRecorder;
  private readonly stopFollowingImages: () => void;
  private readonly stopFollowingLocale: () => void;

  constructor(
    private readonly store: LabStore,
    private readonly options: TrainingClientOptions,
  ) {
    this.figures = createPatchThrottle<RunFigures>((patch) => store.setState(patch), FIGURE_INTERVAL_MS);
    this.autoplayPending = options.autoplay;
    this.createWorker = options.createWorker ?? createTrainingWorker;
    this.dataUrl = options.dataUrl ?? `${import.meta.env.BASE_URL}data`;
    this.recorder = new RunRecorder(options.live);
    this.watchdog = setInterval(() => this.checkHeartbeat(), WATCHDOG_INTERVAL_MS);
    this.stopFollowingImages =
      options.ownImages?.subscribe((state, previous) => {
        if (state.images !== previous.images) this.ownImagesChanged(state.images);
      }) ?? (() => {});
    // The worker speaks the page's language: a new one applies to what it says next.
    this.stopFollowingLocale = subscribeLocale(() => this.post({ type: 'locale', locale: currentLocale() }));
    this.connect(null);
  }

  /** Asks the worker to train; the button shows it once the worker confirms. */
  start(): void {
    if (!this.canTrain()) return;
    this.store.setState({ runNote: null });
    this.post({ type: 'start' });
  }

  pause(): void {
    this.post({ type: 'pause' });
  }

  step(): void {
    if (!this.canTrain()) return;
    this.store.setState({ runNote: null });
    this.post({ type: 'step' });
  }

  /**
   * Back to step 0 with the current settings. A worker still starting builds them once it is ready (see
   * 'ready'); one that failed or crashed is replaced.
   */
  reset(): void {
    const { status, config } = this.store.getState();
    if (status === 'loading' && this.worker) {
      this.restartRun(null);
      this.resetAfterStartup = true;
      return;
    }
    if (status !== 'ready') {
      this.connect(null);
      return;
    }
    this.restartRun(null);
    this.store.setState({ error: null });
    this.post({ type: 'reset', config });
  }

  /**
   * Opens a whole experiment (a lesson, an imported file, an edited link): its settings, validated,
   * and a fresh run from step 0 — one restart, even when only live keys differ — training once ready if asked.
   */
  load(config: ExperimentConfig, { start }: { start: boolean }): void {
    const validated = validateConfig(Object.entries(config), defaultConfig(config.method));
    addNotices(this.store, validated.notices.map(renderNotice));
    this.store.setState({ config: this.runnable(validated.config) });
    if (start) this.autoplayPending = true;
    this.reset();
  }

  /** Validates and applies a settings change; a change to a non-live key restarts the run. */
  setConfig(patch: Partial<ExperimentConfig>): void {
    const { config: previous, status } = this.store.getState();
    const validated = validateConfig(Object.entries(patch), previous);
    addNotices(this.store, validated.notices.map(renderNotice));
    const config = this.runnable(validated.config);
    const changed = configKeys.filter((key) => config[key] !== previous[key]);
    if (changed.length === 0) return;
    this.store.setState({ config });
    // A worker still starting gets them once it is ready; one that is gone, with its next init.
    if (status !== 'ready') return;
    if (this.store.getState().replay) {
      // A replayed report is one finished run: a changed setting starts a fresh one instead.
      this.restartRun(messages().runNotes.replayEnded({ keys: changed.join(', ') }));
      this.post({ type: 'reset', config });
      return;
    }
    this.post({ type: 'config', config });
    const restarting = restartingKeys(previous, config);
    if (restarting.length > 0) {
      this.restartRun(messages().runNotes.restarted({ keys: restarting.join(', ') }));
    }
  }

  /**
   * Shows a saved run report instead of a live run: its settings, figures, collapse verdict and snapshots
   * (the timeline scrubs between them). The worker builds a fresh model with those settings, paused, so
   * that Reset trains anew; until then nothing it sends replaces the report. A report opened while the worker
   * still starts is shown once it is ready. False when there is no worker to take its place (nothing shown).
   */
  replay(report: RunReport): boolean {
    const { status } = this.store.getState();
    if (status === 'loading' && this.worker) {
      this.pendingReplay = report;
      return true;
    }
    if (status !== 'ready') return false;
    const config = this.runnable(report.config);
    const latest = report.snapshots.at(-1)!;
    const last = report.metrics.at(-1)!;
    this.figures.cancel();
    this.autoplayPending = false;
    this.store.setState({
      ...freshRunFigures(),
      step: last.step,
      loss: last.loss ?? NaN,
      collapseStd: latest.collapseStd,
      snapshotStep: latest.step,
      snapshotDim: latest.dim,
      config,
      classNames: [...report.classNames],
      running: false,
      runNote: null,
      error: null,
      replay: { backend: report.backend },
    });
    this.recorder.restore(report.metrics, report.snapshots, config);
    this.post({ type: 'reset', config });
    return true;
  }

  /**
   * After the worker crashed or stopped answering: a new worker that resumes the run from its last checkpoint (or
   * from step 0 when there is none yet), the history up to there kept on show.
   */
  restart(): void {
    this.connect(this.checkpoint);
  }

  /** The step Restart would resume from (null: none yet, it would start again). */
  get resumableStep(): number | null {
    return this.checkpoint?.step ?? null;
  }

  /** Asks for a fresh strip of example images with their two augmented views (arrives in `preview`). */
  requestPreview(count: number): void {
    if (this.store.getState().status === 'ready') this.post({ type: 'preview', count });
  }

  dispose(): void {
    this.stopFollowingImages();
    this.stopFollowingLocale();
    clearInterval(this.watchdog);
    this.figures.cancel();
    this.recorder.timeline.pause();
    this.worker?.terminate();
    this.worker = null;
  }

  /** (Re)creates the worker and sends it init with the current settings, resuming `resume` when given. */
  private connect(resume: Checkpoint | null): void {
    this.worker?.terminate();
    this.worker = null;
    this.statusBeforeSilence = null;
    this.lastHeard = Date.now();
    this.pendingReplay = null;
    this.resetAfterStartup = false;
    const config = this.runnable(this.store.getState().config);
    this.store.setState({ config });
    if (resume) {
      this.figures.cancel();
      this.recorder.resumeFrom(resume.step, config);
      this.store.setState({ running: false, commandPending: false, step: resume.step, runNote: null, replay: null });
    } else {
      this.checkpoint = null;
      this.restartRun(null);
    }
    this.store.setState({ status: 'loading', error: null, phases: { active: [], times: {} } });
    let worker: TrainingWorkerPort;
    try {
      worker = this.createWorker();
    } catch (err) {
      this.crashed(messages().errors.crashNotStarted({ detail: (err as Error).message }));
      return;
    }
    // Handlers check identity so a replaced worker's last words are ignored.
    worker.onmessage = (event) => {
      if (this.worker !== worker) return;
      // The worker holds its life lock from now on: its end is seen the moment it comes.
      if (event.data.type === 'alive') worker.watchEnd?.(() => this.worker === worker && this.crashed(messages().errors.crashEnded));
      this.handle(event.data);
    };
    worker.onerror = (event) => {
      if (this.worker === worker) this.crashed(event.message || messages().errors.crashSilent);
    };
    worker.onmessageerror = () => {
      if (this.worker === worker) this.crashed(messages().errors.crashUnreadable);
    };
    this.worker = worker;
    const images = this.options.ownImages?.getState().images;
    if (images) this.post({ type: 'ownImages', data: images.data });
    this.post({ type: 'init', config: resume ? { ...resume.config, ...config } : config, backend: this.options.backend, dataUrl: this.dataUrl, resume, locale: currentLocale() });
  }

  private handle(message: FromWorker): void {
    this.heard();
    switch (message.type) {
      case 'heartbeat':
        if (message.memory) this.store.setState({ workerMemory: message.memory });
        return;
      case 'alive':
        return;
      case 'phase': {
        const { active, times } = this.store.getState().phases;
        this.store.setState({
          phases:
            message.ms === null
              ? { active: [...active, message.phase], times }
              : { active: active.filter((phase) => phase !== message.phase), times: { ...times, [message.phase]: message.ms } },
        });
        return;
      }
      case 'ready': {
        // Every ready (init, reset, restarting change, backend fallback, restart) is a new model, paused: at
        // step 0, or at the checkpoint's step when a restarted worker resumed the run.
        this.figures.cancel();
        const initial = this.store.getState().status === 'loading';
        // The model built behind a replayed report leaves the report on show.
        const replaying = this.store.getState().replay !== null;
        publishImages(this.options.live, message.pointImages, message.imageSize, message.imageChannels);
        const resumed = message.step > 0;
        // Snapshots the old model sent after the restart was asked for are not part of this run.
        if (!replaying && !resumed) this.recorder.clear();
        if (!resumed) this.checkpoint = null;
        this.store.setState({
          ...(replaying ? {} : { ...freshRunFigures(), step: message.step }),
          status: 'ready',
          backend: message.backend,
          classNames: message.classNames,
          imageChannels: message.imageChannels,
          running: false,
        });
        if (initial) this.applyWhatCameDuringStartup(message.config);
        if (this.autoplayPending) {
          this.autoplayPending = false;
          this.start();
        }
        return;
      }
      case 'state':
        // A report from before the latest start/pause/step arrived says nothing about where things stand now.
        if (message.seq < this.awaitedSeq) return;
        this.figures.flush();
        this.store.setState({ running: message.running, commandPending: false, ...(message.running ? {} : { stepsPerSec: 0 }) });
        return;
      case 'progress':
        if (this.store.getState().replay) return;
        // Before the first read of a GPU backend's losses there is none (NaN): keep the last one shown.
        this.figures.push({
          step: message.step,
          stepsPerSec: message.stepsPerSec,
          ...(Number.isNaN(message.loss) ? {} : { loss: message.loss }),
        });
        return;
      case 'checkpoint':
        this.checkpoint = message.checkpoint;
        return;
      case 'notice':
        addNotices(this.store, [message.message]);
        return;
      case 'snapshot': {
        if (this.store.getState().replay) return;
        const { snapshot } = message;
        this.recorder.record(snapshot, this.store.getState().config);
        this.figures.push({
          collapseStd: snapshot.collapseStd,
          snapshotStep: snapshot.step,
          snapshotDim: snapshot.dim,
          snapshotMs: snapshot.evalMs,
          ...(snapshot.probeMs === null ? {} : { probeMs: snapshot.probeMs }),
        });
        return;
      }
      case 'preview':
        this.store.setState({ preview: { count: message.count, imageSize: message.imageSize, imageChannels: message.imageChannels, images: message.images } });
        return;
      case 'finished':
        if (this.store.getState().replay) return;
        this.figures.flush();
        this.store.setState({ step: message.step, runNote: messages().runNotes.finished({ steps: message.step }) });
        return;
      case 'error': {
        this.figures.flush();
        // A diverged run can be reset in place; any other failure leaves a worker best replaced.
        const workerUsable = message.kind === 'nan' && this.store.getState().status === 'ready';
        this.store.setState({
          status: workerUsable ? 'ready' : 'error',
          running: false,
          error: { kind: message.kind, message: message.message },
        });
        return;
      }
      default:
        message satisfies never;
    }
  }

  /**
   * The first model is built: what the user opened while it was being built goes to it now — a run report, or
   * settings (a link, a file, a lesson, own images) other than those it was built with, as a fresh run.
   */
  private applyWhatCameDuringStartup(built: ExperimentConfig): void {
    const report = this.pendingReplay;
    this.pendingReplay = null;
    if (report) {
      this.replay(report);
      return;
    }
    const { config } = this.store.getState();
    if (this.resetAfterStartup || configKeys.some((key) => config[key] !== built[key])) this.post({ type: 'reset', config });
    this.resetAfterStartup = false;
  }

  /** The config, or Fashion-MNIST with a notice when it names own images this page does not have. */
  private runnable(config: ExperimentConfig): ExperimentConfig {
    const { config: runnable, notice } = runnableConfig(config, this.options.ownImages?.getState().images ?? null);
    if (notice) addNotices(this.store, [notice]);
    return runnable;
  }

  /** New images switch the run to them (its model rebuilt on them); forgotten ones switch it back to Fashion-MNIST. */
  private ownImagesChanged(images: OwnImages | null): void {
    this.post({ type: 'ownImages', data: images?.data ?? null });
    const { config, status } = this.store.getState();
    const onOwnImages = config.dataset === OWN_DATASET;
    if (!images && !onOwnImages) return;
    const dataset = images ? OWN_DATASET : FALLBACK_DATASET;
    if (status === 'loading' && this.worker) {
      // A worker still starting has the images now, and builds on them once it is ready (see 'ready').
      this.store.setState({ config: { ...config, dataset } });
      this.resetAfterStartup = true;
    } else if (status !== 'ready') {
      // A worker that is gone: a new one gets the images with its init.
      this.store.setState({ config: { ...config, dataset } });
      this.connect(null);
    } else if (images && onOwnImages) this.reset();
    else this.setConfig({ dataset });
  }

  /** A model at step 0 to train, and no replayed report in the way. */
  private canTrain(): boolean {
    const { status, replay } = this.store.getState();
    return status === 'ready' && replay === null;
  }

  /** Back to step 0, paused (as the worker does): clears the figures and the points of the previous run (or replay). */
  private restartRun(runNote: string | null): void {
    this.figures.cancel();
    clearSnapshot(this.options.live);
    this.recorder.clear();
    this.store.setState({ ...freshRunFigures(), running: false, commandPending: false, runNote, replay: null });
  }

  private crashed(detail: string): void {
    this.worker?.terminate();
    this.worker = null;
    this.figures.cancel();
    this.statusBeforeSilence = null;
    this.store.setState({
      status: 'error',
      running: false,
      commandPending: false,
      error: { kind: 'crash', message: messages().errors.crashed({ detail }) },
    });
  }

  /** A message came: a worker that had gone quiet is back (it was only slow), and its status returns. */
  private heard(): void {
    this.lastHeard = Date.now();
    if (this.statusBeforeSilence === null) return;
    this.store.setState({ status: this.statusBeforeSilence, error: null });
    this.statusBeforeSilence = null;
  }

  /** No message for SILENCE_LIMIT_MS: the worker hangs (or died, where its life lock cannot tell). */
  private checkHeartbeat(): void {
    const now = Date.now();
    // Time in which the page itself could not listen (its own thread busy) is no silence of the worker's: its
    // messages were waiting in the queue.
    const late = now - this.lastWatch - WATCHDOG_INTERVAL_MS;
    this.lastWatch = now;
    if (late > WATCHDOG_INTERVAL_MS) this.lastHeard += late;
    if (!this.worker || this.statusBeforeSilence !== null || now - this.lastHeard < SILENCE_LIMIT_MS) return;
    const { status } = this.store.getState();
    this.statusBeforeSilence = status;
    this.figures.cancel();
    const seconds = Math.round((Date.now() - this.lastHeard) / 1000);
    this.store.setState({
      status: 'error',
      running: false,
      commandPending: false,
      stepsPerSec: 0,
      error: { kind: 'unresponsive', message: messages().errors.unresponsive({ seconds }) },
    });
  }

  private post(command: Command): void {
    const seq = ++this.seq;
    if (isConfirmed(command.type)) {
      this.awaitedSeq = seq;
      if (command.type !== 'init') this.store.setState({ commandPending: true });
    }
    this.worker?.postMessage({ ...command, seq } as ToWorker);
  }
}
