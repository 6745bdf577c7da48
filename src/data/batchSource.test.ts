import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../core/config';
import { pixelNormalisation, type BatchSpec } from './batchPlan';
import { LocalBatches, PrefetchedBatches } from './batchSource';
import { loadDatasetFromDisk } from './diskDataset';
import { startNodeBatchWorker } from './nodeBatchWorker';

const port = startNodeBatchWorker();
afterAll(() => port.terminate());

async function spec(seed: number): Promise<BatchSpec> {
  const train = await loadDatasetFromDisk('fashion-mnist', 'train');
  return { pixels: train.pixels, size: 28, channels: 1, count: train.count, seed, batch: 64, normalisation: pixelNormalisation(train.pixels) };
}

describe('batch sources', () => {
  it('a worker thread prefetching ahead gives the same views as making them on the spot, step by step', async () => {
    const runSpec = await spec(3);
    const local = new LocalBatches(runSpec);
    const prefetched = new PrefetchedBatches(port, runSpec);
    const augment = defaultConfig();
    const stronger = { ...augment, cropMinArea: 0.1, noise: 0.2 };
    // Steps out of order and a mid-run change of augmentation: what matters is (seed, step, settings), not timing.
    for (const [step, settings] of [[0, augment], [1, augment], [2, stronger], [3, stronger], [2, augment], [200, augment]] as const) {
      const [a, b] = [await local.take(step, settings), await prefetched.take(step, settings)];
      expect(b.views).toEqual(a.views);
      expect(b.viewsT).toEqual(a.viewsT);
    }
    prefetched.dispose();
  });

  it('uses every training image once per epoch and another order for another seed', async () => {
    const [first, other] = [new LocalBatches(await spec(3)), new LocalBatches(await spec(4))];
    const augment = defaultConfig();
    const a = await first.take(0, augment);
    const b = await other.take(0, augment);
    expect(a.views).not.toEqual(b.views);
    expect(a.views.length).toBe(2 * 64 * 784);
  });
});
