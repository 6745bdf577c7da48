/**
 * The user's decoded images as the lab's own dataset files, zipped: own/train.hsd and own/eval.hsd, the layout the
 * exported PyTorch script reads with --data-dir. Only the 28×28 arrays, labels and class names go in, as kept.
 */
import { zipSync } from 'fflate';
import { encodeDataset, type TrainingData } from '../datasetFormat';

export const OWN_ARCHIVE_NAME = 'own-images-hsd.zip';

export function ownDatasetArchive(data: TrainingData, source: string): Uint8Array {
  const provenance = `your own images (${source}), decoded in Hypersphere Lab`;
  return zipSync({
    [`${data.train.name}/train.hsd`]: encodeDataset(data.train, provenance),
    [`${data.eval.name}/eval.hsd`]: encodeDataset(data.eval, provenance),
  });
}
