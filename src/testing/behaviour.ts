import type { ExperimentConfig, MethodName } from '../core/config';
import { defaultConfig } from '../core/config';
import { loadDatasetFromDisk } from '../data/diskDataset';
import { prefetchedInWorkerThread } from '../data/nodeBatchWorker';
import { type EvalRecord, runExperiment } from '../train/runExperiment';
import type { TrainingData } from '../data/datasetFormat';

let fashion: Promise<TrainingData> | null = null;
/** Fashion-MNIST, loaded once per test process. */
export function fashionMnist(): Promise<TrainingData> {
  fashion ??= Promise.all([loadDatasetFromDisk('fashion-mnist', 'train'), loadDatasetFromDisk('fashion-mnist', 'eval')]).then(
    ([train, evalSet]) => ({ train, eval: evalSet }),
  );
  return fashion;
}

/** Runs already trained in this test process, by their full settings: tests that read the same run share it. */
const curves = new Map<string, Promise<EvalRecord[]>>();

/**
 * Trains a method (defaults + overrides) at d = 3 and returns its collapse std × √d per evaluation. A run is
 * seeded, so the same settings give the same curve: it is trained once per test process and shared.
 */
export function collapseCurve(method: MethodName, steps: number, overrides: Partial<ExperimentConfig> = {}): Promise<EvalRecord[]> {
  const config = { ...defaultConfig(method), dim: 3, evalEvery: 25, ...overrides, steps };
  const key = JSON.stringify(config);
  let curve = curves.get(key);
  if (!curve) {
    curve = trainCurve(config);
    curves.set(key, curve);
  }
  return curve;
}

async function trainCurve(config: ExperimentConfig): Promise<EvalRecord[]> {
  const records: EvalRecord[] = [];
  // Batches prefetched in a worker thread, as the CLI makes them.
  await runExperiment(config, await fashionMnist(), (record) => records.push(record), { knnQueries: 0, batches: prefetchedInWorkerThread });
  return records;
}
