/**
 * The typed message protocol between the UI and the training worker: one discriminated union each way.
 * Snapshot and checkpoint arrays are transferred (not copied) to the UI.
 */
import type { ExperimentConfig } from '../core/config';
import type { Locale } from '../i18n/locale';
import type { BackendInfo, BackendRequest } from '../train/backendNames';
import type { Checkpoint } from '../train/checkpoint';
import type { MemoryReading } from '../train/memory';
import type { Snapshot } from '../train/snapshot';
import type { StartupPhase } from '../train/startupPhases';
import type { ImageChannels, TrainingData } from '../data/datasetFormat';

export type { Snapshot };

/** What the training worker's engine holds, and the wasm heap of its evaluation worker (null: none, or not heard from yet). */
export interface WorkerMemory extends MemoryReading {
  evaluationHeapBytes: number | null;
}

/** UI → worker, before numbering. */
export type Command =
  /**
   * Load data, pick the backend (as the page's link asks), build the model; `resume` continues a
   * run from its checkpoint (a worker restarted after the previous one died). `locale`: the page's language, for the
   * worker's own words (the backend's reason, its notices and errors); English when absent.
   */
  | { type: 'init'; config: ExperimentConfig; backend: BackendRequest; dataUrl: string; resume: Checkpoint | null; locale?: Locale }
  | { type: 'start' }
  | { type: 'pause' }
  /** One training step then a snapshot (works while paused). */
  | { type: 'step' }
  /** Rebuild the model from step 0 with this config (same data and backend unless the dataset changed). */
  | { type: 'reset'; config: ExperimentConfig }
  /** Change settings; live keys apply at the next step, others reset the run. */
  | { type: 'config'; config: ExperimentConfig }
  /** Example training images with two augmented views each, drawn afresh on every request. */
  | { type: 'preview'; count: number }
  /**
   * The user's own images, decoded in the page (null: forgotten): the data of the dataset 'own'. Sent before
   * the init and whenever they change; a run on them is then reset by the command that follows.
   */
  | { type: 'ownImages'; data: TrainingData | null }
  /** The page's language changed: the worker's words from now on (what it said before stays as it was). */
  | { type: 'locale'; locale: Locale };

/**
 * Every command carries a number, increasing. The worker confirms each command that changes the run with a state
 * report carrying that command's own number, once its effect has happened (see TrainingHost).
 */
export type ToWorker = Command & { seq: number };

/** A preview, new images or a new language change nothing about the run by themselves: no state report confirms them. */
const unconfirmedCommands: ReadonlySet<Command['type']> = new Set(['preview', 'ownImages', 'locale']);

/** Whether the worker's state reports confirm this command (the UI waits for them; the worker names it in them). */
export function isConfirmed(type: Command['type']): boolean {
  return !unconfirmedCommands.has(type);
}

export type ErrorKind = 'dataset' | 'backend' | 'nan' | 'internal';

/** Worker → UI. */
export type FromWorker =
  | {
      type: 'ready';
      backend: BackendInfo;
      classNames: string[];
      evalCount: number;
      /**
       * The images behind the points, for showing a point's image (channels planes of size × size bytes each,
       * 0 = black): the evaluation images, then the training images when `showTrain` is on.
       */
      pointImages: Uint8Array;
      imageSize: number;
      /** 1 (grey) or 3 (colour: planes R, G, B), as trained. */
      imageChannels: ImageChannels;
      config: ExperimentConfig;
      /** 0 for a new run; the checkpoint's step for a resumed one. */
      step: number;
    }
  /**
   * Whether the worker is training, once the effect of command `seq` has happened: a start's loop under way, a
   * pause's step in flight finished (no step follows), a reset's model built. When the worker stops on its own
   * (finished, diverged, failed), `seq` is the last command whose effect it had reached.
   */
  | { type: 'state'; running: boolean; step: number; seq: number }
  /** count × 3 × size × size values in [0, 1]: each image, then its two augmented views. */
  | { type: 'preview'; count: number; imageSize: number; imageChannels: ImageChannels; images: Float32Array }
  /** `loss`: the latest loss read back from the device (GPU backends read every few steps). */
  | { type: 'progress'; step: number; loss: number; stepsPerSec: number }
  | { type: 'snapshot'; snapshot: Snapshot }
  /** The run's state, every few dozen steps: what a restarted worker resumes from. */
  | { type: 'checkpoint'; checkpoint: Checkpoint }
  /** Training stopped because the configured number of steps was reached. */
  | { type: 'finished'; step: number }
  /** Something the user should know that stops nothing (e.g. memory ran short and the lab thinned what it keeps). */
  | { type: 'notice'; message: string }
  /**
   * Sent every second while the worker's event loop runs (its absence means the worker died or hangs), with what
   * the engine holds (null before a backend has started).
   */
  | { type: 'heartbeat'; memory: WorkerMemory | null }
  /** A start-up phase began (`ms` null) or ended (`ms`: how long it took); see startupPhases.ts. */
  | { type: 'phase'; phase: StartupPhase; ms: number | null }
  /**
   * The worker holds the Web Lock named by its name for as long as it lives: the page asks for the same lock,
   * and is granted it the moment the worker is gone, however busy it was (see trainingClient's watchdog).
   */
  | { type: 'alive' }
  | { type: 'error'; kind: ErrorKind; message: string };
