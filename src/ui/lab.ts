/** Builds a lab: its store, the worker client (which starts its worker at once) and the live snapshot. */
import type { ExperimentConfig } from '../core/config';
import type { BackendRequest } from '../train/backendNames';
import type { Lab } from './labContext';
import { createLiveSnapshot } from './liveSnapshot';
import type { OwnImagesStore } from './ownImages/ownImagesStore';
import { createSphereOptions } from './sphere/viewOptions';
import { createLabStore } from './store';
import { TrainingClient, type TrainingWorkerPort } from './trainingClient';

/** How every lab of the page reaches its worker. */
export interface WorkerOptions {
  backend: BackendRequest;
  /** A stand-in for the worker (tests); the real one by default. */
  createWorker?: () => TrainingWorkerPort;
  /** The page's own images, which every lab can train on. */
  ownImages?: OwnImagesStore;
}

export interface LabOptions extends WorkerOptions {
  /** Start training once the worker is first ready. */
  autoplay: boolean;
  /** Shown when the page opens (a link's ignored or corrected values). */
  notices: string[];
}

export function createLab(config: ExperimentConfig, { notices, ...options }: LabOptions): Lab {
  const store = createLabStore(config, notices);
  const live = createLiveSnapshot();
  const client = new TrainingClient(store, { ...options, live });
  return { store, client, live, sphereOptions: createSphereOptions(), sphere: { view: null } };
}
