import { describe, expect, it } from 'vitest';
import { assertPair, decodeDataset } from '../datasetFormat';
import { ownDatasetArchive } from './ownDatasetArchive';
import { buildOwnDataset } from './ownDataset';
import { extractZip, listZip } from './zipArchive';

describe('ownDatasetArchive', () => {
  it('holds own/train.hsd and own/eval.hsd that decode to the same datasets', async () => {
    const images = Array.from({ length: 120 }, (_, i) => ({ label: i % 3, pixels: new Uint8Array(28 * 28).fill(i) }));
    const { data } = buildOwnDataset(images, ['a', 'b', 'c'], 28);
    const archive = ownDatasetArchive(data, 'pets');
    const paths = listZip(archive, 'archive').map((entry) => entry.path);
    expect(paths).toEqual(['own/train.hsd', 'own/eval.hsd']);
    const files = extractZip(archive, 'archive', new Set(paths));
    const train = await decodeDataset(files.get('own/train.hsd')!, 'train.hsd');
    const evalSet = await decodeDataset(files.get('own/eval.hsd')!, 'eval.hsd');
    expect(train).toEqual(data.train);
    expect(evalSet).toEqual(data.eval);
    expect(() => assertPair(train, evalSet)).not.toThrow();
  });
});
