/**
 * The measurement behind choosing a backend: the experiment's own step, a few times, on the backend just started,
 * with a small synthetic dataset so that it runs while the real one downloads.
 */
import type { ExperimentConfig } from '../core/config';
import { Rng } from '../core/rng';
import type { Dataset } from '../data/datasetFormat';
import { Trainer } from './trainer';

const TRIAL_IMAGES = 512;
const TRIAL_STEPS = 3;

function noiseImages(split: string, count: number, rng: Rng): Dataset {
  const pixels = new Uint8Array(count * 28 * 28);
  for (let i = 0; i < pixels.length; i++) pixels[i] = rng.int(256);
  return { name: 'trial', split, count, rows: 28, cols: 28, channels: 1, classNames: ['a', 'b'], labels: new Uint8Array(count), pixels };
}

/**
 * Steps per second of `config` on the current backend: one step to warm up (compile shaders, allocate), then
 * TRIAL_STEPS read back once at the end, as a host on a GPU backend reads its losses.
 */
export async function trialStepsPerSecond(config: ExperimentConfig): Promise<number> {
  const rng = new Rng(config.seed).fork('backend trial');
  const trainer = new Trainer({ ...config, showTrain: false }, { train: noiseImages('train', TRIAL_IMAGES, rng), eval: noiseImages('eval', 64, rng) });
  try {
    await trainer.trainStep();
    await trainer.readLosses();
    const started = performance.now();
    for (let i = 0; i < TRIAL_STEPS; i++) await trainer.trainStep();
    await trainer.readLosses();
    return (TRIAL_STEPS * 1000) / (performance.now() - started);
  } finally {
    trainer.dispose();
  }
}
