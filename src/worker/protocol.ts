/**
 * The typed message protocol between the UI and the training worker: one discriminated union each way.
 * Snapshot arrays are transferred (not copied) to the UI.
 */
import type { ExperimentConfig } from '../core/config';
import type { Snapshot } from '../train/snapshot';

export type { Snapshot };

export const backendNames = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];

/** UI → worker. */
export type ToWorker =
  /** Load data, pick the backend, build the model. `forcedBackend` comes from `?backend=`. */
  | { type: 'init'; config: ExperimentConfig; forcedBackend: BackendName | null; dataUrl: string }
  | { type: 'start' }
  | { type: 'pause' }
  /** One training step then a snapshot (works while paused). */
  | { type: 'step' }
  /** Rebuild the model from step 0 with this config (same data and backend unless the dataset changed). */
  | { type: 'reset'; config: ExperimentConfig }
  /** Change settings; live keys apply at the next step, others reset the run. */
  | { type: 'config'; config: ExperimentConfig }
  /** Example training images with two augmented views each, drawn afresh on every request. */
  | { type: 'preview'; count: number };

export interface BackendInfo {
  name: BackendName;
  /** Why this backend was chosen, in words for the status line. */
  reason: string;
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
       * The images behind the points, for showing a point's image (size × size bytes each, 0 = black):
       * the evaluation images, then the training images when `showTrain` is on.
       */
      pointImages: Uint8Array;
      imageSize: number;
      config: ExperimentConfig;
    }
  /** count × 3 × size × size values in [0, 1]: each image, then its two augmented views. */
  | { type: 'preview'; count: number; imageSize: number; images: Float32Array }
  | { type: 'progress'; step: number; loss: number; stepsPerSec: number; running: boolean }
  | { type: 'snapshot'; snapshot: Snapshot }
  /** Training stopped because the configured number of steps was reached. */
  | { type: 'finished'; step: number }
  | { type: 'error'; kind: ErrorKind; message: string };
