/**
 * One benchmark of the training engine, in whichever thread runs it (Node, or a browser worker): ms per plain
 * step as a host runs them, the same steps split into their phases, kernels per step, and snapshot ms (measured in
 * this thread, and what handing a snapshot to an evaluation worker costs this thread).
 */
import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from '../../src/core/config';
import type { BatchSpec } from '../../src/data/batchPlan';
import type { BatchSource } from '../../src/data/batchSource';
import type { TrainingData } from '../../src/data/datasetFormat';
import { StepProfile, type StepPhase } from '../../src/train/stepProfile';
import { Trainer } from '../../src/train/trainer';

export interface TrainingMeasurement {
  backend: string;
  /**
   * ms per plain step, losses read back every `readEvery` steps as the worker does on this backend: the time of
   * `steps` steps and their reads over `steps` (on asynchronous backends one step's time says nothing, its kernels
   * finish later), median over a few such runs.
   */
  msPerStep: number;
  /** Median ms of each phase, over steps that wait for every phase (see StepProfile). */
  phases: Partial<Record<StepPhase, number>>;
  kernelsPerStep: number;
  /** Loss reads per step. */
  readbacksPerStep: number;
  /** Median ms of a snapshot (embed the 2,000 evaluation images and their views, read back, measure; no kNN). */
  snapshotMs: number;
  /** Of a snapshot, the median ms of embedding and reading back, and of the metrics. */
  snapshotEmbedMs: number;
  snapshotMetricsMs: number;
  /**
   * Median ms a snapshot costs the training thread when an evaluation worker measures it (the host on wasm): its
   * weights read back (Trainer.evaluationState()) and copied into a message, as the host posts them.
   */
  snapshotHandOffMs: number;
}

/** The kernels one training step runs, as tf.profile records them; a custom-gradient op's own record ('forward') wraps its inner kernels' and is left out. */
async function stepKernels(trainer: Trainer) {
  return (await tf.profile(async () => void (await trainer.trainStep()))).kernels.filter((k) => k.name !== 'forward');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

export async function measureTraining(
  config: ExperimentConfig,
  data: TrainingData,
  options: { steps: number; readEvery: number; batches?: (spec: BatchSpec) => BatchSource; snapshots?: number },
): Promise<TrainingMeasurement> {
  const trainer = new Trainer(config, data, { batches: options.batches });
  try {
    for (let i = 0; i < 3; i++) await trainer.trainStep(); // the first steps compile and warm up
    await trainer.readLosses();
    const plain: number[] = [];
    const runs = 3;
    const perRun = Math.max(options.readEvery, Math.round(options.steps / runs));
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      for (let i = 0; i < perRun; i++) {
        await trainer.trainStep();
        if ((i + 1) % options.readEvery === 0) await trainer.readLosses();
      }
      await trainer.readLosses();
      plain.push((performance.now() - started) / perRun);
    }
    const profile = new StepProfile();
    for (let i = 0; i < Math.max(5, options.steps >> 1); i++) {
      await trainer.trainStep(profile);
      await trainer.readLosses(profile);
    }
    const kernels = (await stepKernels(trainer)).length;
    await trainer.readLosses();
    const snapshots: number[] = [];
    const parts: { evalMs: number; metricsMs: number }[] = [];
    for (let i = 0; i < (options.snapshots ?? 3); i++) {
      const started = performance.now();
      parts.push(await trainer.snapshot());
      snapshots.push(performance.now() - started);
    }
    const handOffs: number[] = [];
    for (let i = 0; i < (options.snapshots ?? 3); i++) {
      const started = performance.now();
      structuredClone(await trainer.evaluationState());
      handOffs.push(performance.now() - started);
    }
    return {
      backend: tf.getBackend(),
      msPerStep: median(plain),
      phases: Object.fromEntries(profile.medians()),
      kernelsPerStep: kernels,
      readbacksPerStep: 1 / options.readEvery,
      snapshotMs: snapshots.length ? median(snapshots) : NaN,
      snapshotEmbedMs: parts.length ? median(parts.map((p) => p.evalMs)) : NaN,
      snapshotMetricsMs: parts.length ? median(parts.map((p) => p.metricsMs)) : NaN,
      snapshotHandOffMs: handOffs.length ? median(handOffs) : NaN,
    };
  } finally {
    trainer.dispose();
  }
}

/** Kernel ms per step as tf.profile times them, in all and per kernel name, over `steps` steps after a warm-up. */
export async function profileKernels(
  config: ExperimentConfig,
  data: TrainingData,
  options: { steps: number; batches?: (spec: BatchSpec) => BatchSource },
): Promise<{ totalMs: number; byName: Map<string, number> }> {
  const trainer = new Trainer(config, data, { batches: options.batches });
  try {
    for (let i = 0; i < 5; i++) await trainer.trainStep();
    await trainer.readLosses();
    const byName = new Map<string, number>();
    for (let i = 0; i < options.steps; i++) {
      for (const kernel of await stepKernels(trainer)) {
        byName.set(kernel.name, (byName.get(kernel.name) ?? 0) + (kernel.kernelTimeMs as number) / options.steps);
      }
      await trainer.readLosses();
    }
    return { totalMs: [...byName.values()].reduce((a, b) => a + b, 0), byName };
  } finally {
    trainer.dispose();
  }
}
