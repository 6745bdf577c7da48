import type { ExperimentConfig } from '../core/config';
import { methodCatalog } from '../methods/catalog';
import { CollapseDetector, type CollapseVerdict } from '../metrics/collapseVerdict';
import { figuresOf, type SnapshotFigures } from '../metrics/snapshotFigures';
import type { Snapshot } from './snapshot';
import type { TrainingData } from '../data/datasetFormat';
import { Trainer, type TrainerOptions } from './trainer';

/** One evaluation as the headless runner reports it: the snapshot's figures, the verdict so far, and timings. */
export interface EvalRecord extends SnapshotFigures {
  verdict: CollapseVerdict;
  /** Training steps per second since the previous evaluation (0 at step 0). */
  stepsPerSec: number;
  evalMs: number;
  metricsMs: number;
  /** Milliseconds of the two linear probes (part of metricsMs); null when kNN was not measured. */
  probeMs: number | null;
}

export interface RunSummary {
  steps: number;
  final: EvalRecord;
  /** Median milliseconds per training step (evaluations excluded). */
  medianStepMs: number;
  /** Median milliseconds to embed and read back the evaluation set. */
  medianEvalMs: number;
  /** The first and the latest snapshot with their points (for a run report). */
  ends: Snapshot[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Trains `config.steps` steps headlessly, evaluating at step 0 and every `evalEvery` steps (and at the
 * end), with the collapse verdict the lab would show. A method that trains nothing (random init) is evaluated at
 * step 0 only, whatever `config.steps` says. The same Trainer as the browser worker: used by the
 * CLI, tests and benchmarks.
 */
export async function runExperiment(
  config: ExperimentConfig,
  data: TrainingData,
  onEval: (record: EvalRecord) => void = () => {},
  options: { knnQueries: number } & TrainerOptions = { knnQueries: 0 },
): Promise<RunSummary> {
  const trainer = new Trainer(config, data, { batches: options.batches });
  const detector = new CollapseDetector();
  try {
    const stepMs: number[] = [];
    const evalMs: number[] = [];
    const knn = { knnQueries: options.knnQueries };
    const evaluate = async (stepsPerSec: number) => {
      const snapshot = await trainer.snapshot(knn);
      const figures = figuresOf(snapshot);
      const record: EvalRecord = { ...figures, verdict: detector.observe(figures, config), stepsPerSec, evalMs: snapshot.evalMs, metricsMs: snapshot.metricsMs, probeMs: snapshot.probeMs };
      onEval(record);
      return { snapshot, record };
    };
    const first = await evaluate(0);
    let latest = first;
    let windowStart = performance.now();
    let windowSteps = 0;
    const steps = methodCatalog[config.method].untrained ? 0 : config.steps;
    while (trainer.step < steps) {
      const started = performance.now();
      await trainer.trainStep();
      stepMs.push(performance.now() - started);
      windowSteps += 1;
      if (trainer.step % config.evalEvery === 0 || trainer.step === steps) {
        latest = await evaluate((windowSteps * 1000) / (performance.now() - windowStart));
        evalMs.push(latest.record.evalMs);
        windowStart = performance.now();
        windowSteps = 0;
      }
    }
    const ends = latest === first ? [first.snapshot] : [first.snapshot, latest.snapshot];
    return { steps: trainer.step, final: latest.record, medianStepMs: median(stepMs), medianEvalMs: median(evalMs), ends };
  } finally {
    trainer.dispose();
  }
}
