/**
 * A shipped dataset's two files, downloading: the 'fetch' start-up phase. The worker's entry starts it as soon as
 * the init names the dataset, while the engine still loads; the engine takes it over (or starts one) and decodes.
 */
import type { BuiltInDatasetName } from '../core/config';
import { type FetchedDataset, fetchDataset } from '../data/fetchDataset';
import { type PhaseListener, timePhase } from '../train/startupPhases';

export interface DatasetDownload {
  name: BuiltInDatasetName;
  dataUrl: string;
  /** The train file, then the eval file. */
  files: Promise<FetchedDataset[]>;
}

export function downloadDataset(name: BuiltInDatasetName, dataUrl: string, onPhase: PhaseListener): DatasetDownload {
  const files = timePhase(onPhase, 'fetch', () => Promise.all([fetchDataset(name, 'train', dataUrl), fetchDataset(name, 'eval', dataUrl)]));
  // Whoever takes the files over handles a failure; until then it is no unhandled rejection.
  files.catch(() => undefined);
  return { name, dataUrl, files };
}
