/**
 * The UI state (zustand, vanilla store so the worker client can be tested without React). Only scalars
 * live here, updated a few times a second; the embeddings go through liveSnapshot.ts instead.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExperimentConfig } from '../core/config';
import type { ImageChannels } from '../data/datasetFormat';
import type { BackendInfo } from '../train/backendNames';
import type { StartupPhase } from '../train/startupPhases';
import type { ErrorKind, WorkerMemory } from '../worker/protocol';

export type LabStatus = 'loading' | 'ready' | 'error';

interface LabError {
  /** The worker's error kinds, plus 'crash' when the worker itself died and 'unresponsive' when it went quiet. */
  kind: ErrorKind | 'crash' | 'unresponsive';
  message: string;
}

/** Figures of the current run; all reset together when a run restarts. */
export interface RunFigures {
  step: number;
  stepsPerSec: number;
  /** Loss of the latest step (NaN before the first). */
  loss: number;
  /** Collapse std of the latest snapshot (NaN before the first). */
  collapseStd: number;
  snapshotStep: number | null;
  /** Embedding dimension of the latest snapshot (the config may already say otherwise). */
  snapshotDim: number | null;
  /** Milliseconds the latest snapshot took to embed the evaluation set and read it back. */
  snapshotMs: number;
  /** Milliseconds the latest linear probes (z and h, run with kNN) took; null before the first. */
  probeMs: number | null;
}

export interface LabState extends RunFigures {
  status: LabStatus;
  config: ExperimentConfig;
  backend: BackendInfo | null;
  classNames: string[];
  /** The trained images' channels: 1 (grey) or 3 (colour); the colour settings act on colour only. */
  imageChannels: ImageChannels;
  /** Whether the worker trains, as it last confirmed. */
  running: boolean;
  /** A start, pause or step was sent and the worker has not confirmed where things stand yet. */
  commandPending: boolean;
  /** The worker's start-up (and rebuild) phases under way, oldest first, and how long each finished one took (ms). */
  phases: { active: StartupPhase[]; times: Partial<Record<StartupPhase, number>> };
  /** What the training worker's engine holds, from its latest heartbeat. */
  workerMemory: WorkerMemory | null;
  /** Plain-text notices (bad URL values, clamped settings); shown until dismissed. */
  notices: string[];
  error: LabError | null;
  /** One line about the latest run event, e.g. that a settings change restarted the run. */
  runNote: string | null;
  /** The latest augmentation preview: count × 3 images of channels × size² values (image, view 1, view 2), on demand. */
  preview: { count: number; imageSize: number; imageChannels: ImageChannels; images: Float32Array } | null;
  /** Set while a saved run report is shown instead of a live run (with the backend it trained on). */
  replay: { backend: BackendInfo | null } | null;
}

export type LabStore = StoreApi<LabState>;

export function freshRunFigures(): RunFigures {
  return { step: 0, stepsPerSec: 0, loss: NaN, collapseStd: NaN, snapshotStep: null, snapshotDim: null, snapshotMs: NaN, probeMs: null };
}

export function createLabStore(config: ExperimentConfig, notices: string[] = []): LabStore {
  return createStore<LabState>()(() => ({
    ...freshRunFigures(),
    status: 'loading',
    config,
    backend: null,
    classNames: [],
    imageChannels: 1,
    running: false,
    commandPending: false,
    phases: { active: [], times: {} },
    workerMemory: null,
    notices,
    error: null,
    runNote: null,
    preview: null,
    replay: null,
  }));
}

export function addNotices(store: LabStore, notices: readonly string[]): void {
  if (notices.length === 0) return;
  const shown = store.getState().notices;
  store.setState({ notices: [...shown, ...notices.filter((notice) => !shown.includes(notice))] });
}

export function dismissNotices(store: LabStore): void {
  store.setState({ notices: [] });
}

export function dismissError(store: LabStore): void {
  store.setState({ error: null });
}
