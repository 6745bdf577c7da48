import type { ExperimentConfig } from '../core/config';
import type { Snapshot } from './snapshot';
import { Trainer, type TrainerOptions, type TrainingData } from './trainer';

/** One evaluation as the headless runner reports it. */
export interface EvalRecord {
  step: number;
  loss: number | null;
  /** Collapse std (raw): 1/√d healthy, 0 collapsed. */
  std: number;
  /** Collapse std × √d: 1 spread, 0 collapsed (the reference curves' scale). */
  stdScaled: number;
  alignment: number;
  uniformity: number;
  effectiveRank: number;
  knnProjector: number | null;
  knnEncoder: number | null;
  stepsPerSec: number;
  evalMs: number;
  metricsMs: number;
}

export interface RunSummary {
  steps: number;
  final: EvalRecord;
  /** Median milliseconds per training step (evaluations excluded). */
  medianStepMs: number;
  /** Median milliseconds to embed and read back the evaluation set. */
  medianEvalMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function toRecord(snapshot: Snapshot, stepsPerSec: number): EvalRecord {
  return {
    step: snapshot.step,
    loss: Number.isFinite(snapshot.loss) ? snapshot.loss : null,
    std: snapshot.collapseStd,
    stdScaled: snapshot.collapseStd * Math.sqrt(snapshot.dim),
    ...snapshot.metrics,
    stepsPerSec,
    evalMs: snapshot.evalMs,
    metricsMs: snapshot.metricsMs,
  };
}

/**
 * Trains `config.steps` steps headlessly, evaluating at step 0 and every `evalEvery` steps (and at the
 * end). The same Trainer as the browser worker: used by the CLI, tests and benchmarks.
 */
export async function runExperiment(
  config: ExperimentConfig,
  data: TrainingData,
  onEval: (record: EvalRecord) => void = () => {},
  options: { knnQueries: number } & TrainerOptions = { knnQueries: 0 },
): Promise<RunSummary> {
  const trainer = new Trainer(config, data, { batches: options.batches });
  try {
    const stepMs: number[] = [];
    const evalMs: number[] = [];
    const knn = { knnQueries: options.knnQueries };
    let record = toRecord(await trainer.snapshot(knn), 0);
    onEval(record);
    let windowStart = performance.now();
    let windowSteps = 0;
    while (trainer.step < config.steps) {
      const started = performance.now();
      await trainer.trainStep();
      stepMs.push(performance.now() - started);
      windowSteps += 1;
      if (trainer.step % config.evalEvery === 0 || trainer.step === config.steps) {
        const stepsPerSec = (windowSteps * 1000) / (performance.now() - windowStart);
        const snapshot = await trainer.snapshot(knn);
        evalMs.push(snapshot.evalMs);
        record = toRecord(snapshot, stepsPerSec);
        onEval(record);
        windowStart = performance.now();
        windowSteps = 0;
      }
    }
    return { steps: trainer.step, final: record, medianStepMs: median(stepMs), medianEvalMs: median(evalMs) };
  } finally {
    trainer.dispose();
  }
}
