import type { ExperimentConfig, MethodName } from '../core/config';
import { defaultConfig } from '../core/config';
import { loadDatasetFromDisk } from '../data/diskDataset';
import { prefetchedInWorkerThread } from '../data/nodeBatchWorker';
import { type EvalRecord, runExperiment } from '../train/runExperiment';
import type { TrainingData } from '../train/trainer';

let fashion: Promise<TrainingData> | null = null;
/** Fashion-MNIST, loaded once per test process. */
export function fashionMnist(): Promise<TrainingData> {
  fashion ??= Promise.all([loadDatasetFromDisk('fashion-mnist', 'train'), loadDatasetFromDisk('fashion-mnist', 'eval')]).then(
    ([train, evalSet]) => ({ train, eval: evalSet }),
  );
  return fashion;
}

/** Trains a method (defaults + overrides) at d = 3 and returns its collapse std × √d per evaluation. */
export async function collapseCurve(method: MethodName, steps: number, overrides: Partial<ExperimentConfig> = {}): Promise<EvalRecord[]> {
  const config = { ...defaultConfig(method), dim: 3, evalEvery: 25, ...overrides, steps };
  const records: EvalRecord[] = [];
  // Batches prefetched in a worker thread, as the CLI makes them.
  await runExperiment(config, await fashionMnist(), (record) => records.push(record), { knnQueries: 0, batches: prefetchedInWorkerThread });
  return records;
}
