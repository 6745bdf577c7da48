import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type MethodName } from '../../core/config';
import { prefetchedInWorkerThread } from '../../data/nodeBatchWorker';
import { fashionMnist } from '../../testing/behaviour';
import { useBackend } from '../../testing/tfBackend';
import { type EvalRecord, runExperiment } from '../runExperiment';
import { Trainer } from '../trainer';

/**
 * Wang & Isola's Figure 1 baselines. Reference PyTorch runs of this setup (d = 2, step 800, seeds 0 / 1): linear
 * probe on z 0.22 / 0.21 at random init and 0.62 / 0.64 supervised; mean positive-pair distance (alignment) 1.25 /
 * 1.38 at random init, 0.29 / 0.63 supervised. Here at seed 0 the supervised probe on z passes 0.4 by step 100 at
 * d = 2 and d = 3. Sized for CI (150 steps, kNN and the probe on 500 evaluation images), asserted with margins.
 */
beforeAll(() => useBackend('wasm'));

const STEPS = 150;
const QUERIES = 500;

async function run(method: MethodName, dim: number): Promise<{ records: EvalRecord[]; steps: number }> {
  const records: EvalRecord[] = [];
  const config = { ...defaultConfig(method), dim, steps: STEPS, evalEvery: STEPS };
  const { steps } = await runExperiment(config, await fashionMnist(), (record) => records.push(record), { knnQueries: QUERIES, batches: prefetchedInWorkerThread });
  return { records, steps };
}

const supervisedRuns = new Map<number, ReturnType<typeof run>>();
const supervised = (dim: number) => {
  if (!supervisedRuns.has(dim)) supervisedRuns.set(dim, run('supervised', dim));
  return supervisedRuns.get(dim)!;
};

describe.each([2, 3])('the Figure 1 baselines at d = %i', (dim) => {
  it('random init stays where it starts: one evaluation at step 0 whatever the steps asked, the network every method starts from', async () => {
    const random = await run('random', dim);
    expect(random.steps).toBe(0);
    expect(random.records.map((r) => r.step)).toEqual([0]);
    const [only] = random.records;
    // The same seed builds the same network and calibration for every method: supervised's step 0 is this one.
    const start = (await supervised(dim)).records[0]!;
    for (const key of ['stdScaled', 'alignment', 'uniformity', 'effectiveRank', 'knnZ', 'knnH', 'linearZ', 'linearH'] as const) {
      expect(only![key], key).toBe(start[key]);
    }
    // A spread random network is not a collapse (and has no loss to be at a bound).
    expect(only!.verdict.state).toBe('healthy');
  });

  it('random init refuses a training step', async () => {
    const trainer = new Trainer({ ...defaultConfig('random'), dim }, await fashionMnist());
    try {
      await expect(trainer.trainStep()).rejects.toThrow(/trains nothing/);
      expect(trainer.step).toBe(0);
    } finally {
      trainer.dispose();
    }
  });

  it('supervised separates the classes on the sphere: kNN and the linear probe on z far above random init', async () => {
    const { records, steps } = await supervised(dim);
    expect(steps).toBe(STEPS);
    const [start, end] = [records[0]!, records.at(-1)!];
    expect(end.step).toBe(STEPS);
    expect(start.linearZ!).toBeLessThan(0.35);
    expect(end.linearZ!).toBeGreaterThan(start.linearZ! + 0.15);
    expect(end.knnZ!).toBeGreaterThan(start.knnZ! + 0.15);
    // The classes gather, so the two views of an image end up closer than at random init.
    expect(end.alignment).toBeLessThan(start.alignment);
    expect(end.verdict.state).toBe('healthy');
  });
});
